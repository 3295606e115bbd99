import { AsyncSelect } from '@atlaskit/select';
import { useServices } from '../api/ServicesContext';
import { useUserName } from '../api/useUserName';

interface Option {
  label: string;
  value: string;
}

/**
 * Picks a Jira user with Jira's user search, run as the viewer. When the search is unavailable,
 * the typed text can still be used as an account ID, so a rule can always be written.
 */
export function UserPicker(props: { inputId: string; accountId: string; onChange: (accountId: string) => void; isInvalid?: boolean }) {
  const { requestJira } = useServices();
  const currentName = useUserName(props.accountId || undefined);
  const loadOptions = async (query: string): Promise<Option[]> => {
    const typed = query.trim() ? [{ label: `Account ID “${query.trim()}”`, value: query.trim() }] : [];
    try {
      const res = await requestJira(`/rest/api/3/user/search?query=${encodeURIComponent(query)}&maxResults=20`);
      if (!res.ok) return typed;
      const users = (await res.json()) as Array<{ accountId: string; displayName?: string }>;
      const found = users.map((u) => ({ label: u.displayName ?? u.accountId, value: u.accountId }));
      return found.length ? found : typed;
    } catch {
      return typed;
    }
  };
  return (
    <AsyncSelect<Option>
      inputId={props.inputId}
      defaultOptions
      cacheOptions
      loadOptions={loadOptions}
      value={props.accountId ? { label: currentName, value: props.accountId } : null}
      onChange={(option) => option && props.onChange(option.value)}
      placeholder="Search for a user"
      isInvalid={props.isInvalid}
      menuPortalTarget={document.body}
      styles={{ menuPortal: (base) => ({ ...base, zIndex: 9999 }) }}
    />
  );
}
