// Compiles a parsed JQL query into a plan: a cheap per-issue test plus, where an index can answer
// the clause (project, key/id, parent, issue lists), a candidate set so that evaluation does not
// scan every issue. Anything outside the documented subset fails with a Jira-style message.
import type { DatasetFilter } from '../../dataset/types';
import type { EmulatorStore, StoredIssue } from '../store';
import type { Viewer } from '../visibility';
import type { AstClause, AstFunctionOperand, AstOperand, AstQuery, AstTerminal } from './ast';
import { parseJql } from './ast';
import { customFieldTest, findCustomField } from './custom-fields';
import { evalDateFunction, isDateFunction, parseDateValue } from './dates';
import { CLAUSE_VALUE_LIMIT, JqlError, jqlErrors, jqlWarnings, type SearchWarning } from './errors';
import { changedTest, wasTest, type HistoryField } from './history';
import {
  planningIsEmpty,
  planningValueTest,
  versionIds,
  visibleSprintIds,
  type PlanningField,
} from './planning-fields';

export type IssueSet = Set<StoredIssue> | StoredIssue[];

export interface Plan {
  test(issue: StoredIssue): boolean;
  /** A superset of the matching issues, when an index can supply one. */
  candidates?(): IssueSet;
}

export interface CompileContext {
  store: EmulatorStore;
  viewer: Viewer;
  now: Date;
  /** Filters being expanded, to stop `filter = X` cycles. */
  filterStack?: string[];
  /** Where clauses that Jira accepts with a caveat report it (search/jql `warnings`). */
  warnings?: SearchWarning[];
}

const ALL: Plan = { test: () => true };

type FieldKind =
  | 'project'
  | 'issuekey'
  | 'issuetype'
  | 'status'
  | 'statuscategory'
  | 'parent'
  | 'labels'
  | 'assignee'
  | 'reporter'
  | 'priority'
  | 'summary'
  | 'text'
  | 'created'
  | 'updated'
  | 'resolved'
  | 'due'
  | 'description'
  | 'comment'
  | 'watchers'
  | 'filter'
  | PlanningField;

const PLANNING = new Set<FieldKind>([
  'sprint',
  'fixversion',
  'affectedversion',
  'component',
  'resolution',
  'epiclink',
  'issuelinktype',
  'watcher',
]);
const isPlanning = (kind: FieldKind): kind is PlanningField => PLANNING.has(kind);
/** Fields whose changes the store records: WAS and CHANGED search them. */
const HISTORY: Partial<Record<FieldKind, HistoryField>> = {
  status: 'status',
  assignee: 'assignee',
  reporter: 'reporter',
  priority: 'priority',
  resolution: 'resolution',
};
type DateKind = 'created' | 'updated' | 'resolved' | 'due';
const DATE_GETTERS: Record<DateKind, (i: StoredIssue) => number | undefined> = {
  created: (i) => i.created,
  updated: (i) => i.updated,
  resolved: (i) => i.resolved,
  due: (i) => i.due,
};

/** Clause names Jira accepts for each modelled field (lower-cased). */
const FIELD_ALIASES: Record<string, FieldKind> = {
  project: 'project',
  key: 'issuekey',
  issue: 'issuekey',
  issuekey: 'issuekey',
  id: 'issuekey',
  issuetype: 'issuetype',
  type: 'issuetype',
  status: 'status',
  statuscategory: 'statuscategory',
  parent: 'parent',
  labels: 'labels',
  assignee: 'assignee',
  reporter: 'reporter',
  priority: 'priority',
  summary: 'summary',
  text: 'text',
  created: 'created',
  createddate: 'created',
  updated: 'updated',
  updateddate: 'updated',
  resolved: 'resolved',
  resolutiondate: 'resolved',
  due: 'due',
  duedate: 'due',
  description: 'description',
  comment: 'comment',
  watchers: 'watchers',
  sprint: 'sprint',
  // Jira Cloud's Sprint custom field; its clause names are `sprint` and `cf[10020]`.
  'cf[10020]': 'sprint',
  fixversion: 'fixversion',
  affectedversion: 'affectedversion',
  component: 'component',
  resolution: 'resolution',
  'epic link': 'epiclink',
  issuelinktype: 'issuelinktype',
  watcher: 'watcher',
  filter: 'filter',
  request: 'filter',
  savedfilter: 'filter',
  searchrequest: 'filter',
};

