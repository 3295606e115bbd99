import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import type { ExportChangeDto } from '../../../../../src/contract';
import { CHANGE_LOOK } from './exportWords';

const cell = { padding: token('space.075'), verticalAlign: 'top' } as const;

/** Jira changes with their old (Before) and new (After) values (a preview's plan, or a job's failures and skips). */
export function ExportChangesTable(props: {
  changes: ExportChangeDto[];
  caption: string;
  testId?: string;
  showOutcome?: boolean;
}) {
  return (
    <table
      style={{ borderCollapse: 'collapse', width: '100%', marginTop: token('space.100') }}
      data-testid={props.testId}
    >
      <caption
        style={{
          textAlign: 'left',
          font: token('font.body.small'),
          color: token('color.text.subtle'),
          margin: `${token('space.100')} 0`,
        }}
      >
        {props.caption}
      </caption>
      <thead>
        <tr
          style={{
            textAlign: 'left',
            borderBottom: `2px solid ${token('color.border')}`,
            color: token('color.text.subtle'),
          }}
        >
          <th style={{ ...cell, width: '9rem' }}>Change</th>
          <th style={{ ...cell, width: '8rem' }}>Issue</th>
          <th style={cell}>Before</th>
          <th style={cell}>After</th>
          {props.showOutcome && <th style={cell}>Outcome</th>}
        </tr>
      </thead>
      <tbody>
        {props.changes.map((c, i) => (
          <tr key={i} style={{ borderBottom: `1px solid ${token('color.border')}` }}>
            <td style={cell}>
              <Lozenge appearance={CHANGE_LOOK[c.kind].appearance}>{CHANGE_LOOK[c.kind].label}</Lozenge>
            </td>
            <td style={cell}>{c.issueKey ?? c.issueId}</td>
            <td style={{ ...cell, color: token('color.text.subtle') }}>{c.before}</td>
            <td style={cell}>{c.after}</td>
            {props.showOutcome && (
              <td style={cell}>
                {c.outcome && (
                  <Lozenge
                    appearance={c.outcome === 'failed' ? 'removed' : c.outcome === 'skipped' ? 'moved' : 'default'}
                  >
                    {c.outcome}
                  </Lozenge>
                )}
                {c.error && (
                  <div style={{ marginTop: token('space.050'), color: token('color.text.danger') }}>{c.error}</div>
                )}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
