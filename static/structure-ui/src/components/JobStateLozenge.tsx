import Lozenge from '@atlaskit/lozenge';
import type { JobState } from '../../../../src/contract';

const look = {
  queued: { appearance: 'default', label: 'Queued' },
  running: { appearance: 'inprogress', label: 'Running' },
  finished: { appearance: 'success', label: 'Finished' },
  failed: { appearance: 'removed', label: 'Failed' },
  cancelled: { appearance: 'moved', label: 'Cancelled' },
} as const;

export function JobStateLozenge(props: { state: JobState }) {
  const { appearance, label } = look[props.state];
  return (
    <Lozenge appearance={appearance} isBold testId="job-state">
      {label}
    </Lozenge>
  );
}
