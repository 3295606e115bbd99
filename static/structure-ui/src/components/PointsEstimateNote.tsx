import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import type { PointsEstimate } from '../../../../src/contract';

const utcTime = (iso: string): string => `${new Date(iso).toISOString().slice(11, 16)} UTC`;

/**
 * What a run will cost in Jira's hourly points, before it runs. The pool is the app's, shared by every
 * user: a run that needs more than is left still runs, but waits part-way for the hourly reset.
 */
export function PointsEstimateNote(props: { estimate?: PointsEstimate; what: 'import' | 'export' }) {
  const { estimate, what } = props;
  if (!estimate) return null;
  const points = estimate.points.toLocaleString();
  const basis = estimate.basis === 'last-run' ? 'what the same run cost last time' : 'the issues its query matches';
  return (
    <div style={{ margin: `${token('space.100')} 0` }}>
      <p data-testid="points-estimate" style={{ color: token('color.text.subtle'), font: token('font.body.small') }}>
        {`This ${what} will cost about ${points} of Jira's hourly points (from ${basis}).`}
        {estimate.poolLeft !== undefined && !estimate.aboveLeft
          ? ` About ${estimate.poolLeft.toLocaleString()} are left this hour.`
          : ''}
      </p>
      {estimate.aboveLeft && estimate.poolLeft !== undefined && (
        <SectionMessage appearance="warning" title="More points than are left this hour">
          <p data-testid="points-estimate-warning">
            {`The app has about ${estimate.poolLeft.toLocaleString()} of Jira's points left this hour and this ${what} needs about ${points}. It can start now: when the points run out it waits for Jira's hourly limit to reset${estimate.resetsAt ? ` at ${utcTime(estimate.resetsAt)}` : ''}, then continues by itself.`}
          </p>
        </SectionMessage>
      )}
    </div>
  );
}
