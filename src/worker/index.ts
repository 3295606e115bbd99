// The queue consumer: runs job steps as the user who started the job (offline impersonation), stopping
// before the invocation deadline. Errors are recorded on the job by the runner; nothing is rethrown, since
// a platform retry of a failed step would only find the job already failed. The only retry it asks for is
// for the redelivered event of an invocation that may have died (see runJobEvent).
import { getAppContext } from '@forge/api';
import { InvocationError, InvocationErrorCode, type AsyncEvent } from '@forge/events';
import { JOB_QUEUE_KEY, pushJobEvent, runQueuedJobEvent, type JobEvent } from '../app';

function isJobEvent(body: unknown): body is JobEvent {
  const b = body as Partial<JobEvent> | undefined;
  return typeof b?.jobId === 'string' && typeof b.step === 'number' && Number.isInteger(b.step);
}

export async function handler(event: AsyncEvent): Promise<InvocationError | undefined> {
  const body = event.body;
  if (!isJobEvent(body)) {
    console.warn(`Ignoring an event on ${JOB_QUEUE_KEY} that is not a job step`, body);
    return undefined;
  }
  const outcome = await runQueuedJobEvent(body, {
    remainingMs: () => getAppContext().invocationRemainingTimeInMillis(),
    push: pushJobEvent,
  });
  // The job may be driven by an invocation that died; ask the platform to bring this event back later.
  if (outcome)
    return new InvocationError({
      retryAfter: outcome.retryAfterSeconds,
      retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST,
    });
  return undefined;
}
