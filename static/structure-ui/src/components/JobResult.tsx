import { token } from '@atlaskit/tokens';
import type { ImportCounts } from '../../../../src/contract';

export function JobResult(props: { result: ImportCounts }) {
  const r = props.result;
  const figures: Array<[string, number, string]> = [
    ['Added', r.added, 'added'],
    ['Moved', r.moved, 'moved'],
    ['Removed', r.removed, 'removed'],
    ['Unchanged', r.unchanged, 'unchanged'],
    ['Skipped (not visible)', r.skippedNotVisible, 'skipped'],
  ];
  return (
    <dl
      style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.400'), margin: 0, padding: 0 }}
      data-testid="job-result"
    >
      {figures.map(([label, n, id]) => (
        <div key={id}>
          <dt style={{ color: token('color.text.subtle'), font: token('font.body.small') }}>{label}</dt>
          <dd style={{ margin: 0, font: token('font.heading.large') }} data-testid={`result-${id}`}>
            {n.toLocaleString()}
          </dd>
        </div>
      ))}
    </dl>
  );
}
