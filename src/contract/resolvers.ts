// The resolver contract: every resolver key with its result type. The UI calls `invoke(key, payload)`
// with these names and types; the backend defines exactly these keys.
import type { StructureColumnsDto } from './columns';
import type { ResolverAnswer } from './errors';
import type {
  AppSettings,
  ExportChangeDto,
  EditStructureResult,
  PasteRowsResult,
  ExportPreview,
  ForestPage,
  HistoryPage,
  InstalledSynchronizerDto,
  ImportPreview,
  JobDto,
  ResyncPreview,
  StructureDetails,
  StructureSummary,
  SynchronizerInfo,
  UndoPreview,
  VersionChangeResult,
} from './model';
import type { PayloadIn, ResolverKey } from './schemas';

export interface ResolverResults {
  listStructures: { structures: StructureSummary[] };
  getStructure: StructureDetails;
  createStructure: StructureDetails;
  updateStructure: StructureDetails;
  deleteStructure: { deleted: true };
  setPermissions: StructureDetails;
  getForest: ForestPage;
  editStructure: EditStructureResult;
  /** Rows copied or cut in a structure, pasted at a place in this or another structure the caller may edit. */
  pasteRows: PasteRowsResult;
  /** The structure's changes, newest first: manual edits, imports, undos, restores. */
  listStructureHistory: HistoryPage;
  /** A page of an earlier version of the forest, filtered as getForest is. */
  getForestAt: ForestPage;
  /** Writes an earlier version back as one new change. */
  restoreVersion: VersionChangeResult;
  /** Takes back the caller's last edit, as one new change. */
  undoEdit: VersionChangeResult;
  /** The columns the structure view shows: the saved ones, or the default four. */
  getStructureColumns: StructureColumnsDto;
  /** Saves the structure's columns for everyone who views it (edit level). */
  setStructureColumns: StructureColumnsDto;
  listSynchronizers: { synchronizers: SynchronizerInfo[] };
  previewImport: ImportPreview;
  startImport: { job: JobDto };
  getJob: JobDto;
  listJobs: { jobs: JobDto[]; nextCursor?: string };
  cancelJob: JobDto;
  /** For the undo confirmation: what undoing the import would change; refused as undoImport would be. */
  previewUndo: UndoPreview;
  undoImport: { job: JobDto };
  getSettings: AppSettings;
  setSettings: AppSettings;
  installSynchronizer: { synchronizer: InstalledSynchronizerDto };
  listInstalledSynchronizers: {
    synchronizers: InstalledSynchronizerDto[];
    /** Whether the caller has control (may change them). */ canChange: boolean;
  };
  updateSynchronizer: { synchronizer: InstalledSynchronizerDto };
  removeSynchronizer: { removed: true };
  setSynchronizerEnabled: { synchronizer: InstalledSynchronizerDto };
  /** For the resync confirmation: what the run would change, in the chosen direction. */
  previewResync: ResyncPreview;
  resync: { job: JobDto };
  previewExport: ExportPreview;
  startExport: { job: JobDto };
  revertJob: { job: JobDto };
  /** An export's change log, every change with its old and new value and what Jira answered, in pages. */
  listJobChanges: {
    /** The changes of this page whose issue the caller can see; keys they cannot see read "an issue you cannot see". */
    changes: ExportChangeDto[];
    /** Every change in the log, including those of issues the caller cannot see (counts count, never name). */
    total: number;
    /** Changes of this page left out because the caller cannot see their issue. */
    hidden: number;
    nextCursor?: string;
  };
}

// Compile-time check that results and payload schemas list the same keys.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const contractKeysAgree: Same<keyof ResolverResults, ResolverKey> = true;

export type ResolverAnswerOf<K extends ResolverKey> = ResolverAnswer<ResolverResults[K]>;

/** A typed invoke: the UI wraps `@forge/bridge` invoke in this shape. */
export type TypedInvoke = <K extends ResolverKey>(key: K, payload: PayloadIn<K>) => Promise<ResolverAnswerOf<K>>;