const EQUALITY = ['=', '!=', 'in', 'not in'];
const EMPTINESS = ['is', 'is not'];
const OPERATORS: Record<FieldKind, string[]> = {
  project: [...EQUALITY, ...EMPTINESS],
  // Jira compares ids as numbers, and keys by their number within the key's project.
  issuekey: [...EQUALITY, '<', '<=', '>', '>='],
  issuetype: [...EQUALITY, ...EMPTINESS],
  status: [...EQUALITY, ...EMPTINESS],
  statuscategory: [...EQUALITY, ...EMPTINESS],
  parent: [...EQUALITY, ...EMPTINESS],
  labels: [...EQUALITY, ...EMPTINESS],
  assignee: [...EQUALITY, ...EMPTINESS],
  reporter: [...EQUALITY, ...EMPTINESS],
  priority: [...EQUALITY, ...EMPTINESS],
  summary: ['~', '!~', ...EMPTINESS],
  text: ['~'],
  created: ['=', '!=', '<', '<=', '>', '>=', ...EMPTINESS],
  updated: ['=', '!=', '<', '<=', '>', '>=', ...EMPTINESS],
  resolved: ['=', '!=', '<', '<=', '>', '>=', ...EMPTINESS],
  due: ['=', '!=', '<', '<=', '>', '>=', ...EMPTINESS],
  description: ['~', '!~', ...EMPTINESS],
  comment: ['~', '!~'],
  watchers: ['=', '!=', '<', '<=', '>', '>='],
  sprint: [...EQUALITY, ...EMPTINESS],
  fixversion: [...EQUALITY, ...EMPTINESS],
  affectedversion: [...EQUALITY, ...EMPTINESS],
  component: [...EQUALITY, ...EMPTINESS],
  resolution: [...EQUALITY, ...EMPTINESS],
  epiclink: [...EQUALITY, ...EMPTINESS],
  issuelinktype: EQUALITY,
  watcher: [...EQUALITY, ...EMPTINESS],
  filter: EQUALITY,
};

/** A resolved right-hand-side value: a string, or EMPTY (null). */
type Value = string | null;

export interface CompiledQuery {
  where?: Plan;
  orderBy: AstQuery['orderBy'];
}

export function compileJql(text: string, ctx: CompileContext): CompiledQuery {
  const query = parseJql(text);
  return { where: query.where ? compileClause(query.where, ctx) : undefined, orderBy: query.orderBy };
}

function compileClause(clause: AstClause, ctx: CompileContext): Plan {
  switch (clause.clauseType) {
    case 'compound': {
      const parts = clause.clauses.map((c) => compileClause(c, ctx));
      return clause.operator.value === 'and' ? and(parts) : or(parts);
    }
    case 'not': {
      const inner = compileClause(clause.clause, ctx);
      return { test: (i) => !inner.test(i) };
    }
    case 'terminal':
      return compileTerminal(clause, ctx);
  }
}

function and(parts: Plan[]): Plan {
  const tests = parts.map((p) => p.test);
  const indexed = parts.filter((p) => p.candidates);
  return {
    test: (i) => tests.every((t) => t(i)),
    candidates:
      indexed.length === 0
        ? undefined
        : () => {
            // The smallest index-backed candidate set bounds the whole conjunction.
            let best: IssueSet | undefined;
            for (const p of indexed) {
              const c = p.candidates!();
              if (!best || size(c) < size(best)) best = c;
            }
            return best!;
          },
  };
}

function or(parts: Plan[]): Plan {
  const tests = parts.map((p) => p.test);
  const allIndexed = parts.every((p) => p.candidates);
  return {
    test: (i) => tests.some((t) => t(i)),
    candidates: allIndexed
      ? () => {
          const union = new Set<StoredIssue>();
          for (const p of parts) for (const i of p.candidates!()) union.add(i);
          return union;
        }
      : undefined,
  };
}

const size = (s: IssueSet): number => (Array.isArray(s) ? s.length : s.size);

