import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import type { ExportPreview } from '../../../../../src/contract';
import { PointsEstimateNote } from '../PointsEstimateNote';
import { ExportChangesTable } from './ExportChangesTable';
import { ExportFigures } from './ExportFigures';

/**
 * What an export would write to Jira: counts per kind, the first changes with old → new values,
 * warnings (e.g. links deleted with scope "all issues"), placements Jira cannot represent, and
 * the permission preflight. Used by the Export page and the resync confirmation.
 */
export function ExportPreviewDetails(props: { preview: ExportPreview; maxChanges?: number }) {
  const { preview } = props;
  const shown = preview.changes.slice(0, props.maxChanges ?? preview.changes.length);
  return (
    <div data-testid="export-preview-details">
      <ExportFigures counts={preview.counts} testIdPrefix="export-preview" />
      {!preview.preflight.ok && (
        <div style={{ marginBottom: token('space.150') }} data-testid="export-preflight">
          <SectionMessage appearance="error" title="Missing Jira permissions">
            <p>{preview.preflight.message ?? 'You lack Jira permissions this export needs.'}</p>
            {preview.preflight.missing.length > 0 && (
              <ul>
                {preview.preflight.missing.map((m, i) => (
                  <li key={i}>
                    {m.permission.replace(/_/g, ' ').toLowerCase()} in {m.project} ({m.changes.toLocaleString()}{' '}
                    {m.changes === 1 ? 'change' : 'changes'})
                  </li>
                ))}
              </ul>
            )}
            <p>
              Ask a Jira admin for these permissions, or narrow the parameters to projects where you have them. Nothing
              is written until then.
            </p>
          </SectionMessage>
        </div>
      )}
      {preview.warnings.map((w, i) => (
        <div key={i} style={{ marginBottom: token('space.150') }} data-testid="export-warning">
          <SectionMessage appearance="warning">
            <p>{w}</p>
          </SectionMessage>
        </div>
      ))}
      <PointsEstimateNote estimate={preview.estimate} what="export" />
      {preview.notRepresentable.length > 0 && (
        <div style={{ marginBottom: token('space.150') }}>
          <SectionMessage appearance="information" title="Placements Jira cannot represent (reported, not written)">
            <ul>
              {preview.notRepresentable.map((n, i) => (
                <li key={i}>{n}</li>
              ))}
            </ul>
          </SectionMessage>
        </div>
      )}
      {preview.totalChanges === 0 ? (
        <p>Nothing to change: Jira already matches the structure.</p>
      ) : (
        <ExportChangesTable
          changes={shown}
          testId="export-changes"
          caption={
            shown.length < preview.totalChanges
              ? `The first ${shown.length} of ${preview.totalChanges.toLocaleString()} changes in Jira`
              : `${preview.totalChanges.toLocaleString()} ${preview.totalChanges === 1 ? 'change' : 'changes'} in Jira`
          }
        />
      )}
    </div>
  );
}
