// The Sub-tasks synchronizer: import only.
import { defineModule } from '../module';
import { subtasksImport } from './import';
import { subtasksSynchronizer } from './synchronizer';

export const subtasksModule = defineModule({
  synchronizer: subtasksSynchronizer,
  import: subtasksImport,
  summary: (p) =>
    p.addMissing ? 'Sub-tasks under their parents, missing ones added' : 'Sub-tasks under their parents',
  // Issue events of sub-tasks and parent changes.
  interest: () => ({ on: 'subtask-changes' }),
});