function compileTerminal(clause: AstTerminal, ctx: CompileContext): Plan {
  const fieldName = clause.field.text.replace(/^"|"$/g, '');
  const kind = FIELD_ALIASES[clause.field.value.toLowerCase()];
  const op = (clause.operator?.value ?? '').toLowerCase();
  if (!kind || (clause.field.properties?.length ?? 0) > 0) {
    const custom =
      (clause.field.properties?.length ?? 0) === 0 ? findCustomField(ctx.store, clause.field.value) : undefined;
    if (!custom) throw new JqlError([jqlErrors.unknownField(fieldName)]);
    if (clause.predicates.length > 0 || /^(was|changed)/.test(op)) throw new JqlError([jqlErrors.history(fieldName)]);
    if (!clause.operand) throw new JqlError([jqlErrors.unsupportedOperator(op, fieldName)]);
    return { test: customFieldTest(custom, op, limitList(clause.operand, fieldName, op, ctx), fieldName) };
  }
  if (clause.predicates.length > 0 || /^(was|changed)/.test(op)) {
    const history = HISTORY[kind];
    if (!history) throw new JqlError([jqlErrors.history(fieldName)]);
    if (op === 'changed') return { test: changedTest(clause, history, fieldName, ctx) };
    if (/^was( not)?( in)?$/.test(op)) return { test: wasTest(clause, op, history, fieldName, ctx) };
    throw new JqlError([jqlErrors.unsupportedOperator(op, fieldName)]);
  }
  if (!OPERATORS[kind].includes(op)) throw new JqlError([jqlErrors.unsupportedOperator(op, fieldName)]);
  const operand = clause.operand ? limitList(clause.operand, fieldName, op, ctx) : undefined;
  if (!operand) throw new JqlError([jqlErrors.unsupportedOperator(op, fieldName)]);

  if (op === 'is' || op === 'is not') {
    if (operand.operandType !== 'keyword') throw new JqlError([jqlErrors.unsupportedOperator(op, fieldName)]);
    const isEmpty = emptinessTest(kind, ctx.store);
    return op === 'is' ? { test: isEmpty } : { test: (i) => !isEmpty(i) };
  }
  if (kind === 'summary') return textPlan(op, operand, fieldName, (i) => [i.summary]);
  if (kind === 'description') return textPlan(op, operand, fieldName, (i) => [i.description]);
  if (kind === 'comment') return textPlan(op, operand, fieldName, (i) => i.comments.map((c) => c.body));
  // Jira's `text` covers the summary, description, comments and text fields.
  if (kind === 'text')
    return textPlan(op, operand, fieldName, (i) => [i.summary, i.description, ...i.comments.map((c) => c.body)]);
  if (kind === 'created' || kind === 'updated' || kind === 'resolved' || kind === 'due')
    return datePlan(kind, op, operand, fieldName, ctx);
  if (kind === 'watchers') return { test: countTest(op, operand, fieldName, (i) => i.watchers.length) };
  if (kind === 'issuekey' && /^[<>]=?$/.test(op)) return keyRangePlan(op, operand, fieldName, ctx);
  if (kind === 'filter') return filterPlan(op, operand, fieldName, ctx);

  const values = operandValues(operand, op, kind, fieldName, ctx);
  const negative = op === '!=' || op === 'not in';
  const positive = valuePlan(kind, values, fieldName, ctx);
  if (!negative) return positive;
  // Jira's negative operators never match issues where the field is empty.
  const isEmpty = emptinessTest(kind, ctx.store);
  const wantsEmpty = values.includes(null);
  return { test: (i) => !positive.test(i) && (wantsEmpty || !isEmpty(i)) };
}

function operandValues(
  operand: AstOperand,
  op: string,
  kind: FieldKind,
  fieldName: string,
  ctx: CompileContext,
): Value[] {
  const list = op === 'in' || op === 'not in';
  if (list !== (operand.operandType === 'list')) {
    // `in` needs a list and `=` a single value; functions returning lists are not modelled.
    if (!(operand.operandType === 'function' && list))
      throw new JqlError([jqlErrors.unsupportedOperator(op, fieldName)]);
  }
  const singles = operand.operandType === 'list' ? operand.values : [operand];
  const out: Value[] = [];
  for (const o of singles) {
    if (o.operandType === 'keyword') out.push(null);
    // `resolution = Unresolved` is Jira's way of writing an empty resolution.
    else if (o.operandType === 'value' && kind === 'resolution' && o.value.toLowerCase() === 'unresolved')
      out.push(null);
    else if (o.operandType === 'value') out.push(o.value);
    else if (o.operandType === 'function') out.push(...userFunction(o, kind, fieldName, ctx));
    else throw new JqlError([jqlErrors.unsupportedOperator(op, fieldName)]);
  }
  return out;
}

