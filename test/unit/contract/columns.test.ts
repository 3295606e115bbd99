// The column list's schema: what setStructureColumns accepts and stores, and what it refuses with which field.
import { DEFAULT_COLUMNS, MAX_COLUMNS, structureColumnsSchema, type StructureColumn } from '../../../src/contract';

const key: StructureColumn = { kind: 'field', field: 'key' };
const firstProblem = (value: unknown) => {
  const parsed = structureColumnsSchema.safeParse(value);
  return parsed.success
    ? undefined
    : { path: parsed.error.issues[0]!.path.join('.'), message: parsed.error.issues[0]!.message };
};

describe('structure columns schema', () => {
  it('accepts the default columns, system fields, custom fields, sums, progress and widths', () => {
    // given
    const columns: StructureColumn[] = [
      key,
      { kind: 'field', field: 'summary', width: 320 },
      { kind: 'field', field: 'fixVersions' },
      { kind: 'field', field: 'customfield_10020' },
      { kind: 'field', field: 'customfield_10016' },
      { kind: 'sum', field: 'customfield_10016' },
      { kind: 'progress', width: 120 },
    ];
    // then
    expect(structureColumnsSchema.parse(DEFAULT_COLUMNS)).toEqual(DEFAULT_COLUMNS);
    expect(structureColumnsSchema.parse(columns)).toEqual(columns);
  });

  it('refuses an unknown field, a Σ of a system field, a twice-listed column and extra properties', () => {
    expect(firstProblem([key, { kind: 'field', field: 'secretField' }])).toMatchObject({ path: '1.field' });
    expect(firstProblem([key, { kind: 'field', field: 'customfield_10016; DROP' }])).toMatchObject({ path: '1.field' });
    expect(firstProblem([key, { kind: 'sum', field: 'summary' }])).toMatchObject({
      path: '1.field',
      message: 'is not a custom field id like customfield_10016',
    });
    expect(firstProblem([key, { kind: 'progress' }, { kind: 'progress' }])).toEqual({
      path: '2',
      message: 'is already a column of the list',
    });
    expect(firstProblem([key, { kind: 'progress', script: 'x' }])).toMatchObject({ path: '1' });
    expect(firstProblem([key, { kind: 'chart' }])).toMatchObject({ path: '1.kind' });
  });

  it('needs the Issue column first, at least one column, at most 20, and sane widths', () => {
    expect(firstProblem([{ kind: 'field', field: 'summary' }, key])).toEqual({
      path: '0',
      message: 'must be the Issue column (key): it holds the tree',
    });
    expect(firstProblem([])).toMatchObject({ message: 'needs at least the Issue column' });
    const many = [
      key,
      ...Array.from({ length: MAX_COLUMNS }, (_, i) => ({ kind: 'field', field: `customfield_${i}` })),
    ];
    expect(firstProblem(many)).toMatchObject({ message: 'has more than 20 columns' });
    expect(firstProblem(many.slice(0, MAX_COLUMNS))).toBeUndefined();
    expect(firstProblem([{ ...key, width: 10 }])).toMatchObject({ path: '0.width' });
    expect(firstProblem([{ ...key, width: 1.5 }])).toMatchObject({ path: '0.width' });
  });
});
