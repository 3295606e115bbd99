// Every KVS key the app writes, in one place. Keys match /^[a-zA-Z0-9:._\s-#]+$/ and stay far below 500 chars.

export const keys = {
  structure: (structureId: string) => `structure:${structureId}`,
  structurePrefix: 'structure:',
  settings: 'settings:app',
  /** Entity `forest`: the header of a structure's forest. */
  forestHeader: (structureId: string) => structureId,
  forestChunk: (structureId: string, version: number, index: number) => `forest:${structureId}:${version}:${index}`,
  /** Entity `job`. */
  job: (jobId: string) => jobId,
  /** Bulky job data (one search page of matching issue ids), never inside the job record. */
  jobIdsPage: (jobId: string, page: number) => `jobdata:${jobId}:ids:${page}`,
  /** One visibility batch: which rows' issues were checked, and which of them the user sees. */
  jobVisibilityPage: (jobId: string, page: number) => `jobdata:${jobId}:vis:${page}`,
};

export const entities = { forest: 'forest', job: 'job' } as const;