/** Which field each supported list/user function may be used with. */
const FUNCTION_FIELDS: Record<string, FieldKind[]> = {
  currentuser: ['assignee', 'reporter', 'watcher'],
  membersof: ['assignee', 'reporter', 'watcher'],
  standardissuetypes: ['issuetype'],
  subtaskissuetypes: ['issuetype'],
  linkedissues: ['issuekey'],
  opensprints: ['sprint'],
  closedsprints: ['sprint'],
  futuresprints: ['sprint'],
  releasedversions: ['fixversion', 'affectedversion'],
  unreleasedversions: ['fixversion', 'affectedversion'],
};

function userFunction(fn: AstFunctionOperand, kind: FieldKind, fieldName: string, ctx: CompileContext): Value[] {
  const name = fn.function.value;
  const lower = name.toLowerCase();
  const fields = FUNCTION_FIELDS[lower];
  if (!fields) {
    if (isDateFunction(name)) throw new JqlError([jqlErrors.functionNotForField(name, fieldName)]);
    throw new JqlError([jqlErrors.unknownFunction(name)]);
  }
  if (!fields.includes(kind)) throw new JqlError([jqlErrors.functionNotForField(name, fieldName)]);
  const args = fn.arguments.map((a) => a.value);
  switch (lower) {
    case 'currentuser':
      return [ctx.viewer.accountId];
    case 'membersof':
      return [...ctx.store.users.values()]
        .filter((u) => args[0] !== undefined && u.groups.includes(args[0]))
        .map((u) => u.accountId);
    case 'standardissuetypes':
      return ctx.store.issueTypes.filter((t) => !t.subtask).map((t) => t.id);
    case 'subtaskissuetypes':
      return ctx.store.issueTypes.filter((t) => t.subtask).map((t) => t.id);
    // Jira's openSprints() are the sprints not completed yet: the active and the future ones.
    case 'opensprints':
      return [...visibleSprintIds(ctx, 'active'), ...visibleSprintIds(ctx, 'future')];
    case 'closedsprints':
      return visibleSprintIds(ctx, 'closed');
    case 'futuresprints':
      return visibleSprintIds(ctx, 'future');
    case 'releasedversions':
      return versionIds(ctx, true, args[0]);
    case 'unreleasedversions':
      return versionIds(ctx, false, args[0]);
    default:
      return linkedIssues(args, ctx);
  }
}

/** linkedIssues(KEY[, "link description"]): the description is read from KEY's side of the link. */
function linkedIssues(args: string[], ctx: CompileContext): Value[] {
  const [ref, description] = args;
  const issue = ref === undefined ? undefined : ctx.store.issueByIdOrKey(ref);
  if (!issue || !ctx.viewer.canSeeIssue(issue)) {
    throw new JqlError([`Issue '${ref ?? ''}' could not be found in function 'linkedIssues'.`]);
  }
  const wanted = description?.toLowerCase();
  const out: string[] = [];
  for (const link of ctx.store.issueLinks(issue.id)) {
    const isSource = link.sourceId === issue.id;
    const phrase = (isSource ? link.type.outward : link.type.inward).toLowerCase();
    if (wanted !== undefined && phrase !== wanted) continue;
    out.push(isSource ? link.destinationId : link.sourceId);
  }
  // Ids: the caller may not see every linked issue, and unknown ids are ignored by the key clause.
  return out;
}

function emptinessTest(kind: FieldKind, store: EmulatorStore): (i: StoredIssue) => boolean {
  if (isPlanning(kind)) return planningIsEmpty(kind, store);
  switch (kind) {
    case 'parent':
      return (i) => i.parentId === undefined;
    case 'labels':
      return (i) => i.labels.length === 0;
    case 'assignee':
      return (i) => i.assignee === undefined;
    case 'reporter':
      return (i) => i.reporter === undefined;
    case 'priority':
      return (i) => i.priority === undefined;
    case 'summary':
      return (i) => i.summary === '';
    case 'description':
      return (i) => i.description === '';
    case 'resolved':
      return (i) => i.resolved === undefined;
    case 'due':
      return (i) => i.due === undefined;
    default:
      // project, type, status, key, dates: always set.
      return () => false;
  }
}

