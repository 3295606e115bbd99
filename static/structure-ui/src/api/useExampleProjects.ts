// Examples in placeholders name the site's own projects (the first two the viewer can browse), never a
// project that does not exist there. Read once per page load and shared by every field that asks.
import { useEffect, useState } from 'react';
import type { AppServices } from './services';
import { useServices } from './ServicesContext';

const once = new WeakMap<object, Promise<string[]>>();

function exampleProjectKeys(requestJira: AppServices['requestJira']): Promise<string[]> {
  let found = once.get(requestJira);
  if (!found) {
    found = requestJira('/rest/api/3/project/search?maxResults=2&orderBy=key')
      .then(async (res) => (res.ok ? ((await res.json()) as { values?: Array<{ key?: string }> }) : {}))
      .then((page) => (page.values ?? []).map((p) => p.key).filter((k): k is string => typeof k === 'string'))
      // Placeholders are a courtesy: without Jira's answer they give examples without a project.
      .catch(() => []);
    once.set(requestJira, found);
  }
  return found;
}

/** Up to two project keys the viewer can browse, in key order; empty until (or unless) Jira answers. */
export function useExampleProjects(): string[] {
  const { requestJira } = useServices();
  const [keys, setKeys] = useState<string[]>([]);
  useEffect(() => {
    let live = true;
    void exampleProjectKeys(requestJira).then((k) => live && setKeys(k));
    return () => {
      live = false;
    };
  }, [requestJira]);
  return keys;
}

/** The placeholders built from those keys; without any, examples that name no project. */
export function examplePlaceholders(keys: readonly string[]) {
  const [a, b] = keys;
  const project = a ? `project = ${a} AND ` : '';
  return {
    jql: `${project}issuetype = Story ORDER BY Rank`,
    parentJql: `Optional, e.g. ${project}issuetype = Epic`,
    childJql: `Optional, e.g. ${project}statusCategory != Done`,
    issueKey: a ? `e.g. ${a}-123` : 'e.g. the key of an issue in the structure',
    projectKeys: a ? `Project keys, e.g. ${[a, b].filter(Boolean).join(', ')}` : 'Project keys, separated by commas',
    findKey: a ? `Find issue by key, e.g. ${a}-12` : 'Find issue by key',
  };
}
