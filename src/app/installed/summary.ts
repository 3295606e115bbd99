// The parameters of an installed synchronizer in one readable line for the settings page. Each key
// has its own words; anything unknown falls back to "name: value" pairs, so a new synchronizer still reads.

type P = Record<string, unknown>;
const obj = (v: unknown): P => (typeof v === 'object' && v !== null ? (v as P) : {});

/** Names read from Jira for ids in the parameters; an id without a name reads as the id. */
export interface SummaryNames {
  linkTypeName?: string;
}

export function paramsSummary(key: string, params: unknown, names: SummaryNames = {}): string {
  const p = obj(params);
  switch (key) {
    case 'filter': {
      const source = obj(p.source);
      const from =
        source.kind === 'filter' ? `saved filter ${String(source.filterId)}` : `JQL "${String(source.jql ?? '')}"`;
      const add = obj(p.add);
      const where = add.at === 'under' ? `under ${String(add.issueKey)}` : 'at the top level';
      const extras = [
        p.allowMove ? 'allow move' : '',
        p.remove ? (p.removeOnlyWhereAdded ? 'remove only where added' : 'remove issues that no longer match') : '',
      ].filter(Boolean);
      return [`Issues from ${from}, added ${where}`, ...extras].join('; ');
    }
    case 'agile': {
      const source = obj(p.source);
      const from =
        source.mode === 'board'
          ? `Board ${String(source.boardId)}`
          : `Projects ${((source.projectKeys as string[]) ?? []).join(', ')} by ${String(source.rankFieldId)}`;
      return `${from}${p.subtasks ? ', sub-tasks included' : ''}`;
    }
    case 'links':
      return `Link type ${names.linkTypeName !== undefined ? `“${names.linkTypeName}”` : String(p.linkTypeId)}, parent is the ${String(p.parentEnd ?? 'inward')} issue, scope ${String(p.scope ?? 'structure')}${p.parentJql ? `, parents: ${String(p.parentJql)}` : ''}${p.childJql ? `, sub-issues: ${String(p.childJql)}` : ''}`;
    case 'hierarchy': {
      const roots = obj(p.roots);
      const from =
        roots.kind === 'jql'
          ? `roots from JQL "${String(roots.jql)}"`
          : `highest level of ${((roots.projectKeys as string[]) ?? []).join(', ')}`;
      return `Hierarchy from the ${from}, ${String(p.levels ?? 10)} levels, ordered by ${String(p.order ?? 'rank')}`;
    }
    case 'subtasks':
      return p.addMissing ? 'Sub-tasks under their parents, missing ones added' : 'Sub-tasks under their parents';
    default:
      return Object.entries(p)
        .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
        .join(', ');
  }
}
