// What the app needs to run one synchronizer's import: the checks with Jira before a job exists, the job's
// resumable units of work, and the preview. Each synchronizer fetches its own Jira data; the planning
// itself stays in the domain. A synchronizer is offered only once it has a runner (import-runners.ts).
import type { ImportPreview } from '../contract';
import type { Synchronizer } from '../domain/synchronizers/types';
import type { JobRecord, JobResolved } from '../storage';
import type { Invocation } from './invocation';
import type { JobStep } from './job-step';

export interface PreviewRequest {
  structureId: string;
  synchronizer: Synchronizer;
  /** Parameters already validated with the synchronizer's schema. */
  params: unknown;
  resolved: JobResolved;
}

export interface ImportRunner {
  readonly key: string;
  /** As the starting user, before any job exists: everything that can fail fast (filter, JQL, issues). */
  resolve(inv: Invocation, params: unknown): Promise<JobResolved>;
  /** One bounded unit of work that ends with a committed checkpoint (or the finished job). */
  runUnit(step: JobStep, cache: Record<string, unknown>): Promise<JobRecord>;
  preview(inv: Invocation, request: PreviewRequest): Promise<ImportPreview>;
}
