import { useEffect, useState } from 'react';
import Button from '@atlaskit/button/new';
import DynamicTable from '@atlaskit/dynamic-table';
import EmptyState from '@atlaskit/empty-state';
import type { AppErrorDto, JobDto } from '../../../../src/contract';
import { formatDateTime } from '../api/format';
import { useServices } from '../api/ServicesContext';
import { RouteLink } from '../routing/RouteLink';
import { ErrorMessage } from './ErrorMessage';
import { JobStateLozenge } from './JobStateLozenge';
import { Loading } from './Loading';
import { UserName } from './UserName';

function summary(job: JobDto): string {
  if (job.result) {
    const r = job.result;
    return `+${r.added} added, ${r.moved} moved, −${r.removed} removed`;
  }
  if (job.exportResult) {
    const e = job.exportResult;
    const verb = job.kind === 'revert' ? 'reverted' : 'written';
    return `${e.applied} ${e.applied === 1 ? 'change' : 'changes'} ${verb} in Jira${e.failed ? `, ${e.failed} failed` : ''}${e.skipped ? `, ${e.skipped} skipped` : ''}`;
  }
  if (job.error) return job.error.message;
  return job.progress.phase;
}

/** The jobs of one structure, newest first, a page at a time. */
export function JobHistory(props: { structureId: string }) {
  const { invoke } = useServices();
  const [jobs, setJobs] = useState<JobDto[]>([]);
  const [cursor, setCursor] = useState<string | undefined>();
  const [state, setState] = useState<'loading' | 'ready' | 'more'>('loading');
  const [error, setError] = useState<AppErrorDto | undefined>();
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let live = true;
    setState('loading');
    setError(undefined);
    void invoke('listJobs', { structureId: props.structureId }).then((answer) => {
      if (!live) return;
      if (answer.ok) {
        setJobs(answer.data.jobs);
        setCursor(answer.data.nextCursor);
      } else setError(answer.error);
      setState('ready');
    });
    return () => {
      live = false;
    };
  }, [invoke, props.structureId, generation]);

  const loadMore = async () => {
    setState('more');
    const answer = await invoke('listJobs', { structureId: props.structureId, cursor });
    if (answer.ok) {
      setJobs((old) => [...old, ...answer.data.jobs]);
      setCursor(answer.data.nextCursor);
    } else setError(answer.error);
    setState('ready');
  };

  if (state === 'loading') return <Loading label="Loading job history" />;
  if (error && jobs.length === 0)
    return (
      <ErrorMessage error={error} title="Job history could not be loaded" onRetry={() => setGeneration((g) => g + 1)} />
    );
  return (
    <div data-testid="job-history">
      <DynamicTable
        label="Job history"
        head={{
          cells: [
            { key: 'state', content: 'State' },
            { key: 'kind', content: 'Job' },
            { key: 'by', content: 'Started by' },
            { key: 'at', content: 'Started' },
            { key: 'summary', content: 'Summary' },
          ],
        }}
        rows={jobs.map((job) => ({
          key: job.id,
          cells: [
            { key: 'state', content: <JobStateLozenge state={job.state} /> },
            {
              key: 'kind',
              content: (
                <RouteLink to={{ page: 'job', jobId: job.id }}>
                  {job.kind[0]!.toUpperCase() + job.kind.slice(1)} · {job.synchronizerLabel ?? job.synchronizer}
                </RouteLink>
              ),
            },
            { key: 'by', content: <UserName accountId={job.startedBy} /> },
            { key: 'at', content: formatDateTime(job.createdAt) },
            { key: 'summary', content: summary(job) },
          ],
        }))}
        emptyView={<EmptyState header="No jobs yet" description="Imports into this structure will be listed here." />}
      />
      {error && <ErrorMessage error={error} title="More jobs could not be loaded" />}
      {cursor && (
        <Button onClick={() => void loadMore()} isLoading={state === 'more'}>
          Show older jobs
        </Button>
      )}
    </div>
  );
}
