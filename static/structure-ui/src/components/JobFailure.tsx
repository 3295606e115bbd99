import { useState } from 'react';
import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import type { AppErrorDto, JobDto } from '../../../../src/contract';
import { useServices } from '../api/ServicesContext';
import { newRequestId } from '../api/requestId';
import { ErrorMessage } from './ErrorMessage';

/**
 * Why a job failed and what to do. A job Jira's outage ended (`retryable`) says so rather than asking
 * to correct the parameters, and offers Retry: a new job with the same parameters, one request id per
 * page so a doubled click starts it once.
 */
export function JobFailure(props: { job: JobDto; onRetried: (jobId: string) => void }) {
  const { job } = props;
  const { invoke } = useServices();
  const [requestId] = useState(newRequestId);
  const [retrying, setRetrying] = useState(false);
  const [retryError, setRetryError] = useState<AppErrorDto | undefined>();
  const exportLike = job.kind === 'export' || job.kind === 'revert';

  const retry = async () => {
    setRetrying(true);
    setRetryError(undefined);
    const start = {
      structureId: job.structureId,
      synchronizer: job.synchronizer,
      params: job.params,
      requestId,
    };
    // A run of an installed synchronizer is retried as its resync, so it stays that synchronizer's last
    // run (with its parameters as they are now); any other job starts again with the same parameters.
    const answer =
      job.installedSynchronizerId !== undefined
        ? await invoke('resync', {
            structureId: job.structureId,
            synchronizerId: job.installedSynchronizerId,
            direction: job.kind === 'export' ? 'export' : 'import',
            requestId,
          })
        : job.kind === 'export'
          ? await invoke('startExport', start)
          : await invoke('startImport', start);
    setRetrying(false);
    if (answer.ok) props.onRetried(answer.data.job.id);
    else setRetryError(answer.error);
  };

  const what = job.kind === 'export' ? 'export' : 'import';
  const again =
    job.installedSynchronizerId !== undefined
      ? `Retry resyncs the installed synchronizer, with its parameters as they are now.`
      : `Retry runs the ${what} again with the same parameters.`;
  const advice = job.retryable
    ? exportLike
      ? `Nothing is wrong with the parameters. Changes Jira accepted before the failure are listed in the log and the result below${job.revertible ? '; Revert export puts them back' : ''}. ${again}`
      : `Nothing is wrong with the parameters, and the structure was left as it was before the job. ${again}`
    : exportLike
      ? `Changes Jira accepted before the failure are listed in the log and the result below.${job.revertible ? ' Revert export puts them back.' : ''} Correct the parameters or permissions and run it again.`
      : 'The structure was left as it was before the job. Check the log below, correct the parameters and run the import again.';

  return (
    <div data-testid="job-failure">
      <SectionMessage appearance="error" title={job.retryable ? 'Jira was unavailable' : 'The job failed'}>
        <p>{job.error?.message ?? 'The job stopped with an error.'}</p>
        <p>{advice}</p>
        {job.retryable && (
          <div style={{ marginTop: token('space.150') }}>
            <Button appearance="primary" onClick={() => void retry()} isLoading={retrying}>
              Retry
            </Button>
          </div>
        )}
      </SectionMessage>
      {retryError && <ErrorMessage error={retryError} title="The job could not be started again" />}
    </div>
  );
}
