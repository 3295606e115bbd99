import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import type { JobDto } from '../../../../src/contract';

/** "15:00 UTC": Jira's hourly limit resets at the top of a UTC hour, the same moment for every viewer. */
const utcTime = (iso: string): string => `${new Date(iso).toISOString().slice(11, 16)} UTC`;

/**
 * Why a running job does not move: Jira made it wait. The hourly limit is the app's points for the hour,
 * shared by everyone using the app; the job continues from its checkpoint by itself at the reset.
 */
export function JobWaiting(props: { waiting: NonNullable<JobDto['waiting']> }) {
  const { waiting } = props;
  const at = utcTime(waiting.until);
  return <div style={{ marginBottom: token('space.200') }}>{message(waiting.for, at)}</div>;
}

function message(waitFor: NonNullable<JobDto['waiting']>['for'], at: string) {
  return waitFor === 'hourly-limit' ? (
    <SectionMessage appearance="information" title={`Waiting for Jira's hourly limit — continues at ${at}`}>
      <p data-testid="job-waiting">
        The app has used the points Jira allows it this hour. The job continues by itself from where it stopped when the
        hour turns; nothing needs to be done.
      </p>
    </SectionMessage>
  ) : (
    <SectionMessage appearance="information" title={`Waiting for Jira's rate limit — continues at about ${at}`}>
      <p data-testid="job-waiting">Jira asked the app to slow down. The job continues by itself.</p>
    </SectionMessage>
  );
}
