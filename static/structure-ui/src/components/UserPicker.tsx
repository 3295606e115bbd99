import { AsyncSelect } from '@atlaskit/select';
import { useServices } from '../api/ServicesContext';
import { userDirectory } from '../api/userDirectory';
import { useUserName } from '../api/useUserName';

/** `5b10ac8d82e05b22cc7d4ef5` or `712020:5e8f2c1a-…`. */
const ACCOUNT_ID = /^(\d+:)?[0-9a-f][0-9a-f-]{15,}$/i;

interface Option {
  label: string;
  value: string;
}

/**
 * Picks a Jira user with Jira's user search (display name or email prefix), run as the viewer. When
 * the search is unavailable or finds nobody, a typed account ID can still be used, so a rule can
 * always be written.
 */
export function UserPicker(props: {
  inputId: string;
  accountId: string;
  onChange: (accountId: string) => void;
  isInvalid?: boolean;
}) {
  const { requestJira } = useServices();
  const currentName = useUserName(props.accountId || undefined);
  const loadOptions = async (query: string): Promise<Option[]> => {
    const text = query.trim();
    if (!text) return [];
    // Offered only for text shaped like an Atlassian account id, so a misspelt name is not taken for one.
    const typed = ACCOUNT_ID.test(text) ? [{ label: `Account ID “${text}”`, value: text }] : [];
    try {
      const res = await requestJira(`/rest/api/3/user/search?query=${encodeURIComponent(text)}&maxResults=20`);
      if (!res.ok) return typed;
      const users = (await res.json()) as Array<{ accountId: string; displayName?: string }>;
      const directory = userDirectory(requestJira);
      users.forEach((u) => u.displayName && directory.remember(u.accountId, u.displayName));
      const found = users.map((u) => ({ label: u.displayName ?? u.accountId, value: u.accountId }));
      return found.length ? found : typed;
    } catch {
      return typed;
    }
  };
  return (
    <AsyncSelect<Option>
      inputId={props.inputId}
      cacheOptions
      loadOptions={loadOptions}
      value={props.accountId ? { label: currentName, value: props.accountId } : null}
      onChange={(option) => option && props.onChange(option.value)}
      placeholder="Type a name or email to search"
      noOptionsMessage={({ inputValue }) => (inputValue.trim() ? 'Nobody found' : 'Type a name or email to search')}
      isInvalid={props.isInvalid}
      menuPortalTarget={document.body}
      styles={{ menuPortal: (base) => ({ ...base, zIndex: 9999 }) }}
    />
  );
}
