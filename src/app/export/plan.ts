// From what the export read to what it will write: the domain planners per synchronizer, the change log
// with old and new values, the write operations, and the readable lines of the preview.
import type { ExportChangeDto, ExportCountsDto } from '../../contract';
import {
  exportCounts,
  linkLogEntries,
  parentLogEntries,
  planLinksExport,
  planParentExport,
  planRankExport,
  rankLogEntries,
  structureOrderOf,
  type ChangeLogEntry,
  type ExportPlan,
  type PreflightInput,
} from '../../domain/export';
import type { Forest, IssueId } from '../../domain/forest';
import type { IssueFacts } from '../../domain/jira';
import type { LinksParams } from '../../domain/synchronizers/links';
import { toIssueFacts, type CompactFact } from './facts';
import type { ExportSynchronizerKey, GatherPage } from './gather';
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

/** `linkTypeName`: the Links type's name as Jira lists it, for the warnings (the id when absent). */
export function planExport(
  key: ExportSynchronizerKey,
  params: unknown,
  forest: Forest,
  gathered: Gathered,
  linkTypeName?: string,
): PlannedExport {
  const facts = factsById(gathered);
  const warnings: string[] = [];
  let plan: ExportPlan;
  let structureOrder: IssueId[] = [];
  let jiraOrder: IssueId[] = [];
  if (key === 'agile') {
    jiraOrder = gathered.order ?? [];
    const onBoard = new Set(jiraOrder);
    structureOrder = structureOrderOf(forest, (id) => onBoard.has(id));
    const rank = planRankExport({ structureOrder, jiraOrder });
    const parents = planParentExport({
      forest,
      facts,
      mode: 'epics',
      inScope: (id) => onBoard.has(id),
      issueTypeNames: typeNames(gathered),
    });
    plan = { rank, parents };
    const outside = structureOrderOf(
      forest,
      (id) => !onBoard.has(id) && (facts.get(id)?.hierarchyLevel ?? 0) <= 0,
    ).length;
    if (outside > 0)
      warnings.push(
        `${outside} issue${outside === 1 ? ' is' : 's are'} in the structure but not on the board; their rank is left alone.`,
      );
  } else if (key === 'hierarchy') {
    plan = { parents: planParentExport({ forest, facts, mode: 'hierarchy', issueTypeNames: typeNames(gathered) }) };
  } else {
    const p = params as LinksParams;
    const links = planLinksExport({
      forest,
      facts,
      linkTypeId: p.linkTypeId,
      ...(linkTypeName !== undefined ? { linkTypeName } : {}),
      parentEnd: p.parentEnd,
      scope: p.scope,
      ...(gathered.parentMatch ? { parentMatches: (id: IssueId) => gathered.parentMatch?.has(id) === true } : {}),
      ...(gathered.childMatch ? { childMatches: (id: IssueId) => gathered.childMatch?.has(id) === true } : {}),
    });
    plan = { links };
    warnings.push(...links.warnings);
  }
  const log: ChangeLogEntry[] = [
    ...(plan.rank ? rankLogEntries(structureOrder, jiraOrder) : []),
    ...(plan.parents ? parentLogEntries(plan.parents.changes) : []),
    ...(plan.links ? linkLogEntries(plan.links) : []),
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
    warnings,
    notRepresentable,
  };
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
  ];
  return [...new Set(ids.map(projectOf).filter((p): p is string => p !== undefined && p !== ''))].sort();
}
