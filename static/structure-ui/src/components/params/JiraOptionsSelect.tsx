import { useEffect, useState } from 'react';
import { HelperMessage } from '@atlaskit/form';
import Select from '@atlaskit/select';
import TextField from '@atlaskit/textfield';
import { useServices } from '../../api/ServicesContext';
import type { AppServices } from '../../api/services';

export interface JiraOption {
  label: string;
  value: string;
  /** Shown under the picker once chosen (e.g. a board's type and project). */
  detail?: string;
}

/** Where a picker's options come from: one or more reads from Jira as the viewer. */
export type LoadOptions = (requestJira: AppServices['requestJira']) => Promise<JiraOption[]>;

/** A Jira read that must succeed, as JSON. */
export async function jiraJson<T>(requestJira: AppServices['requestJira'], path: string): Promise<T> {
  const res = await requestJira(path);
  if (!res.ok) throw new Error(`Jira answered ${res.status} ${res.statusText}`.trim());
  return (await res.json()) as T;
}

/**
 * A parameter chosen from what Jira lists to the viewer (link types, boards, projects, fields). If Jira
 * cannot list them, the value can be typed instead (comma-separated when several), so an import is
 * never blocked by a picker.
 */
export function JiraOptionsSelect(props: {
  inputId: string;
  value: string | string[] | undefined;
  isMulti?: boolean;
  isInvalid: boolean;
  describedBy?: string;
  /** What the picker lists, in the plural, for messages: "link types". */
  what: string;
  placeholder: string;
  typedPlaceholder: string;
  load: LoadOptions;
  /** When the list has exactly one option and nothing is chosen yet, choose it. */
  chooseOnlyOption?: boolean;
  onChange: (value: string | string[]) => void;
}) {
  const { requestJira } = useServices();
  const { load, chooseOnlyOption, onChange, value } = props;
  const [state, setState] = useState<
    { status: 'loading' } | { status: 'ready'; options: JiraOption[] } | { status: 'error'; message: string }
  >({ status: 'loading' });
  useEffect(() => {
    let live = true;
    load(requestJira)
      .then((options) => live && setState({ status: 'ready', options }))
      .catch(
        (e: unknown) => live && setState({ status: 'error', message: e instanceof Error ? e.message : String(e) }),
      );
    return () => {
      live = false;
    };
  }, [requestJira, load]);
  const only = state.status === 'ready' && state.options.length === 1 ? state.options[0] : undefined;
  const empty = value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
  useEffect(() => {
    if (chooseOnlyOption && only && empty) onChange(props.isMulti ? [only.value] : only.value);
  }, [chooseOnlyOption, only, empty, onChange, props.isMulti]);

  if (state.status === 'error') {
    const text = Array.isArray(value) ? value.join(', ') : (value ?? '');
    return (
      <>
        <TextField
          id={props.inputId}
          value={text}
          isInvalid={props.isInvalid}
          aria-describedby={props.describedBy}
          placeholder={props.typedPlaceholder}
          onChange={(e) => {
            const raw = e.currentTarget.value;
            onChange(
              props.isMulti
                ? raw
                    .split(',')
                    .map((x) => x.trim())
                    .filter((x) => x !== '')
                : raw.trim(),
            );
          }}
        />
        <HelperMessage>
          The {props.what} could not be loaded from Jira ({state.message}). Type {props.isMulti ? 'them' : 'it'}{' '}
          instead.
        </HelperMessage>
      </>
    );
  }
  const options = state.status === 'ready' ? state.options : [];
  const chosen = Array.isArray(value) ? value : value === undefined || value === '' ? [] : [value];
  // A chosen value Jira did not list (typed earlier, or no longer visible) stays shown as itself.
  const selected = chosen.map((v) => options.find((o) => o.value === v) ?? { label: v, value: v });
  const detail = !props.isMulti ? selected[0]?.detail : undefined;
  return (
    <>
      {props.isMulti ? (
        <Select<JiraOption, true>
          inputId={props.inputId}
          aria-describedby={props.describedBy}
          isMulti
          isLoading={state.status === 'loading'}
          options={options}
          value={selected}
          onChange={(list) => onChange(list.map((o) => o.value))}
          placeholder={props.placeholder}
          noOptionsMessage={() => `No ${props.what} you can see.`}
          isInvalid={props.isInvalid}
        />
      ) : (
        <Select<JiraOption>
          inputId={props.inputId}
          aria-describedby={props.describedBy}
          isLoading={state.status === 'loading'}
          options={options}
          value={selected[0] ?? null}
          onChange={(o) => o && onChange(o.value)}
          placeholder={props.placeholder}
          noOptionsMessage={() => `No ${props.what} you can see.`}
          isInvalid={props.isInvalid}
        />
      )}
      {detail && <HelperMessage>{detail}</HelperMessage>}
    </>
  );
}
