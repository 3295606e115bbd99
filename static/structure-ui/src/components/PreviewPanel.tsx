import { useEffect, useRef, type ReactNode } from 'react';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import { PointsEstimateNote } from './PointsEstimateNote';
import type { ImportPreview, PreviewAction } from '../../../../src/contract';

const kindLook = {
  add: { label: 'Add', appearance: 'success' },
  move: { label: 'Move', appearance: 'moved' },
  remove: { label: 'Remove', appearance: 'removed' },
} as const;

function where(action: PreviewAction): string {
  if (action.kind === 'remove') return action.withSubtree ? 'with its sub-issues' : 'its sub-issues stay';
  const parent = action.underIssueKey ?? action.underIssueId;
  return parent ? `under ${parent}` : 'at the top level';
}

/** What an import would do, computed by the server without changing anything. */
export function PreviewPanel(props: { preview: ImportPreview; action?: ReactNode }) {
  const { counts, actions, totalActions, warnings } = props.preview;
  const section = useRef<HTMLElement>(null);
  // The preview opens below the form: bring it into view so the result of the click is seen.
  // Braces matter: Chromium's scrollIntoView returns a promise, which React would take for a cleanup.
  useEffect(() => {
    section.current?.scrollIntoView?.({ block: 'start' });
  }, [props.preview]);
  const figures: Array<[string, number]> = [
    ['Added', counts.added],
    ['Moved', counts.moved],
    ['Removed', counts.removed],
    ['Unchanged', counts.unchanged],
    ['Skipped (not visible to you)', counts.skippedNotVisible],
  ];
  return (
    <section
      ref={section}
      aria-labelledby="preview-heading"
      data-testid="import-preview"
      style={{ marginTop: token('space.300') }}
    >
      <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: token('space.200') }}>
        <Heading size="medium" as="h2" id="preview-heading">
          Preview
        </Heading>
        {props.action}
      </div>
      <dl
        style={{
          display: 'flex',
          flexWrap: 'wrap',
          gap: token('space.300'),
          margin: `${token('space.150')} 0`,
          padding: 0,
        }}
      >
        {figures.map(([label, n]) => (
          <div key={label}>
            <dt style={{ color: token('color.text.subtle'), font: token('font.body.small') }}>{label}</dt>
            <dd
              style={{ margin: 0, font: token('font.heading.medium') }}
              data-testid={`preview-${label.split(' ')[0]!.toLowerCase()}`}
            >
              {n.toLocaleString()}
            </dd>
          </div>
        ))}
      </dl>
      {props.preview.complete === false && (
        <SectionMessage appearance="information" title="A partial preview">
          <p>
            The source is too big to preview in full here: the counts cover a sample and leave removals out. The import
            itself runs in full.
          </p>
        </SectionMessage>
      )}
      {warnings.map((w, i) => (
        <SectionMessage key={i} appearance="warning">
          {w}
        </SectionMessage>
      ))}
      <PointsEstimateNote estimate={props.preview.estimate} what="import" />
      {totalActions === 0 ? (
        <p>Nothing to change: the structure already matches.</p>
      ) : (
        <table style={{ borderCollapse: 'collapse', width: '100%', marginTop: token('space.100') }}>
          <caption
            style={{
              textAlign: 'left',
              font: token('font.body.small'),
              color: token('color.text.subtle'),
              paddingBottom: token('space.100'),
            }}
          >
            {actions.length < totalActions
              ? `The first ${actions.length} of ${totalActions.toLocaleString()} changes`
              : `${totalActions.toLocaleString()} changes`}
          </caption>
          <thead>
            <tr
              style={{
                textAlign: 'left',
                borderBottom: `2px solid ${token('color.border')}`,
                color: token('color.text.subtle'),
              }}
            >
              <th style={{ padding: token('space.075') }}>Change</th>
              <th style={{ padding: token('space.075') }}>Issue</th>
              <th style={{ padding: token('space.075') }}>Where</th>
            </tr>
          </thead>
          <tbody>
            {actions.map((a, i) => (
              <tr key={i} style={{ borderBottom: `1px solid ${token('color.border')}` }}>
                <td style={{ padding: token('space.075') }}>
                  <Lozenge appearance={kindLook[a.kind].appearance}>{kindLook[a.kind].label}</Lozenge>
                </td>
                <td style={{ padding: token('space.075') }}>{a.issueKey ?? a.issueId}</td>
                <td style={{ padding: token('space.075'), color: token('color.text.subtle') }}>{where(a)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
