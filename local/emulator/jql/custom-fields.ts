// Custom field clauses: `cf[10016] >= 5` or by name, `"Story Points" in (3, 5)`, `IS EMPTY`. Number
// fields compare numerically; string fields match exactly (= / IN) or by words (~).
import type { DatasetCustomField } from '../../dataset/types';
import type { EmulatorStore, StoredIssue } from '../store';
import type { AstOperand } from './ast';
import { JqlError, jqlErrors } from './errors';

/** The custom field a clause names: `cf[N]` (customfield_N) or its name, case-insensitively. */
export function findCustomField(store: EmulatorStore, clauseName: string): DatasetCustomField | undefined {
  const cf = /^cf\[(\d+)\]$/i.exec(clauseName);
  if (cf) return store.customFields.find((f) => f.id === `customfield_${cf[1]}`);
  const lower = clauseName.toLowerCase();
  return store.customFields.find((f) => f.name.toLowerCase() === lower);
}

const NUMBER_OPS = ['=', '!=', '<', '<=', '>', '>=', 'in', 'not in', 'is', 'is not'];
const STRING_OPS = ['=', '!=', 'in', 'not in', '~', '!~', 'is', 'is not'];

export function customFieldTest(
  field: DatasetCustomField,
  op: string,
  operand: AstOperand,
  fieldName: string,
): (issue: StoredIssue) => boolean {
  if (!(field.type === 'number' ? NUMBER_OPS : STRING_OPS).includes(op))
    throw new JqlError([jqlErrors.unsupportedOperator(op, fieldName)]);
  const get = (i: StoredIssue): number | string | undefined => i.customFields[field.id];
  if (op === 'is' || op === 'is not') {
    if (operand.operandType !== 'keyword') throw new JqlError([jqlErrors.unsupportedOperator(op, fieldName)]);
    return op === 'is' ? (i) => get(i) === undefined : (i) => get(i) !== undefined;
  }
  const list = op === 'in' || op === 'not in';
  if (list !== (operand.operandType === 'list')) throw new JqlError([jqlErrors.unsupportedOperator(op, fieldName)]);
  const singles = operand.operandType === 'list' ? operand.values : [operand];
  const values = singles.map((o) => {
    if (o.operandType === 'keyword') return null;
    if (o.operandType !== 'value') throw new JqlError([jqlErrors.unsupportedOperator(op, fieldName)]);
    if (field.type === 'string') return o.value;
    const n = Number(o.value);
    if (o.value.trim() === '' || !Number.isFinite(n)) throw new JqlError([jqlErrors.notANumber(o.value, fieldName)]);
    return n;
  });
  const wantsEmpty = values.includes(null);
  const set = new Set(values.filter((v) => v !== null));
  const [first] = values;
  switch (op) {
    case '=':
    case 'in':
      return (i) => (get(i) === undefined ? wantsEmpty : set.has(get(i) as number | string));
    case '!=':
    case 'not in':
      // As for every field: negative operators never match an empty value.
      return (i) => get(i) !== undefined && !set.has(get(i) as number | string);
    case '~':
    case '!~': {
      const word = String(first ?? '').toLowerCase();
      const has = (i: StoredIssue): boolean =>
        String(get(i) ?? '')
          .toLowerCase()
          .includes(word);
      return op === '~' ? has : (i) => !has(i);
    }
    default: {
      const limit = first as number;
      const cmp: Record<string, (v: number) => boolean> = {
        '<': (v) => v < limit,
        '<=': (v) => v <= limit,
        '>': (v) => v > limit,
        '>=': (v) => v >= limit,
      };
      const test = cmp[op] as (v: number) => boolean;
      return (i) => typeof get(i) === 'number' && test(get(i) as number);
    }
  }
}
