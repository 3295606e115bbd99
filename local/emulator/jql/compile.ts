// Compiles a parsed JQL query into a plan: a cheap per-issue test plus, where an index can answer
// the clause (project, key/id, parent, issue lists), a candidate set so that evaluation does not
// scan every issue. Anything outside the documented subset fails with a Jira-style message.
import type { DatasetFilter } from '../../dataset/types';
import type { EmulatorStore, StoredIssue } from '../store';
import type { Viewer } from '../visibility';
import type { AstClause, AstFunctionOperand, AstOperand, AstQuery, AstTerminal } from './ast';
import { parseJql } from './ast';
import { evalDateFunction, isDateFunction, parseDateValue } from './dates';
import { JqlError, jqlErrors } from './errors';

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
  | 'filter';

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
  filter: 'filter',
  request: 'filter',
  savedfilter: 'filter',
  searchrequest: 'filter',
};

const EQUALITY = ['=', '!=', 'in', 'not in'];
const EMPTINESS = ['is', 'is not'];
const OPERATORS: Record<FieldKind, string[]> = {
  project: [...EQUALITY, ...EMPTINESS],
  issuekey: EQUALITY,
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
  if (!kind || (clause.field.properties?.length ?? 0) > 0) throw new JqlError([jqlErrors.unknownField(fieldName)]);
  const op = (clause.operator?.value ?? '').toLowerCase();
  if (clause.predicates.length > 0 || /^(was|changed)/.test(op)) throw new JqlError([jqlErrors.history(fieldName)]);
  if (!OPERATORS[kind].includes(op)) throw new JqlError([jqlErrors.unsupportedOperator(op, fieldName)]);
  const operand = clause.operand;
  if (!operand) throw new JqlError([jqlErrors.unsupportedOperator(op, fieldName)]);

  if (op === 'is' || op === 'is not') {
    if (operand.operandType !== 'keyword') throw new JqlError([jqlErrors.unsupportedOperator(op, fieldName)]);
    const isEmpty = emptinessTest(kind);
    return op === 'is' ? { test: isEmpty } : { test: (i) => !isEmpty(i) };
  }
  if (kind === 'summary' || kind === 'text') return textPlan(op, operand, fieldName);
  if (kind === 'created' || kind === 'updated') return datePlan(kind, op, operand, fieldName, ctx);
  if (kind === 'filter') return filterPlan(op, operand, fieldName, ctx);

  const values = operandValues(operand, op, kind, fieldName, ctx);
  const negative = op === '!=' || op === 'not in';
  const positive = valuePlan(kind, values, fieldName, ctx);
  if (!negative) return positive;
  // Jira's negative operators never match issues where the field is empty.
  const isEmpty = emptinessTest(kind);
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
    else if (o.operandType === 'value') out.push(o.value);
    else if (o.operandType === 'function') out.push(...userFunction(o, kind, fieldName, ctx));
    else throw new JqlError([jqlErrors.unsupportedOperator(op, fieldName)]);
  }
  return out;
}

/** Which field each supported list/user function may be used with. */
const FUNCTION_FIELDS: Record<string, FieldKind[]> = {
  currentuser: ['assignee', 'reporter'],
  membersof: ['assignee', 'reporter'],
  standardissuetypes: ['issuetype'],
  subtaskissuetypes: ['issuetype'],
  linkedissues: ['issuekey'],
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

function emptinessTest(kind: FieldKind): (i: StoredIssue) => boolean {
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
    default:
      // project, type, status, key, dates: always set.
      return () => false;
  }
}

function valuePlan(kind: FieldKind, values: Value[], fieldName: string, ctx: CompileContext): Plan {
  const { store, viewer } = ctx;
  const nonEmpty = values.filter((v): v is string => v !== null);
  const wantsEmpty = values.length !== nonEmpty.length;
  const emptyTest = emptinessTest(kind);
  const withEmpty = (plan: Plan): Plan => (wantsEmpty ? { test: (i) => emptyTest(i) || plan.test(i) } : plan);

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

function textPlan(op: string, operand: AstOperand, fieldName: string): Plan {
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
  return op === '!~' ? { test: (i) => !matches(i.summary) } : { test: (i) => matches(i.summary) };
}

function datePlan(
  kind: 'created' | 'updated',
  op: string,
  operand: AstOperand,
  fieldName: string,
  ctx: CompileContext,
): Plan {
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
  const get = kind === 'created' ? (i: StoredIssue) => i.created : (i: StoredIssue) => i.updated;
  switch (op) {
    case '=':
      return { test: (i) => get(i) === t };
    case '!=':
      return { test: (i) => get(i) !== t };
    case '<':
      return { test: (i) => get(i) < t };
    case '<=':
      return { test: (i) => get(i) <= t };
    case '>':
      return { test: (i) => get(i) > t };
    default:
      return { test: (i) => get(i) >= t };
  }
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
