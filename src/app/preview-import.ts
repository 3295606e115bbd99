// previewImport: the plan an import would make, without changing anything. A synchronizer may preview in
// its own way (the Filter import reads more ids than it could fetch facts); the others run their stages
// within a resolver's budget (import/staged-preview.ts).
import type { ImportPreview } from '../contract';
import { previewStagedImport } from './import/staged-preview';
import { requireLevel } from './access';
import { estimatePoints } from './points-estimate';
import type { Invocation } from './invocation';
import { findStructure } from './structures';
import { prepareImport, type ImportRequest } from './start-import';

export async function previewImport(inv: Invocation, request: ImportRequest): Promise<ImportPreview> {
  await requireLevel(inv, await findStructure(inv, request.structureId), 'control');
  const { spec, params, resolved } = await prepareImport(inv, request);
  const preview = { structureId: request.structureId, params, resolved };
  const planned = await (spec.preview ? spec.preview(inv, preview) : previewStagedImport(spec, inv, preview));
  const estimate = await estimatePoints(inv, {
    structureId: request.structureId,
    kind: 'import',
    synchronizer: request.synchronizer,
    params,
    jql: resolved.jql,
  });
  return estimate ? { ...planned, estimate } : planned;
}
