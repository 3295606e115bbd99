/**
 * Issue facts for export tests, spoken in keys: `facts(story('PLAT-12', { parent: 'PLAT-40' }), epic('PLAT-40'))`.
 * The project is the key's prefix; ids come from the forest builders' `issue(key)`.
 */
import type { IssueFacts, IssueFactsById, LinkFact } from '../../../../src/domain/jira';
import { issue } from '../builders';

export interface FactSpec {
  parent?: string | null;
  links?: LinkFact[];
  type?: string;
}

export const TYPE_IDS: Record<string, string> = {
  'Sub-task': '10003',
  Story: '10001',
  Epic: '10000',
  Initiative: '10005',
  Bug: '10004',
};
export const TYPE_NAMES: ReadonlyMap<string, string> = new Map(
  Object.entries(TYPE_IDS).map(([name, id]) => [id, name]),
);

function fact(key: string, level: number, defaultType: string, spec: FactSpec): IssueFacts {
  const parent = spec.parent === undefined ? null : spec.parent === null ? null : issue(spec.parent);
  return {
    id: issue(key),
    key,
    projectKey: key.split('-')[0],
    issueTypeId: TYPE_IDS[spec.type ?? defaultType],
    hierarchyLevel: level,
    parentId: parent,
    links: spec.links ?? [],
  };
}

export const subtask = (key: string, spec: FactSpec = {}): IssueFacts => fact(key, -1, 'Sub-task', spec);
export const story = (key: string, spec: FactSpec = {}): IssueFacts => fact(key, 0, 'Story', spec);
export const epic = (key: string, spec: FactSpec = {}): IssueFacts => fact(key, 1, 'Epic', spec);
export const initiative = (key: string, spec: FactSpec = {}): IssueFacts => fact(key, 2, 'Initiative', spec);

export function facts(...list: IssueFacts[]): IssueFactsById {
  return new Map(list.map((x) => [x.id, x]));
}

let linkSeq = 0;
/** A link "inward <outward> outward" of a type, as Jira stores it. */
export function link(linkTypeId: string, inwardKey: string, outwardKey: string, linkId = `L${++linkSeq}`): LinkFact {
  return { linkId, linkTypeId, inwardId: issue(inwardKey), outwardId: issue(outwardKey) };
}
