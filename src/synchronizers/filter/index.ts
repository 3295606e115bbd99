// The Filter synchronizer: import only.
import { defineModule, looseRecord } from '../module';
import { filterImport } from './import';
import { filterSynchronizer } from './synchronizer';

export const filterModule = defineModule({
  synchronizer: filterSynchronizer,
  import: filterImport,
  summary(p) {
    const source = looseRecord(p.source);
    const from =
      source.kind === 'filter' ? `saved filter ${String(source.filterId)}` : `JQL "${String(source.jql ?? '')}"`;
    const add = looseRecord(p.add);
    const where = add.at === 'under' ? `under ${String(add.issueKey)}` : 'at the top level';
    const extras = [
      p.allowMove ? 'allow move' : '',
      p.remove ? (p.removeOnlyWhereAdded ? 'remove only where added' : 'remove issues that no longer match') : '',
    ].filter(Boolean);
    return [`Issues from ${from}, added ${where}`, ...extras].join('; ');
  },
  // Issue events, and link events too: JQL may ask about links (`issue in linkedIssues(...)`).
  interest: (_params, projects) => ({ on: 'issues-in-projects', projects, links: true }),
});
