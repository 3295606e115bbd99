// previewImport: the plan an import would make, without changing anything (each runner decides how much
// it can read within a resolver call; see import/filter-preview.ts for the Filter synchronizer's bounds).
import type { ImportPreview } from '../contract';
import type { Invocation } from './invocation';
import { prepareImport, type ImportRequest } from './start-import';

export async function previewImport(inv: Invocation, request: ImportRequest): Promise<ImportPreview> {
  const { runner, synchronizer, params, resolved } = await prepareImport(inv, request);
  return runner.preview(inv, { structureId: request.structureId, synchronizer, params, resolved });
}
