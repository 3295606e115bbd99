import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import type { Direction, InstalledSynchronizerDto } from '../../../../../src/contract';
import { UserName } from '../UserName';
import { DIRECTION_WORDS } from './directionWords';
import { LastRun } from './LastRun';
import { SynchronizerStateLozenge } from './SynchronizerStateLozenge';

export const cellStyle = {
  padding: `${token('space.150')} ${token('space.100')}`,
  verticalAlign: 'top',
  textAlign: 'left',
} as const;

/** One installed synchronizer on the settings page, with the actions the caller may take. */
export function InstalledSynchronizerRow(props: {
  synchronizer: InstalledSynchronizerDto;
  canChange: boolean;
  toggling: boolean;
  onToggle: (enabled: boolean) => void;
  onResync: (direction: Direction) => void;
  onEdit: () => void;
  onRemove: () => void;
}) {
  const s = props.synchronizer;
  const name = `${s.label} synchronizer`;
  // Its run-as user cannot run it (the reason is in the State column): only disable, edit or remove.
  const unavailable = s.state === 'not-available';
  return (
    <tr style={{ borderBottom: `1px solid ${token('color.border')}` }} data-testid={`installed-${s.id}`}>
      <td style={cellStyle}>
        <div style={{ font: token('font.heading.xsmall') }}>{s.label}</div>
        <div
          style={{ color: token('color.text.subtle'), marginTop: token('space.050'), overflowWrap: 'anywhere' }}
          data-testid="params-summary"
        >
          {s.paramsSummary}
        </div>
        <div
          style={{ font: token('font.body.small'), color: token('color.text.subtlest'), marginTop: token('space.050') }}
        >
          Directions: {s.directions.join(' and ')}
        </div>
      </td>
      <td style={cellStyle} data-testid="run-as">
        <UserName accountId={s.runAs} />
      </td>
      <td style={cellStyle}>
        <SynchronizerStateLozenge synchronizer={s} />
      </td>
      <td style={cellStyle}>
        <LastRun lastRun={s.lastRun} label={name} points={s.points} />
      </td>
      <td style={cellStyle}>
        {props.canChange ? (
          <div
            role="group"
            aria-label={`Actions on the ${name}`}
            style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.100') }}
          >
            {s.directions.map((d) => (
              <Button
                key={d}
                onClick={() => props.onResync(d)}
                isDisabled={unavailable}
                aria-label={`Resync the ${name} ${DIRECTION_WORDS[d].phrase}`}
              >
                {DIRECTION_WORDS[d].button}
              </Button>
            ))}
            <Button
              onClick={() => props.onToggle(!s.enabled)}
              isLoading={props.toggling}
              isDisabled={unavailable && !s.enabled}
              aria-label={`${s.enabled ? 'Disable' : 'Enable'} the ${name}`}
            >
              {s.enabled ? 'Disable' : 'Enable'}
            </Button>
            <Button appearance="subtle" onClick={props.onEdit} aria-label={`Edit the parameters of the ${name}`}>
              Edit
            </Button>
            <Button appearance="subtle" onClick={props.onRemove} aria-label={`Remove the ${name}`}>
              Remove
            </Button>
          </div>
        ) : (
          <span style={{ color: token('color.text.subtlest') }}>Needs control</span>
        )}
      </td>
    </tr>
  );
}
