// The checks shared by previewExport, startExport and an export resync: structure, control, dark feature,
// a synchronizer that exports, its parameters, and what only Jira can tell (the board's rank field).
import { validateParams } from '../params';
import { AppError } from '../errors';
import type { Invocation } from '../invocation';
import { requireSynchronizersEnabled } from '../settings';
import { findStructure } from '../structures';
import { synchronizerFor } from '../synchronizers';
import type { AgileParams } from '../../domain/synchronizers/agile';
import { boardRankFieldId, JiraNotFound } from '../../jira';
import { DEFAULT_RANK_FIELD } from './facts';
import type { ExportSynchronizerKey } from './gather';

export interface ExportRequest {
  structureId: string;
  synchronizer: string;
  params: Record<string, unknown>;
}

export interface PreparedExport {
  structureId: string;
  structureName: string;
  key: ExportSynchronizerKey;
  label: string;
  params: unknown;
  /** Numeric rank field id for rank calls (Agile), and the field name to read ranks from. */
  rankFieldId?: number;
  rankField: string;
}

/** Who may export is the caller's check (control for a person; the run-as user's, for background sync). */
export async function prepareExport(inv: Invocation, request: ExportRequest): Promise<PreparedExport> {
  const structure = await findStructure(inv, request.structureId);
  await requireSynchronizersEnabled(inv);
  const synchronizer = synchronizerFor(request.synchronizer, 'export');
  const params = validateParams(synchronizer, request.params);
  const key = synchronizer.key as ExportSynchronizerKey;
  let rankFieldId: number | undefined;
  let rankField = DEFAULT_RANK_FIELD;
  if (key === 'agile') {
    const source = (params as AgileParams).source;
    if (source.mode === 'board') {
      try {
        rankFieldId = await boardRankFieldId(inv.jira, source.boardId);
      } catch (error) {
        if (error instanceof JiraNotFound) {
          throw new AppError(
            'INVALID_PARAMS',
            `params.source.boardId: board ${source.boardId} does not exist, or you cannot see it.`,
            { field: 'params.source.boardId' },
          );
        }
        throw error;
      }
    } else {
      rankField = source.rankFieldId;
      rankFieldId = Number(source.rankFieldId.replace('customfield_', ''));
    }
    if (rankFieldId !== undefined) rankField = `customfield_${rankFieldId}`;
  }
  return {
    structureId: structure.id,
    structureName: structure.name,
    key,
    label: synchronizer.label,
    params,
    rankFieldId,
    rankField,
  };
}
