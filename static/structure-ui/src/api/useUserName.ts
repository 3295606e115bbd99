import { useEffect, useState } from 'react';
import { useHostContext, useServices } from './ServicesContext';
import type { AppServices } from './services';

// One lookup per account per session: the same owners repeat across hundreds of table rows.
const caches = new WeakMap<AppServices['requestJira'], Map<string, Promise<string>>>();

function lookup(requestJira: AppServices['requestJira'], accountId: string): Promise<string> {
  let cache = caches.get(requestJira);
  if (!cache) {
    cache = new Map();
    caches.set(requestJira, cache);
  }
  let name = cache.get(accountId);
  if (!name) {
    name = requestJira(`/rest/api/3/user?accountId=${encodeURIComponent(accountId)}`)
      .then(async (res) => (res.ok ? ((await res.json()) as { displayName?: string }).displayName ?? accountId : accountId))
      .catch(() => accountId);
    cache.set(accountId, name);
  }
  return name;
}

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
    void lookup(requestJira, accountId).then((n) => live && setName(n === accountId && accountId === viewer ? 'you' : n));
    return () => {
      live = false;
    };
  }, [accountId, requestJira, viewer]);
  return name;
}
