import { token } from '@atlaskit/tokens';
import type { ExportJobResult } from '../../../../../src/contract';
import { ExportChangesTable } from './ExportChangesTable';
import { ExportFigures } from './ExportFigures';

/** What a finished export or revert did in Jira, with the per-issue failures (207 entries, refusals) and skips. */
export function ExportJobResultView(props: { result: ExportJobResult; revert: boolean }) {
  const r = props.result;
  const outcome: Array<[string, number, string]> = [
    ['Applied', r.applied, 'applied'],
    ['Failed', r.failed, 'failed'],
    ...(props.revert ? ([['Skipped (changed since)', r.skipped, 'skipped']] as Array<[string, number, string]>) : []),
  ];
  return (
    <div data-testid="export-result">
      <dl style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.400'), margin: 0, padding: 0 }}>
        {outcome.map(([label, n, id]) => (
          <div key={id}>
            <dt style={{ color: token('color.text.subtle'), font: token('font.body.small') }}>{label}</dt>
            <dd
              style={{
                margin: 0,
                font: token('font.heading.large'),
                color: id === 'failed' && n > 0 ? token('color.text.danger') : undefined,
              }}
              data-testid={`export-result-${id}`}
            >
              {n.toLocaleString()}
            </dd>
          </div>
        ))}
      </dl>
      {!props.revert && <ExportFigures counts={r.counts} testIdPrefix="export-result" />}
      {r.problems.length > 0 && (
        <ExportChangesTable
          changes={r.problems}
          showOutcome
          testId="export-problems"
          caption={
            r.problems.length < r.failed + r.skipped
              ? `The first ${r.problems.length} of ${(r.failed + r.skipped).toLocaleString()} issues that failed or were skipped`
              : 'Issues that failed or were skipped'
          }
        />
      )}
    </div>
  );
}
