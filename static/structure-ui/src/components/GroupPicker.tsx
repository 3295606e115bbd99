import { AsyncCreatableSelect } from '@atlaskit/select';
import { useServices } from '../api/ServicesContext';

interface Option {
  label: string;
  value: string;
}

/**
 * Picks a Jira group with Jira's group picker (name contains the text, any case), run as the viewer.
 * Jira lists groups only to users who may browse them, so a typed name can be used as it is.
 */
export function GroupPicker(props: { inputId: string; groupName: string; onChange: (groupName: string) => void }) {
  const { requestJira } = useServices();
  const loadOptions = async (query: string): Promise<Option[]> => {
    try {
      const res = await requestJira(
        `/rest/api/3/groups/picker?query=${encodeURIComponent(query.trim())}&caseInsensitive=true&maxResults=20`,
      );
      if (!res.ok) return [];
      const found = (await res.json()) as { groups?: Array<{ name: string }> };
      return (found.groups ?? []).map((g) => ({ label: g.name, value: g.name }));
    } catch {
      return [];
    }
  };
  return (
    <AsyncCreatableSelect<Option>
      inputId={props.inputId}
      defaultOptions
      cacheOptions
      loadOptions={loadOptions}
      value={props.groupName ? { label: props.groupName, value: props.groupName } : null}
      onChange={(option) => option && props.onChange(option.value)}
      onCreateOption={(name) => props.onChange(name.trim())}
      formatCreateLabel={(name) => `Use group “${name.trim()}”`}
      placeholder="Search for a group"
      menuPortalTarget={document.body}
      styles={{ menuPortal: (base) => ({ ...base, zIndex: 9999 }) }}
    />
  );
}