function valuePlan(kind: FieldKind, values: Value[], fieldName: string, ctx: CompileContext): Plan {
  const { store, viewer } = ctx;
  const nonEmpty = values.filter((v): v is string => v !== null);
  const wantsEmpty = values.length !== nonEmpty.length;
  const emptyTest = emptinessTest(kind, ctx.store);
  const withEmpty = (plan: Plan): Plan => (wantsEmpty ? { test: (i) => emptyTest(i) || plan.test(i) } : plan);
  if (isPlanning(kind)) {
    if (nonEmpty.length === 0) return { test: emptyTest };
    return withEmpty({ test: planningValueTest(kind, nonEmpty, fieldName, ctx) });
  }

  switch (kind) {
    case 'project': {
      const projects = nonEmpty.map((v) => {
        const lower = v.toLowerCase();
        const p =
          store.projectByIdOrKey(v) ?? [...store.projectsById.values()].find((x) => x.name.toLowerCase() === lower);
        // An invisible project does not exist as far as the caller is concerned.
        if (!p || !viewer.canBrowseProject(p)) throw new JqlError([jqlErrors.unknownValue(v, fieldName)]);
        return p;
      });
      const ids = new Set(projects.map((p) => p.id));
      return withEmpty({
        test: (i) => ids.has(i.project.id),
        candidates: () => {
          if (projects.length === 1) return store.issuesByProject.get(projects[0].id) ?? [];
          return projects.flatMap((p) => [...(store.issuesByProject.get(p.id) ?? [])]);
        },
      });
    }
    case 'issuekey': {
      const issues = nonEmpty.map((v) => {
        const issue = store.issueByIdOrKey(v);
        if (issue && viewer.canSeeIssue(issue)) return issue;
        // Jira ignores unknown numeric ids but rejects unknown keys.
        if (/^\d+$/.test(v)) return undefined;
        throw new JqlError([jqlErrors.unknownIssue(v, fieldName)]);
      });
      const set = new Set(issues.filter((i): i is StoredIssue => i !== undefined));
      // By id, not identity: with search lag the evaluated object may be a stale copy.
      const ids = new Set([...set].map((i) => i.id));
      return { test: (i) => ids.has(i.id), candidates: () => set };
    }
    case 'parent': {
      const parents = nonEmpty.map((v) => {
        const issue = store.issueByIdOrKey(v);
        if (issue && viewer.canSeeIssue(issue)) return issue;
        if (/^\d+$/.test(v)) return undefined;
        throw new JqlError([jqlErrors.unknownIssue(v, fieldName)]);
      });
      const ids = new Set(parents.filter((p): p is StoredIssue => p !== undefined).map((p) => p.id));
      return withEmpty({
        test: (i) => i.parentId !== undefined && ids.has(i.parentId),
        candidates: wantsEmpty
          ? undefined
          : () => {
              const out: StoredIssue[] = [];
              for (const id of ids) out.push(...store.children(id));
              return out;
            },
      });
    }
    case 'issuetype': {
      const ids = new Set(
        nonEmpty.map((v) => {
          const t = store.findIssueType(v);
          if (!t) throw new JqlError([jqlErrors.unknownValue(v, fieldName)]);
          return t.id;
        }),
      );
      return { test: (i) => ids.has(i.type.id) };
    }
    case 'status': {
      const ids = new Set(
        nonEmpty.map((v) => {
          const s = store.findStatus(v);
          if (!s) throw new JqlError([jqlErrors.unknownValue(v, fieldName)]);
          return s.id;
        }),
      );
      return { test: (i) => ids.has(i.status.id) };
    }
    case 'statuscategory': {
      const byAlias: Record<string, string> = {
        'to do': 'new',
        new: 'new',
        '2': 'new',
        'in progress': 'indeterminate',
        indeterminate: 'indeterminate',
        '4': 'indeterminate',
        done: 'done',
        complete: 'done',
        '3': 'done',
      };
      const keys = new Set(
        nonEmpty.map((v) => {
          const k = byAlias[v.toLowerCase()];
          if (!k) throw new JqlError([jqlErrors.unknownValue(v, fieldName)]);
          return k;
        }),
      );
      return { test: (i) => keys.has(i.status.category) };
    }
    case 'labels': {
      const labels = new Set(nonEmpty);
      return withEmpty({ test: (i) => i.labels.some((l) => labels.has(l)) });
    }
    case 'assignee':
    case 'reporter': {
      const ids = new Set(
        nonEmpty.map((v) => {
          const u = store.findUser(v);
          if (u) return u.accountId;
          if (v === viewer.accountId) return v; // currentUser() as the app
          throw new JqlError([jqlErrors.unknownValue(v, fieldName)]);
        }),
      );
      return withEmpty({
        test:
          kind === 'assignee'
            ? (i) => i.assignee !== undefined && ids.has(i.assignee)
            : (i) => i.reporter !== undefined && ids.has(i.reporter),
      });
    }
    case 'priority': {
      const names = new Set(
        nonEmpty.map((v) => {
          const idx = store.priorities.findIndex((p, n) => p.toLowerCase() === v.toLowerCase() || String(n + 1) === v);
          if (idx < 0) throw new JqlError([jqlErrors.unknownValue(v, fieldName)]);
          return store.priorities[idx].toLowerCase();
        }),
      );
      return withEmpty({ test: (i) => i.priority !== undefined && names.has(i.priority.toLowerCase()) });
    }
    default:
      throw new JqlError([jqlErrors.unknownField(fieldName)]);
  }
}

