// The checks shared by previewExport, startExport and an export resync, after the caller's permission
// check: structure, dark feature, a synchronizer that exports, its parameters, and what only Jira can
// tell (e.g. a board's rank field).
import { findModule } from '../../synchronizers';
import { validateParams } from '../params';
import { AppError } from '../errors';
import type { Invocation } from '../invocation';
import { requireSynchronizersEnabled } from '../settings';
import { findStructure } from '../structures';
import { synchronizerFor } from '../synchronizers';
import { DEFAULT_RANK_FIELD } from './facts';
import type { ExportSpec } from './spec';

export interface ExportRequest {
  structureId: string;
  synchronizer: string;
  params: Record<string, unknown>;
}

export interface PreparedExport {
  structureId: string;
  structureName: string;
  key: string;
  label: string;
  params: unknown;
  /** Numeric rank field id for rank calls, and the field name to read ranks from. */
  rankFieldId?: number;
  rankField: string;
}

/** The export of a synchronizer, from its module (src/synchronizers/<key>/). */
export function exportSpecFor(key: string): ExportSpec<unknown> {
  const spec = findModule(key)?.export;
  if (!spec)
    throw new AppError('DIRECTION_NOT_SUPPORTED', `The ${key} synchronizer does not export to Jira.`, {
      field: 'synchronizer',
    });
  return spec;
}

/** Who may export is the caller's check (control for a person; the run-as user's, for background sync). */
export async function prepareExport(inv: Invocation, request: ExportRequest): Promise<PreparedExport> {
  const structure = await findStructure(inv, request.structureId);
  await requireSynchronizersEnabled(inv);
  const synchronizer = synchronizerFor(request.synchronizer, 'export');
  const params = validateParams(synchronizer, request.params);
  const spec = exportSpecFor(synchronizer.key);
  const { rankField, rankFieldId } = (await spec.prepare?.(inv, params)) ?? { rankField: DEFAULT_RANK_FIELD };
  return {
    structureId: structure.id,
    structureName: structure.name,
    key: synchronizer.key,
    label: synchronizer.label,
    params,
    rankField,
    ...(rankFieldId !== undefined ? { rankFieldId } : {}),
  };
}
