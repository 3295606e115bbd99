// What a reader of a job may see of it. A job ran with its starter's Jira permissions, so its log and its
// changes may name issues another reader cannot see, and its parameters may quote JQL they should not
// read. One rule, for every place a job's details reach a reader (getJob, listJobs, cancelJob,
// listJobChanges):
// - an issue key the reader cannot see in Jira now is replaced by "an issue you cannot see", wherever it
//   appears (log, error, parameters, changes); this holds for the starter too, who may have lost access;
// - a change (an export's change log and problems) of an issue the reader cannot see is left out;
//   counts stay, since counts count rows and changes, never name them;
// - the parameters, the log's first line (which quotes the JQL or saved filter) and errors about the
//   parameters are shown only to whoever started the job and to people with control of the structure.
// Installed synchronizers follow the same rule, with the run-as user in the starter's place
// (installed/manage.ts).
import type { ExportChangeDto, JobDto, JobKind } from '../../contract';
import { atLeast } from '../../domain/permissions';
import { BULKFETCH_MAX } from '../../jira';
import { findSynchronizer } from '../../synchronizers/registry';
import type { StructureRecord } from '../../storage';
import { levelOf } from '../access';
import { memo, type Invocation } from '../invocation';
import { visibleIssueIds } from '../visibility';

export const HIDDEN_ISSUE = 'an issue you cannot see';

/** Jira issue keys: a project key (a letter, then letters, digits or _) and a number. */
const ISSUE_KEY = /\b[A-Z][A-Z0-9_]+-[1-9][0-9]*\b/g;

/** Error codes whose message may quote the parameters (JQL, filter, board, issue named in them). */
const ABOUT_PARAMS = new Set([
  'INVALID_PARAMS',
  'JQL_INVALID',
  'FILTER_NOT_FOUND',
  'PARENT_ISSUE_NOT_FOUND',
  'LINK_TYPE_NOT_FOUND',
  'BOARD_NOT_FOUND',
  'PROJECT_NOT_FOUND',
  'FIELD_NOT_FOUND',
]);

const KIND_WORD: Record<JobKind, string> = { import: 'Import', export: 'Export', undo: 'Undo', revert: 'Revert' };

/** Which of these keys the caller can see: bulkfetch as the caller leaves out the rest, as Jira does. */
async function visibleKeys(inv: Invocation, keys: Iterable<string>): Promise<Set<string>> {
  const unique = [...new Set(keys)].sort();
  const visible = new Set<string>();
  const unknown = unique.filter((k) => !inv.memo.has(`key-visible:${k}`));
  for (let i = 0; i < unknown.length; i += BULKFETCH_MAX) {
    const batch = unknown.slice(i, i + BULKFETCH_MAX);
    const found = new Set((await inv.jira.bulkFetch(batch, ['id'])).map((issue) => issue.key));
    // A key Jira answers under another name (the issue moved) counts as unseen: fail closed.
    for (const k of batch) inv.memo.set(`key-visible:${k}`, Promise.resolve(found.has(k)));
  }
  for (const k of unique) if (await inv.memo.get(`key-visible:${k}`)) visible.add(k);
  return visible;
}

export function keysIn(text: string): string[] {
  return text.match(ISSUE_KEY) ?? [];
}

/** Replaces every key of `text` that is not in `visible`. */
export function redactKeys(text: string, visible: ReadonlySet<string>): string {
  return text.replace(ISSUE_KEY, (key) => (visible.has(key) ? key : HIDDEN_ISSUE));
}

/** Replaces, in any of these texts, the keys of issues the caller cannot see. */
export async function keyRedactor(inv: Invocation, texts: readonly string[]): Promise<(s: string) => string> {
  const keys = await visibleKeys(inv, texts.flatMap(keysIn));
  return (s) => redactKeys(s, keys);
}

export function mapStrings(value: unknown, f: (s: string) => string): unknown {
  if (typeof value === 'string') return f(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, f));
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, f)]));
  return value;
}

export function stringsOf(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) stringsOf(v, out);
  else if (typeof value === 'object' && value !== null) for (const v of Object.values(value)) stringsOf(v, out);
  return out;
}

const textsOfChange = (c: ExportChangeDto): string[] => [c.issueKey ?? '', c.before, c.after, c.error ?? ''];

/** Without the parameters: the synchronizer's name only, and no message that may quote them. */
function withoutParams(job: JobDto): JobDto {
  const label = findSynchronizer(job.synchronizer)?.label ?? job.synchronizer;
  const hiddenError = job.error !== undefined && ABOUT_PARAMS.has(job.error.code) ? job.error : undefined;
  const shown = hiddenError && {
    code: hiddenError.code,
    message: `The job's parameters could not be used. Whoever started it, or anyone with control of this structure, can see why.`,
  };
  return {
    ...job,
    params: {},
    log: job.log.map((line, i) =>
      i === 0
        ? {
            ...line,
            message: `${KIND_WORD[job.kind]} with the ${label} synchronizer. Its parameters are shown to whoever started it and to people with control of this structure.`,
          }
        : shown && line.message === hiddenError.message
          ? { ...line, message: shown.message }
          : line,
    ),
    ...(shown ? { error: shown } : {}),
  };
}

/** The jobs as this reader may see them (see the rule at the top). */
export async function jobsForReader(inv: Invocation, structure: StructureRecord, jobs: JobDto[]): Promise<JobDto[]> {
  const mayReadParams = async (job: JobDto): Promise<boolean> =>
    job.startedBy === inv.accountId ||
    (await memo(inv, `control:${structure.id}`, async () => atLeast(await levelOf(inv, structure), 'control')));
  const shaped: JobDto[] = [];
  for (const job of jobs) shaped.push((await mayReadParams(job)) ? job : withoutParams(job));

  const texts: string[] = [];
  const changedIds: number[] = [];
  for (const job of shaped) {
    texts.push(...job.log.map((l) => l.message), job.error?.message ?? '', ...stringsOf(job.params));
    for (const p of job.exportResult?.problems ?? []) {
      texts.push(...textsOfChange(p));
      changedIds.push(Number(p.issueId));
    }
  }
  const text = await keyRedactor(inv, texts);
  const ids = changedIds.length > 0 ? await visibleIssueIds(inv.jira, changedIds) : new Set<number>();

  return shaped.map((job) => ({
    ...job,
    params: mapStrings(job.params, text) as Record<string, unknown>,
    log: job.log.map((l) => ({ ...l, message: text(l.message) })),
    ...(job.error ? { error: { ...job.error, message: text(job.error.message) } } : {}),
    ...(job.exportResult
      ? {
          exportResult: {
            ...job.exportResult,
            problems: job.exportResult.problems
              .filter((p) => ids.has(Number(p.issueId)))
              .map((p) => changeForReader(p, text)),
          },
        }
      : {}),
  }));
}

export function changeForReader(c: ExportChangeDto, text: (s: string) => string): ExportChangeDto {
  return {
    ...c,
    ...(c.issueKey !== undefined ? { issueKey: text(c.issueKey) } : {}),
    before: text(c.before),
    after: text(c.after),
    ...(c.error !== undefined ? { error: text(c.error) } : {}),
  };
}
