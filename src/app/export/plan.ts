// From what the export read to what it will write: the synchronizer's planner, the change log
// with old and new values, the write operations, and the readable lines of the preview.
import type { ExportChangeDto, ExportCountsDto } from '../../contract';
import {
  exportCounts,
  linkLogEntries,
  parentLogEntries,
  rankLogEntries,
  statusLogEntries,
  type ChangeLogEntry,
  type ExportPlan,
  type PreflightInput,
  type StatusChange,
  type TransitionPolicy,
} from '../../domain/export';
import type { Forest, IssueId } from '../../domain/forest';
import type { IssueFacts, StatusFact } from '../../domain/jira';
import { toIssueFacts, type CompactFact } from './facts';
import type { ExportSpec, GatherPage } from './spec';
import type { OtherOp } from './write';

export interface Gathered {
  facts: Map<IssueId, CompactFact>;
  /** Jira's rank order (Agile). */
  order?: IssueId[];
  parentMatch?: Set<IssueId>;
  childMatch?: Set<IssueId>;
}

export function mergePages(pages: readonly GatherPage[]): Gathered {
  const facts = new Map<IssueId, CompactFact>();
  let order: IssueId[] | undefined;
  let parentMatch: Set<IssueId> | undefined;
  let childMatch: Set<IssueId> | undefined;
  for (const page of pages) {
    for (const f of page.facts) facts.set(f.i, f);
    if (page.order) (order ??= []).push(...page.order);
    if (page.match?.which === 'parent') for (const id of page.match.ids) (parentMatch ??= new Set()).add(id);
    if (page.match?.which === 'child') for (const id of page.match.ids) (childMatch ??= new Set()).add(id);
  }
  return { facts, order, parentMatch, childMatch };
}

export function factsById(g: Gathered): Map<IssueId, IssueFacts> {
  return new Map([...g.facts.values()].map((f) => [f.i, toIssueFacts(f)]));
}

export interface PlannedExport {
  plan: ExportPlan;
  counts: ExportCountsDto;
  structureOrder: IssueId[];
  jiraOrder: IssueId[];
  log: ChangeLogEntry[];
  otherOps: OtherOp[];
  warnings: string[];
  notRepresentable: string[];
}

/** The synchronizer plans; from its plan come the change log, the write operations and the counts. */
export function planExport<P>(
  spec: ExportSpec<P>,
  params: P,
  forest: Forest,
  gathered: Gathered,
  names: Readonly<Record<string, string>>,
  held?: ReadonlyMap<IssueId, string>,
): PlannedExport {
  const planned = spec.plan({
    ...(held && held.size > 0 ? { held } : {}),
    params,
    forest,
    facts: factsById(gathered),
    ...(gathered.order ? { order: gathered.order } : {}),
    ...(gathered.parentMatch ? { parentMatch: gathered.parentMatch } : {}),
    ...(gathered.childMatch ? { childMatch: gathered.childMatch } : {}),
    issueTypeNames: typeNames(gathered),
    names,
  });
  const { plan } = planned;
  const structureOrder = planned.structureOrder ?? [];
  const jiraOrder = planned.jiraOrder ?? [];
  const log: ChangeLogEntry[] = [
    ...(plan.rank ? rankLogEntries(structureOrder, jiraOrder) : []),
    ...(plan.parents ? parentLogEntries(plan.parents.changes) : []),
    ...(plan.links ? linkLogEntries(plan.links) : []),
    ...(plan.statuses ? statusLogEntries(plan.statuses.changes) : []),
  ];
  const otherOps: OtherOp[] = [
    ...(plan.parents?.changes ?? []).map((c): OtherOp => ({ k: 'parent', issueId: c.issueId, to: c.to })),
    ...(plan.links?.creates ?? []).map((c): OtherOp => ({
      k: 'link-create',
      typeId: c.linkTypeId,
      inwardId: c.inwardId,
      outwardId: c.outwardId,
    })),
    ...(plan.links?.deletes ?? []).map((d): OtherOp => ({
      k: 'link-delete',
      linkId: d.linkId,
      typeId: d.linkTypeId,
      inwardId: d.inwardId,
      outwardId: d.outwardId,
    })),
    ...(plan.statuses ? statusOps(plan.statuses.changes, plan.statuses.policy) : []),
  ];
  const notRepresentable = [
    ...(plan.parents?.unrepresentable ?? []).map((u) => u.reason),
    ...(plan.parents?.conflicts ?? []).map((c) => c.reason),
  ];
  return {
    plan,
    counts: { ...exportCounts(plan) },
    structureOrder,
    jiraOrder,
    log,
    otherOps,
    warnings: planned.warnings,
    notRepresentable,
  };
}

