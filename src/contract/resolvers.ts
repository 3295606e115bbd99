// The resolver contract: every resolver key with its result type. The UI calls `invoke(key, payload)`
// with these names and types; the backend defines exactly these keys.
import type { ResolverAnswer } from './errors';
import type {
  AppSettings,
  ForestPage,
  ImportPreview,
  JobDto,
  StructureDetails,
  StructureSummary,
  SynchronizerInfo,
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
  listSynchronizers: { synchronizers: SynchronizerInfo[] };
  previewImport: ImportPreview;
  startImport: { job: JobDto };
  getJob: JobDto;
  listJobs: { jobs: JobDto[]; nextCursor?: string };
  cancelJob: JobDto;
  undoImport: { job: JobDto };
  getSettings: AppSettings;
  setSettings: AppSettings;
}

// Compile-time check that results and payload schemas list the same keys.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const contractKeysAgree: Same<keyof ResolverResults, ResolverKey> = true;

export type ResolverAnswerOf<K extends ResolverKey> = ResolverAnswer<ResolverResults[K]>;

/** A typed invoke: the UI wraps `@forge/bridge` invoke in this shape. */
export type TypedInvoke = <K extends ResolverKey>(key: K, payload: PayloadIn<K>) => Promise<ResolverAnswerOf<K>>;
