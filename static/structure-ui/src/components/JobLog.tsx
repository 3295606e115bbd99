import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import type { JobLogEntry } from '../../../../src/contract';
import { formatDateTime } from '../api/format';

const levelLook = { info: 'default', warn: 'moved', error: 'removed' } as const;

export function JobLog(props: { log: JobLogEntry[] }) {
  if (props.log.length === 0) return <p style={{ color: token('color.text.subtle') }}>No log entries yet.</p>;
  return (
    <ol
      aria-label="Job log"
      style={{
        listStyle: 'none',
        padding: token('space.100'),
        margin: 0,
        maxHeight: 320,
        overflow: 'auto',
        font: token('font.code'),
        background: token('color.background.neutral'),
        borderRadius: token('radius.small', '4px'),
      }}
      tabIndex={0}
    >
      {props.log.map((entry, i) => (
        <li
          key={i}
          style={{
            margin: 0,
            display: 'flex',
            gap: token('space.100'),
            padding: `${token('space.025')} 0`,
            alignItems: 'baseline',
          }}
        >
          <span style={{ color: token('color.text.subtlest'), whiteSpace: 'nowrap' }}>{formatDateTime(entry.at)}</span>
          <Lozenge appearance={levelLook[entry.level]}>{entry.level}</Lozenge>
          <span style={{ color: token('color.text') }}>{entry.message}</span>
        </li>
      ))}
    </ol>
  );
}
