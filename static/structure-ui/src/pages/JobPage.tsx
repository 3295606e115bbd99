import { useEffect, useState } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import type { AppErrorDto, JobDto } from '../../../../src/contract';
import { formatDateTime, formatDuration } from '../api/format';
import { useServices } from '../api/ServicesContext';
import { useResolver, type Loadable } from '../api/useResolver';
import { Breadcrumbs } from '../components/Breadcrumbs';
import { ConfirmRevertModal } from '../components/synchronizers/ConfirmRevertModal';
import { ConfirmUndoModal } from '../components/ConfirmUndoModal';
import { ExportJobResultView } from '../components/synchronizers/ExportJobResultView';
import { ErrorMessage } from '../components/ErrorMessage';
import { JobFailure } from '../components/JobFailure';
import { JobLog } from '../components/JobLog';
import { JobProgress } from '../components/JobProgress';
import { JobWaiting } from '../components/JobWaiting';
import { JobResult } from '../components/JobResult';
import { JobStateLozenge } from '../components/JobStateLozenge';
import { Loading } from '../components/Loading';
import { PageLayout } from '../components/PageLayout';
import { UserName } from '../components/UserName';
import { RouteLink } from '../routing/RouteLink';
import { useRouter } from '../routing/RouterContext';
import { newRequestId } from '../api/requestId';

export const isActive = (job: JobDto) => job.state === 'queued' || job.state === 'running';

const kindTitle = { import: 'Import job', export: 'Export job', undo: 'Undo job', revert: 'Revert job' } as const;

/**
 * The status of one job. Polls `getJob` while the job is queued or running and stops as soon as
 * it has ended (or when a poll fails — then the last known state stays on screen with a retry).
 */
