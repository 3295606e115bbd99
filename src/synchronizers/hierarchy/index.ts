// The Hierarchy synchronizer: import and export.
import { defineModule, looseRecord } from '../module';
import { hierarchyExport } from './export';
import { hierarchyImport } from './import';
import { hierarchySynchronizer } from './synchronizer';

export const hierarchyModule = defineModule({
  synchronizer: hierarchySynchronizer,
  import: hierarchyImport,
  export: hierarchyExport,
  summary(p) {
    const roots = looseRecord(p.roots);
    const from =
      roots.kind === 'jql'
        ? `roots from JQL "${String(roots.jql)}"`
        : `highest level of ${((roots.projectKeys as string[]) ?? []).join(', ')}`;
    return `Hierarchy from the ${from}, ${String(p.levels ?? 10)} levels, ordered by ${String(p.order ?? 'rank')}`;
  },
  // Issue events: parent changes arrive as `updated`.
  interest: (_params, projects) => ({ on: 'issues-in-projects', projects }),
});
