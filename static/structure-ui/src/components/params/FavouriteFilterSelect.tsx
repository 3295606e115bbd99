import { useEffect, useState } from 'react';
import { HelperMessage } from '@atlaskit/form';
import Select from '@atlaskit/select';
import TextField from '@atlaskit/textfield';
import { useServices } from '../../api/ServicesContext';

interface FavouriteFilter {
  id: string;
  name: string;
  jql?: string;
}

interface Option {
  label: string;
  value: string;
  jql?: string;
}

/**
 * A saved filter from the viewer's favourites, read from Jira as the viewer. If Jira cannot list
 * them, the filter ID can be typed instead so the import is not blocked.
 */
export function FavouriteFilterSelect(props: {
  inputId: string;
  value: string;
  isInvalid: boolean;
  describedBy?: string;
  onChange: (id: string) => void;
}) {
  const { requestJira } = useServices();
  const [state, setState] = useState<
    { status: 'loading' } | { status: 'ready'; filters: FavouriteFilter[] } | { status: 'error'; message: string }
  >({
    status: 'loading',
  });
  useEffect(() => {
    let live = true;
    requestJira('/rest/api/3/filter/favourite')
      .then(async (res) => {
        if (!res.ok) throw new Error(`Jira answered ${res.status} ${res.statusText}`.trim());
        const filters = (await res.json()) as FavouriteFilter[];
        if (live) setState({ status: 'ready', filters: filters.map((f) => ({ ...f, id: String(f.id) })) });
      })
      .catch(
        (e: unknown) => live && setState({ status: 'error', message: e instanceof Error ? e.message : String(e) }),
      );
    return () => {
      live = false;
    };
  }, [requestJira]);

  if (state.status === 'error') {
    return (
      <>
        <TextField
          id={props.inputId}
          value={props.value}
          isInvalid={props.isInvalid}
          aria-describedby={props.describedBy}
          placeholder="Filter ID, e.g. 10001"
          onChange={(e) => props.onChange(e.currentTarget.value.trim())}
        />
        <HelperMessage>
          Your favourite filters could not be loaded ({state.message}). Type the filter ID instead.
        </HelperMessage>
      </>
    );
  }
  const options: Option[] =
    state.status === 'ready' ? state.filters.map((f) => ({ label: f.name, value: f.id, jql: f.jql })) : [];
  const selected = options.find((o) => o.value === props.value) ?? null;
  return (
    <>
      <Select<Option>
        inputId={props.inputId}
        aria-describedby={props.describedBy}
        isLoading={state.status === 'loading'}
        options={options}
        value={selected}
        onChange={(o) => o && props.onChange(o.value)}
        placeholder="Choose one of your favourite filters"
        noOptionsMessage={() => 'No favourite filters. Star a filter in Jira, or use a JQL query.'}
        isInvalid={props.isInvalid}
      />
      {selected?.jql && <HelperMessage>{selected.jql}</HelperMessage>}
    </>
  );
}