/** Splits text into lower-cased words, as Jira's index does (without stemming). */
const words = (text: string): string[] =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');

function textPlan(op: string, operand: AstOperand, fieldName: string, texts: (i: StoredIssue) => string[]): Plan {
  if (operand.operandType !== 'value') throw new JqlError([jqlErrors.unsupportedOperator(op, fieldName)]);
  const raw = operand.value.trim();
  let matches: (summary: string) => boolean;
  if (raw.length > 1 && raw.startsWith('"') && raw.endsWith('"')) {
    // An inner quoted string is a phrase search.
    const phrase = words(raw.slice(1, -1)).join(' ');
    matches = (s) => ` ${words(s).join(' ')} `.includes(` ${phrase} `);
  } else {
    const terms = raw
      .split(/\s+/)
      .filter((t) => t !== '')
      .map((t) => ({ prefix: t.endsWith('*'), word: words(t).join('') }));
    // Every term must match a word (a trailing * matches a prefix).
    matches = (s) => {
      const ws = words(s);
      return terms.every((t) =>
        t.word === '' ? true : ws.some((w) => (t.prefix ? w.startsWith(t.word) : w === t.word)),
      );
    };
  }
  const any = (i: StoredIssue): boolean => texts(i).some(matches);
  return op === '!~' ? { test: (i) => !any(i) } : { test: any };
}

function datePlan(kind: DateKind, op: string, operand: AstOperand, fieldName: string, ctx: CompileContext): Plan {
  let at: number | undefined;
  if (operand.operandType === 'value') {
    at = parseDateValue(operand.value, ctx.now);
    if (at === undefined) throw new JqlError([jqlErrors.badDate(operand.value, fieldName)]);
  } else if (operand.operandType === 'function') {
    const name = operand.function.value;
    if (!isDateFunction(name)) {
      const lower = name.toLowerCase();
      if (lower === 'currentuser' || lower === 'membersof')
        throw new JqlError([jqlErrors.functionNotForField(name, fieldName)]);
      throw new JqlError([jqlErrors.unknownFunction(name)]);
    }
    at = evalDateFunction(
      name,
      operand.arguments.map((a) => a.value),
      ctx.now,
    );
    if (at === undefined)
      throw new JqlError([jqlErrors.badDate(operand.arguments.map((a) => a.text).join(', '), fieldName)]);
  } else {
    throw new JqlError([jqlErrors.unsupportedOperator(op, fieldName)]);
  }
  const t = at;
  const get = DATE_GETTERS[kind];
  // An empty date (unresolved, no due date) matches no comparison, not even `!=`.
  const test = compare(op, t);
  return {
    test: (i) => {
      const v = get(i);
      return v !== undefined && test(v);
    },
  };
}

