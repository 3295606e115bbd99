// The structure view's columns, saved per structure: everyone who may view the structure sees the saved
// set; changing it needs edit, as arranging the structure does.
import { DEFAULT_COLUMNS, structureColumnsSchema, type StructureColumn, type StructureColumnsDto } from '../contract';
import { atLeast } from '../domain/permissions';
import { ColumnsRepository } from '../storage';
import { levelOf, requireLevel } from './access';
import type { Invocation } from './invocation';
import { findStructure } from './structures';

const columnsOf = (inv: Invocation): ColumnsRepository => new ColumnsRepository(inv.kvsWrites);

export async function getStructureColumns(inv: Invocation, structureId: string): Promise<StructureColumnsDto> {
  const structure = await findStructure(inv, structureId);
  await requireLevel(inv, structure, 'view');
  const stored = await columnsOf(inv).get(structureId);
  // A record an older version wrote that this one no longer accepts shows the default columns rather than
  // a view that cannot render; the next save replaces it.
  const valid = stored ? structureColumnsSchema.safeParse(stored.columns) : undefined;
  const level = await levelOf(inv, structure);
  return {
    structureId,
    columns: valid?.success ? valid.data : DEFAULT_COLUMNS,
    saved: valid?.success === true,
    canChange: atLeast(level, 'edit'),
  };
}

export async function setStructureColumns(
  inv: Invocation,
  input: { structureId: string; columns: StructureColumn[] },
): Promise<StructureColumnsDto> {
  const structure = await findStructure(inv, input.structureId);
  await requireLevel(inv, structure, 'edit');
  await columnsOf(inv).put(input.structureId, {
    columns: input.columns,
    updatedAt: new Date(inv.now()).toISOString(),
    updatedBy: inv.accountId,
  });
  return { structureId: input.structureId, columns: input.columns, saved: true, canChange: true };
}
