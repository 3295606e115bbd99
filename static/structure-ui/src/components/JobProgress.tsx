import ProgressBar from '@atlaskit/progress-bar';
import { token } from '@atlaskit/tokens';
import type { JobDto } from '../../../../src/contract';

export function JobProgress(props: { job: JobDto }) {
  const { progress, state } = props.job;
  const active = state === 'queued' || state === 'running';
  const known = progress.total !== undefined && progress.total > 0;
  const value = state === 'finished' ? 1 : known ? Math.min(1, progress.done / progress.total!) : 0;
  const counts = known
    ? `${progress.done.toLocaleString()} of ${progress.total!.toLocaleString()}`
    : `${progress.done.toLocaleString()} done`;
  return (
    <div data-testid="job-progress">
      <div
        style={{
          display: 'flex',
          justifyContent: 'space-between',
          marginBottom: token('space.075'),
          color: token('color.text.subtle'),
        }}
      >
        <span data-testid="job-phase">{state === 'queued' ? 'Waiting to start' : progress.phase}</span>
        <span>{counts}</span>
      </div>
      <ProgressBar
        ariaLabel={`Progress: ${progress.phase}, ${counts}`}
        value={value}
        isIndeterminate={active && !known}
        appearance={state === 'finished' ? 'success' : 'default'}
      />
    </div>
  );
}
