// The site's fields (GET /rest/api/3/field, as the viewer), read once per page load: the columns'
// headings name custom fields by them, and the field picker offers them.
import { useEffect, useState } from 'react';
import type { AppServices } from '../../../api/services';
import type { JiraField } from './columnModel';

const once = new WeakMap<object, Promise<JiraField[]>>();

export function siteFields(requestJira: AppServices['requestJira']): Promise<JiraField[]> {
  let found = once.get(requestJira);
  if (!found) {
    found = (async () => {
      const res = await requestJira('/rest/api/3/field', { headers: { Accept: 'application/json' } });
      if (!res.ok) throw new Error(`Jira answered ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`);
      return (await res.json()) as JiraField[];
    })();
    // A failure is not remembered: the next page (or Try again) asks again.
    found.catch(() => once.delete(requestJira));
    once.set(requestJira, found);
  }
  return found;
}

export type SiteFieldsState =
  { status: 'loading' } | { status: 'ready'; fields: JiraField[] } | { status: 'error'; message: string };

export function useSiteFields(requestJira: AppServices['requestJira'], wanted = true): SiteFieldsState {
  const [state, setState] = useState<SiteFieldsState>({ status: 'loading' });
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    siteFields(requestJira).then(
      (fields) => live && setState({ status: 'ready', fields }),
      (e: unknown) => live && setState({ status: 'error', message: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [requestJira, wanted]);
  return state;
}
