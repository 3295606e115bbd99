import { useEffect, useState } from 'react';
import { useHostContext, useServices } from './ServicesContext';
import { userDirectory } from './userDirectory';

/** A user's display name as Jira shows it to the viewer; the accountId until (or unless) it is known. */
export function useUserName(accountId: string | undefined): string {
  const { requestJira } = useServices();
  const viewer = useHostContext().accountId;
  const [name, setName] = useState(accountId ?? '');
  useEffect(() => {
    if (!accountId) return;
    let live = true;
    setName(accountId);
    // When Jira cannot name the viewer, "you" still reads better than an account id.
    void userDirectory(requestJira)
      .name(accountId)
      .then((n) => live && setName(n ?? (accountId === viewer ? 'you' : accountId)));
    return () => {
      live = false;
    };
  }, [accountId, requestJira, viewer]);
  return name;
}
