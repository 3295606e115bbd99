// The Status Rollup export: read every issue's status in the structure, roll the statuses up the
// structure's hierarchy (src/domain/rollup), and change the parents that must move. Which transition
// reaches each target is decided while writing, against what Jira offers the issue then.
import type { StatusChange, StatusExportPlan } from '../../domain/export';
import type { IssueId } from '../../domain/forest';
import type { StatusFact } from '../../domain/jira';
import { planStatusRollup, type RollupIssueFacts } from '../../domain/rollup';
import { factsStep } from '../../app/export/gather';
import type { ExportSpec } from '../../app/export/spec';
import type { StatusRollupParams } from './params';

/** Skipped parents named in the job log and the confirmation; the count says how many more. */
const SKIPS_SHOWN = 20;

export const statusRollupExport: ExportSpec<StatusRollupParams> = {
  // Statuses are all it reads: a run starts from the last one's and reads what was updated since.
  incremental: true,
  gather: () => [factsStep({ links: false })],
  plan: ({ params, forest, facts, held }) => {
    const rollupFacts = new Map<IssueId, RollupIssueFacts>();
    const statuses = new Map<string, StatusFact>();
    for (const [id, f] of facts) {
      // An issue whose status Jira did not give counts as hidden: it blocks its parent, never moves.
      if (f.status === undefined) continue;
      statuses.set(f.status.id, f.status);
      rollupFacts.set(id, { key: f.key, projectKey: f.projectKey, issueTypeId: f.issueTypeId, statusId: f.status.id });
    }
    const rollup = planStatusRollup({
      forest,
      facts: rollupFacts,
      rule: {
        statuses: params.statusIds,
        ...(params.projectKeys.length > 0 ? { parentProjects: new Set(params.projectKeys) } : {}),
        ...(params.issueTypeIds.length > 0 ? { parentIssueTypes: new Set(params.issueTypeIds) } : {}),
      },
      ...(held ? { held } : {}),
      statusNames: new Map([...statuses].map(([id, s]) => [id, s.name])),
    });
    const changes = rollup.changes.map((c): StatusChange => ({
      issueId: c.issueId,
      from: statuses.get(c.from) as StatusFact,
      // A target is always some child's status, so Jira told us its name and category.
      to: statuses.get(c.to) as StatusFact,
      ...(params.resolution !== undefined && statuses.get(c.to)?.done === true ? { withResolution: true } : {}),
    }));
    const statusesPlan: StatusExportPlan = {
      changes,
      policy: {
        allowed: Object.fromEntries(params.transitions.map((t) => [t.statusId, t.names])),
        ...(params.resolution !== undefined ? { resolution: params.resolution } : {}),
      },
      skipped: rollup.skipped,
      unchanged: rollup.unchanged,
    };
    const shown = rollup.skipped.slice(0, SKIPS_SHOWN).map((s) => s.reason);
    const more = rollup.skipped.length - shown.length;
    return {
      plan: { statuses: statusesPlan },
      warnings: more > 0 ? [...shown, `… and ${more} more parents left as they are.`] : shown,
    };
  },
};
