import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import type { InstalledSynchronizerDto } from '../../../../../src/contract';
import { formatDateTime } from '../../api/format';
import { useUserName } from '../../api/useUserName';

/** What an installed synchronizer actually does now, and why when it is not what the user chose. */
export function SynchronizerStateLozenge(props: { synchronizer: InstalledSynchronizerDto }) {
  const s = props.synchronizer;
  const guard = s.stoppedByGuard;
  // The server names the run-as user by account ID; people read display names.
  const runAsName = useUserName(s.runAs);
  const reason = s.notAvailableReason?.split(s.runAs).join(runAsName);
  return (
    <div data-testid="synchronizer-state">
      {s.state === 'enabled' && (
        <Lozenge appearance="success" isBold>
          Enabled
        </Lozenge>
      )}
      {s.state === 'disabled' && !guard && <Lozenge appearance="default">Disabled</Lozenge>}
      {s.state === 'disabled' && guard && (
        <Lozenge appearance="moved" isBold>
          Stopped by the cycle guard
        </Lozenge>
      )}
      {s.state === 'not-available' && (
        <Lozenge appearance="removed" isBold>
          Not available
        </Lozenge>
      )}
      {s.state === 'not-available' && (
        <p
          style={{
            margin: `${token('space.050')} 0 0`,
            font: token('font.body.small'),
            color: token('color.text.subtle'),
          }}
          data-testid="state-reason"
        >
          {reason ?? 'Its run-as user can no longer run it. Remove it and install it again as someone with control.'}
        </p>
      )}
      {guard && (
        <p
          style={{
            margin: `${token('space.050')} 0 0`,
            font: token('font.body.small'),
            color: token('color.text.subtle'),
          }}
          data-testid="guard-reason"
        >
          {guard.reason} (Stopped {formatDateTime(guard.at)}.)
        </p>
      )}
    </div>
  );
}
