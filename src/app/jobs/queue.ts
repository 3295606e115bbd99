// The job queue: each event names a job and the step it continues from. Nothing else travels in the
// event, so its size stays tiny and the job record stays the single source of truth.
import { Queue } from '@forge/events';

export const JOB_QUEUE_KEY = 'structure-jobs';
/** The platform's maximum delay for an event. */
export const MAX_EVENT_DELAY_SECONDS = 900;

export interface JobEvent extends Record<string, unknown> {
  jobId: string;
  step: number;
}

export type PushJobEvent = (event: JobEvent, delayInSeconds?: number) => Promise<void>;

export const pushJobEvent: PushJobEvent = async (event, delayInSeconds) => {
  const queue = new Queue<JobEvent>({ key: JOB_QUEUE_KEY });
  const delay =
    delayInSeconds === undefined
      ? undefined
      : Math.min(MAX_EVENT_DELAY_SECONDS, Math.max(0, Math.ceil(delayInSeconds)));
  await queue.push(delay ? { body: event, delayInSeconds: delay } : { body: event });
};