/** The gathered facts with the statuses the job has written since (for planning statuses again). */
export function withStatuses(g: Gathered, written: ReadonlyMap<IssueId, StatusFact>): Gathered {
  const facts = new Map(g.facts);
  for (const [id, s] of written) {
    const f = facts.get(id);
    if (f) facts.set(id, { ...f, s: [s.id, s.name, s.done] });
  }
  return { ...g, facts };
}

/** One transition write per change, carrying what picks its transition when Jira lists them. */
export function statusOps(changes: readonly StatusChange[], policy: TransitionPolicy): OtherOp[] {
  return changes.map((c): OtherOp => {
    const allowed = policy.allowed[c.to.id] ?? [];
    return {
      k: 'status',
      issueId: c.issueId,
      from: c.from,
      to: c.to,
      ...(allowed.length > 0 ? { allowed: [...allowed] } : {}),
      ...(policy.resolution !== undefined ? { resolution: policy.resolution } : {}),
    };
  });
}

function typeNames(g: Gathered): Map<string, string> {
  return new Map([...g.facts.values()].filter((f) => f.tn !== '').map((f) => [f.t, f.tn]));
}

/** Entries that change something (a rank entry whose place stays is logged for revert, not shown). */
export function isChange(e: ChangeLogEntry): boolean {
  return e.kind !== 'rank' || e.before !== e.after;
}

/** A log entry in words, for the preview and the job's problems. */
export function changeDto(e: ChangeLogEntry, keyOf: (id: IssueId) => string, rankTotal: number): ExportChangeDto {
  const base = {
    kind: e.kind,
    issueId: String(e.issueId),
    issueKey: keyOf(e.issueId),
    outcome: e.outcome,
    ...(e.error !== undefined ? { error: e.error } : {}),
  };
  switch (e.kind) {
    case 'rank':
      return { ...base, before: `${e.before + 1} of ${rankTotal}`, after: `${e.after + 1} of ${rankTotal}` };
    case 'parent':
      return {
        ...base,
        before: e.before === null ? 'none' : keyOf(e.before),
        after: e.after === null ? 'none' : keyOf(e.after),
      };
    case 'link-create':
      return { ...base, before: 'none', after: `${keyOf(e.after.inwardId)} → ${keyOf(e.after.outwardId)}` };
    case 'link-delete':
      return { ...base, before: `${keyOf(e.before.inwardId)} → ${keyOf(e.before.outwardId)}`, after: 'none' };
    case 'status':
      return { ...base, before: e.before.name, after: e.after.name };
  }
}

/** Issue keys of every issue a log names (changed issues, parents, link ends), by id. */
export function keysOfLog(log: readonly ChangeLogEntry[], keyOf: (id: IssueId) => string): Record<string, string> {
  const ids = new Set<IssueId>();
  for (const e of log) {
    ids.add(e.issueId);
    if (e.kind === 'parent') for (const p of [e.before, e.after]) if (p !== null) ids.add(p);
    if (e.kind === 'link-create') ids.add(e.after.outwardId);
    if (e.kind === 'link-delete') ids.add(e.before.outwardId);
  }
  return Object.fromEntries([...ids].map((id) => [String(id), keyOf(id)]));
}

/** Projects whose permissions the preflight needs: those of every issue a change touches. */
export function projectsOfChanges(
  plan: Omit<PreflightInput, 'projectOf' | 'permissions'>,
  projectOf: (id: IssueId) => string | undefined,
): string[] {
  const ids: IssueId[] = [
    ...(plan.rank ?? []).flatMap((o) => o.issues),
    ...(plan.parents ?? []).map((c) => c.issueId),
    ...(plan.linkCreates ?? []).flatMap((c) => [c.inwardId, c.outwardId]),
    ...(plan.linkDeletes ?? []).flatMap((c) => [c.inwardId, c.outwardId]),
    ...(plan.statuses ?? []).map((c) => c.issueId),
  ];
  return [...new Set(ids.map(projectOf).filter((p): p is string => p !== undefined && p !== ''))].sort();
}
