// Status Rollup: export only — parents take their status from their children in the structure.
import { statusNames } from '../../app/names/status-names';
import { defineModule } from '../module';
import { statusRollupExport } from './export';
import { statusRollupSynchronizer } from './synchronizer';

const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

export const statusRollupModule = defineModule({
  synchronizer: statusRollupSynchronizer,
  export: statusRollupExport,
  backgroundExport: true,
  async names(inv, params): Promise<Record<string, string>> {
    const names = await statusNames(inv);
    return Object.fromEntries(
      list(params.statusIds).flatMap((id) => (names.has(id) ? [[`status:${id}`, names.get(id) as string]] : [])),
    );
  },
  summary(p, names) {
    const statuses = list(p.statusIds).map((id) => names[`status:${id}`] ?? id);
    const projects = list(p.projectKeys);
    return `Rolls up ${statuses.join(' → ') || 'no statuses'} into parents${projects.length > 0 ? ` in ${projects.join(', ')}` : ''}`;
  },
  // A child's status change arrives as an `updated` issue event; children may be in any project.
  interest: () => ({ on: 'issues-in-projects' }),
});
