// A synchronizer, whole: its descriptor (key, label, directions, parameter schema, pure import planner),
// how it imports (what it reads from Jira, in stages) and exports (what it reads, its pure planner),
// its parameters in words, the names it shows instead of ids, and which Jira events concern it in the
// background. Generic code reaches a synchronizer only through this shape and the registry.
import type { ExportSpec } from '../app/export/spec';
import type { ImportSpec } from '../app/import/staged-import';
import type { Invocation } from '../app/invocation';
import type { SyncInterest } from '../domain/background/relevance';
import type { Synchronizer } from '../domain/synchronizers/types';

/** Names read from Jira for ids in the parameters (e.g. `linkType`); an id without a name reads as the id. */
export type DisplayNames = Readonly<Record<string, string>>;

export interface SynchronizerModule<P = unknown, D = unknown> {
  readonly synchronizer: Synchronizer<P, D>;
  readonly import?: ImportSpec<P, D>;
  readonly export?: ExportSpec<P>;
  /** The parameters in one readable line, e.g. "Board 12, sub-tasks included"; read loosely (stored parameters may be old). */
  summary(params: Record<string, unknown>, names: DisplayNames): string;
  /** Names to show for ids in the parameters, read as the invocation's user; never fails. */
  names?(inv: Invocation, params: Record<string, unknown>): Promise<DisplayNames>;
  /** Which product events may change what it would do, from its parameters and the projects it reads. */
  interest(params: Record<string, unknown>, projects?: ReadonlySet<string>): SyncInterest;
  /**
   * Exports in the background when installed and enabled (a module without import only; its export must
   * be incremental, so a run after an event reads only what changed).
   */
  readonly backgroundExport?: true;
}

/** Stored parameters (or a part of them) read loosely: anything but an object reads as an empty one. */
export const looseRecord = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};

/** Declares a module with its own parameter and data types; the registry holds them alike. */
export function defineModule<P, D>(module: SynchronizerModule<P, D>): SynchronizerModule {
  return module as unknown as SynchronizerModule;
}
