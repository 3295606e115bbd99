import { token } from '@atlaskit/tokens';
import SectionMessage from '@atlaskit/section-message';
import type { ImportPreview, PreviewAction } from '../../../../../src/contract';
import { PointsEstimateNote } from '../PointsEstimateNote';

function sentence(a: PreviewAction): string {
  const issue = a.issueKey ?? a.issueId;
  const parent = a.underIssueKey ?? a.underIssueId;
  const where = parent ? `under ${parent}` : 'at the top level';
  if (a.kind === 'add') return `Add ${issue} ${where}`;
  if (a.kind === 'move') return `Move ${issue} ${where}`;
  return `Remove ${issue}${a.withSubtree ? ' with its sub-issues' : ''}`;
}

/** What an import into the structure would change, short enough for a confirmation. */
export function ImportPreviewSummary(props: { preview: ImportPreview; maxActions?: number }) {
  const { counts, actions, totalActions, warnings } = props.preview;
  const shown = actions.slice(0, props.maxActions ?? 10);
  const figures: Array<[string, number, string]> = [
    ['Added', counts.added, 'added'],
    ['Moved', counts.moved, 'moved'],
    ['Removed', counts.removed, 'removed'],
    ['Unchanged', counts.unchanged, 'unchanged'],
    ['Skipped (not visible)', counts.skippedNotVisible, 'skipped'],
  ];
  return (
    <div data-testid="import-preview-summary">
      <dl
        style={{
          display: 'flex',
          flexWrap: 'wrap',
          gap: `${token('space.150')} ${token('space.300')}`,
          margin: `${token('space.150')} 0`,
          padding: 0,
        }}
      >
        {figures.map(([label, n, id]) => (
          <div key={id}>
            <dt style={{ color: token('color.text.subtle'), font: token('font.body.small') }}>{label}</dt>
            <dd style={{ margin: 0, font: token('font.heading.medium') }} data-testid={`resync-preview-${id}`}>
              {n.toLocaleString()}
            </dd>
          </div>
        ))}
      </dl>
      {warnings.map((w, i) => (
        <div key={i} style={{ marginBottom: token('space.100') }}>
          <SectionMessage appearance="warning">
            <p>{w}</p>
          </SectionMessage>
        </div>
      ))}
      <PointsEstimateNote estimate={props.preview.estimate} what="import" />
      {totalActions === 0 ? (
        <p>Nothing to change: the structure already matches.</p>
      ) : (
        <>
          <p
            style={{
              margin: `${token('space.100')} 0 ${token('space.050')}`,
              color: token('color.text.subtle'),
              font: token('font.body.small'),
            }}
          >
            {shown.length < totalActions
              ? `The first ${shown.length} of ${totalActions.toLocaleString()} changes`
              : `${totalActions.toLocaleString()} changes`}
          </p>
          <ul style={{ margin: 0, paddingLeft: token('space.250') }}>
            {shown.map((a, i) => (
              <li key={i}>{sentence(a)}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
