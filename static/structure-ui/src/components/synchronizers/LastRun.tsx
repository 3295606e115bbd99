import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import type { InstalledSynchronizerLastRun } from '../../../../../src/contract';
import { formatDateTime } from '../../api/format';
import { RouteLink } from '../../routing/RouteLink';

const resultLook = {
  running: { appearance: 'inprogress', label: 'Running' },
  succeeded: { appearance: 'success', label: 'Succeeded' },
  partial: { appearance: 'moved', label: 'Partly failed' },
  failed: { appearance: 'removed', label: 'Failed' },
  cancelled: { appearance: 'default', label: 'Cancelled' },
} as const;

const triggerWords = { manual: 'resync', event: 'Jira change', schedule: 'schedule' } as const;

/** The last run of an installed synchronizer: when, which direction, what started it, how it went. */
export function LastRun(props: { lastRun: InstalledSynchronizerLastRun | undefined; label: string }) {
  const run = props.lastRun;
  if (!run) return <span style={{ color: token('color.text.subtlest') }}>Never run</span>;
  const look = resultLook[run.result];
  return (
    <div data-testid="last-run">
      <div style={{ display: 'flex', gap: token('space.100'), alignItems: 'center', flexWrap: 'wrap' }}>
        <Lozenge appearance={look.appearance} testId="last-run-result">
          {look.label}
        </Lozenge>
        <span>
          {run.direction === 'import' ? 'Import' : 'Export'} · {triggerWords[run.trigger]}
        </span>
      </div>
      <div style={{ font: token('font.body.small'), color: token('color.text.subtle'), marginTop: token('space.050') }}>
        {formatDateTime(run.at)}
      </div>
      {run.message && (
        <div style={{ font: token('font.body.small'), marginTop: token('space.050') }}>{run.message}</div>
      )}
      {run.jobId && (
        <div style={{ font: token('font.body.small'), marginTop: token('space.050') }}>
          <RouteLink to={{ page: 'job', jobId: run.jobId }} aria-label={`Job of the last run of ${props.label}`}>
            View job
          </RouteLink>
        </div>
      )}
    </div>
  );
}