function compare(op: string, t: number): (v: number) => boolean {
  switch (op) {
    case '=':
      return (v) => v === t;
    case '!=':
      return (v) => v !== t;
    case '<':
      return (v) => v < t;
    case '<=':
      return (v) => v <= t;
    case '>':
      return (v) => v > t;
    default:
      return (v) => v >= t;
  }
}

/**
 * `id >= 10000`, `key < PROJ-50`: an id compares as a number with every issue's id (an id no issue has
 * is fine); a key with the issues of its project by their number (an unknown key is an error, as for `=`).
 */
function keyRangePlan(op: string, operand: AstOperand, fieldName: string, ctx: CompileContext): Plan {
  if (operand.operandType !== 'value') throw new JqlError([jqlErrors.unsupportedOperator(op, fieldName)]);
  const v = operand.value;
  if (/^\d+$/.test(v)) {
    const test = compare(op, Number(v));
    return { test: (i) => test(Number(i.id)) };
  }
  const issue = ctx.store.issueByIdOrKey(v);
  if (!issue || !ctx.viewer.canSeeIssue(issue)) throw new JqlError([jqlErrors.unknownIssue(v, fieldName)]);
  const number = (key: string): number => Number(key.slice(key.lastIndexOf('-') + 1));
  const test = compare(op, number(issue.key));
  const project = issue.project.id;
  return { test: (i) => i.project.id === project && test(number(i.key)) };
}

/** `watchers > 2`: a count compared with a number. */
function countTest(op: string, operand: AstOperand, fieldName: string, count: (i: StoredIssue) => number) {
  const n = operand.operandType === 'value' ? Number(operand.value) : NaN;
  if (!Number.isInteger(n)) {
    const text = operand.operandType === 'value' ? operand.value : op;
    throw new JqlError([jqlErrors.notANumber(text, fieldName)]);
  }
  const test = compare(op, n);
  return (i: StoredIssue): boolean => test(count(i));
}

/**
 * Jira limits how many values one list clause may carry: beyond CLAUSE_VALUE_LIMIT it searches with
 * the first ones and says so in the answer's `warnings` instead of failing the search.
 */
function limitList(operand: AstOperand, fieldName: string, op: string, ctx: CompileContext): AstOperand {
  if (operand.operandType !== 'list' || operand.values.length <= CLAUSE_VALUE_LIMIT) return operand;
  ctx.warnings?.push(jqlWarnings.clauseLimit(`${fieldName} ${op}`, operand.values.length));
  return { ...operand, values: operand.values.slice(0, CLAUSE_VALUE_LIMIT) };
}

function filterPlan(op: string, operand: AstOperand, fieldName: string, ctx: CompileContext): Plan {
  const singles = operand.operandType === 'list' ? operand.values : [operand];
  const plans = singles.map((o) => {
    if (o.operandType !== 'value') throw new JqlError([jqlErrors.unsupportedOperator(op, fieldName)]);
    const filter = findFilter(o.value, ctx);
    if (!filter) throw new JqlError([jqlErrors.unknownValue(o.value, fieldName)]);
    const stack = ctx.filterStack ?? [];
    if (stack.includes(filter.id)) throw new JqlError([jqlErrors.filterCycle(o.value)]);
    // A saved filter's own ORDER BY is ignored when it is used as a clause, as in Jira.
    const compiled = compileJql(filter.jql, { ...ctx, filterStack: [...stack, filter.id] });
    return compiled.where ?? ALL;
  });
  const union = plans.length === 1 ? plans[0] : or(plans);
  return op === '!=' || op === 'not in' ? { test: (i) => !union.test(i) } : union;
}

function findFilter(ref: string, ctx: CompileContext): DatasetFilter | undefined {
  const byId = ctx.store.filters.get(ref);
  if (byId && ctx.viewer.canSeeFilter(byId)) return byId;
  const lower = ref.toLowerCase();
  return [...ctx.store.filters.values()].find((f) => f.name.toLowerCase() === lower && ctx.viewer.canSeeFilter(f));
}