export function JobPage(props: { jobId: string; pollMs?: number }) {
  const pollMs = props.pollMs ?? 1000;
  const { invoke } = useServices();
  const { navigate } = useRouter();
  const [job, setJob] = useState<Loadable<JobDto>>({ status: 'loading' });
  const [pollError, setPollError] = useState<AppErrorDto | undefined>();
  const [actionError, setActionError] = useState<AppErrorDto | undefined>();
  const [acting, setActing] = useState<'cancel' | 'undo' | 'revert' | undefined>();
  const [confirmRevert, setConfirmRevert] = useState(false);
  const [confirmUndo, setConfirmUndo] = useState(false);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let loaded = false;
    const poll = async () => {
      const answer = await invoke('getJob', { jobId: props.jobId });
      if (!live) return;
      if (answer.ok) {
        loaded = true;
        setJob({ status: 'ready', data: answer.data });
        setPollError(undefined);
        if (isActive(answer.data)) timer = setTimeout(() => void poll(), pollMs);
      } else if (loaded) {
        setPollError(answer.error);
      } else {
        setJob({ status: 'error', error: answer.error });
      }
    };
    void poll();
    return () => {
      live = false;
      if (timer) clearTimeout(timer);
    };
  }, [invoke, props.jobId, pollMs, generation]);

  const cancel = async () => {
    setActing('cancel');
    setActionError(undefined);
    const answer = await invoke('cancelJob', { jobId: props.jobId });
    setActing(undefined);
    if (answer.ok) setJob({ status: 'ready', data: answer.data });
    else setActionError(answer.error);
  };
  const undo = async () => {
    setActing('undo');
    setActionError(undefined);
    const answer = await invoke('undoImport', { jobId: props.jobId });
    setActing(undefined);
    setConfirmUndo(false);
    if (answer.ok) navigate({ page: 'job', jobId: answer.data.job.id });
    else setActionError(answer.error);
  };

  const revert = async () => {
    setActing('revert');
    setActionError(undefined);
    const answer = await invoke('revertJob', { jobId: props.jobId, requestId: newRequestId() });
    setActing(undefined);
    setConfirmRevert(false);
    if (answer.ok) navigate({ page: 'job', jobId: answer.data.job.id });
    else setActionError(answer.error);
  };

  if (job.status !== 'ready') {
    return (
      <PageLayout
        title="Job"
        breadcrumbs={<Breadcrumbs items={[{ label: 'Manage structures', to: { page: 'home' } }, { label: 'Job' }]} />}
      >
        {job.status === 'loading' ? (
          <Loading label="Loading job" />
        ) : (
          <ErrorMessage
            error={job.error}
            title="The job could not be loaded"
            onRetry={() => setGeneration((g) => g + 1)}
            onBack={() => navigate({ page: 'home' })}
          />
        )}
      </PageLayout>
    );
  }

  const j = job.data;
  const duration = formatDuration(j.startedAt, j.finishedAt);
  return (
    <PageLayout
      title={kindTitle[j.kind]}
      windowTitle={`${kindTitle[j.kind]} · ${j.state}`}
      breadcrumbs={<JobCrumbs job={j} />}
      actions={
        <>
          {j.cancellable && isActive(j) && (
            <Button onClick={() => void cancel()} isLoading={acting === 'cancel'}>
              Cancel job
            </Button>
          )}
          {j.state === 'finished' && j.undoable && (
            <Button onClick={() => setConfirmUndo(true)} isLoading={acting === 'undo'}>
              Undo import
            </Button>
          )}
          {j.kind === 'export' && j.revertible && !isActive(j) && (
            <Button onClick={() => setConfirmRevert(true)} isLoading={acting === 'revert'}>
              Revert export
            </Button>
          )}
          {j.state === 'finished' && (
            <Button appearance="primary" onClick={() => navigate({ page: 'structure', structureId: j.structureId })}>
              Open structure
            </Button>
          )}
        </>
      }
    >
      <div style={{ display: 'flex', alignItems: 'center', gap: token('space.150'), marginBottom: token('space.200') }}>
        <span aria-live="polite">
          <JobStateLozenge state={j.state} />
        </span>
        <span style={{ color: token('color.text.subtle') }}>
          {j.synchronizerLabel ?? j.synchronizer} synchronizer · started by <UserName accountId={j.startedBy} /> on{' '}
          {formatDateTime(j.createdAt)}
          {j.finishedAt && ` · ended ${formatDateTime(j.finishedAt)}`}
          {duration && ` (${duration})`}
          {j.installedSynchronizerId && (
            <>
              {' · '}
              {j.trigger === 'event'
                ? 'background sync after a Jira change'
                : j.trigger === 'schedule'
                  ? 'scheduled background sync'
                  : 'resync'}{' '}
              of an{' '}
              <RouteLink to={{ page: 'syncSettings', structureId: j.structureId }}>installed synchronizer</RouteLink>
            </>
          )}
        </span>
      </div>
      {pollError && (
        <ErrorMessage
          error={pollError}
          title="The job's progress could not be refreshed"
          onRetry={() => setGeneration((g) => g + 1)}
        />
      )}
      {actionError && <ErrorMessage error={actionError} title="That did not work" />}
      {j.waiting && j.state === 'running' && <JobWaiting waiting={j.waiting} />}
      {j.state !== 'finished' && j.state !== 'cancelled' && j.state !== 'failed' && <JobProgress job={j} />}
      {j.state === 'failed' && <JobFailure job={j} onRetried={(jobId) => navigate({ page: 'job', jobId })} />}
      {j.state === 'cancelled' && (
        <SectionMessage appearance="warning" title="The job was cancelled">
          <p>
            {j.kind === 'export' || j.kind === 'revert'
              ? `Jira keeps the changes made before the cancel; they are listed below and in the log.${j.revertible ? ' Revert export puts them back.' : ''}`
              : 'The structure was left as it was before the job, or with the whole change applied — never half of it.'}
          </p>
        </SectionMessage>
      )}
      {j.result && (
        <section aria-labelledby="result-heading" style={{ marginTop: token('space.300') }}>
          <Heading size="small" as="h2" id="result-heading">
            Result
          </Heading>
          <div style={{ marginTop: token('space.100') }}>
            <JobResult result={j.result} />
          </div>
        </section>
      )}
      {j.exportResult && (
        <section aria-labelledby="export-result-heading" style={{ marginTop: token('space.300') }}>
          <Heading size="small" as="h2" id="export-result-heading">
            {j.kind === 'revert' ? 'Reverted in Jira' : 'Changed in Jira'}
          </Heading>
          <div style={{ marginTop: token('space.100') }}>
            <ExportJobResultView result={j.exportResult} revert={j.kind === 'revert'} />
          </div>
        </section>
      )}
      {confirmUndo && (
        <ConfirmUndoModal
          jobId={j.id}
          running={acting === 'undo'}
          onCancel={() => setConfirmUndo(false)}
          onConfirm={() => void undo()}
        />
      )}
      {confirmRevert && (
        <ConfirmRevertModal
          running={acting === 'revert'}
          onCancel={() => setConfirmRevert(false)}
          onConfirm={() => void revert()}
        />
      )}
      <section aria-labelledby="cost-heading" style={{ marginTop: token('space.300') }}>
        <Heading size="small" as="h2" id="cost-heading">
          Cost
        </Heading>
        <p data-testid="job-cost">
          {j.cost.jiraCalls.toLocaleString()} Jira calls · {j.cost.jiraPoints.toLocaleString()} Jira points ·{' '}
          {j.cost.kvsWrites.toLocaleString()} storage writes
          {j.cost.forestWrites !== undefined && ` (${j.cost.forestWrites.toLocaleString()} for the forest)`}
        </p>
      </section>
      <section aria-labelledby="log-heading" style={{ marginTop: token('space.300') }}>
        <Heading size="small" as="h2" id="log-heading">
          Log
        </Heading>
        <div style={{ marginTop: token('space.100') }}>
          <JobLog log={j.log} />
        </div>
      </section>
    </PageLayout>
  );
}

function JobCrumbs(props: { job: JobDto }) {
  const { state } = useResolver('getStructure', { structureId: props.job.structureId });
  const name = state.status === 'ready' ? state.data.name : 'Structure';
  return (
    <Breadcrumbs
      items={[
        { label: 'Manage structures', to: { page: 'home' } },
        { label: name, to: { page: 'structure', structureId: props.job.structureId } },
        { label: 'Jobs', to: { page: 'jobs', structureId: props.job.structureId } },
        { label: kindTitle[props.job.kind] },
      ]}
    />
  );
}
