import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import type { InstalledSynchronizerDto, InstalledSynchronizerLastRun } from '../../../../../src/contract';
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
export function LastRun(props: {
  lastRun: InstalledSynchronizerLastRun | undefined;
  label: string;
  points?: InstalledSynchronizerDto['points'];
}) {
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
      {props.points && (
        <div
          data-testid="last-run-points"
          style={{ font: token('font.body.small'), color: token('color.text.subtle'), marginTop: token('space.050') }}
        >
          {pointsWords(props.points)}
        </div>
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

/** Jira's hourly points are the app's, shared by every user: which synchronizer spends them. */
function pointsWords(points: NonNullable<InstalledSynchronizerDto['points']>): string {
  const day = `${points.lastDay.toLocaleString()} in the last 24 h`;
  return points.lastRun === undefined
    ? `Jira points: ${day}`
    : `Jira points: ${points.lastRun.toLocaleString()} in the last run, ${day}`;
}
