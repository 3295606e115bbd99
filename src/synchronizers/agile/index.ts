// The Agile synchronizer: import and export.
import { defineModule, looseRecord } from '../module';
import { agileExport } from './export';
import { agileImport } from './import';
import { agileSynchronizer } from './synchronizer';

export const agileModule = defineModule({
  synchronizer: agileSynchronizer,
  import: agileImport,
  export: agileExport,
  summary(p) {
    const source = looseRecord(p.source);
    const from =
      source.mode === 'board'
        ? `Board ${String(source.boardId)}`
        : `Projects ${((source.projectKeys as string[]) ?? []).join(', ')} by ${String(source.rankFieldId)}`;
    return `${from}${p.subtasks ? ', sub-tasks included' : ''}`;
  },
  // Issue events: rank, parent and status changes arrive as `updated`.
  interest: (_params, projects) => ({ on: 'issues-in-projects', projects }),
});
