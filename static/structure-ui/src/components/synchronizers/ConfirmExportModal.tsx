import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import type { ExportPreview } from '../../../../../src/contract';
import { ConfirmModal } from '../ConfirmModal';
import { kindsInWords } from './exportWords';

/**
 * Export writes to Jira as the user: say so, say which kinds of changes, repeat the warnings
 * (links deleted with scope "all issues" surprised Structure's users), and refuse to confirm
 * while the permission preflight fails.
 */
export function ConfirmExportModal(props: {
  structureName: string;
  synchronizerLabel: string;
  preview: ExportPreview | undefined;
  running: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const { preview } = props;
  const kinds = preview ? kindsInWords(preview.counts) : [];
  const blocked = preview !== undefined && !preview.preflight.ok;
  return (
    <ConfirmModal
      label="Run export"
      testId="confirm-export"
      scrollInViewport
      appearance="warning"
      title={<>Run export from “{props.structureName}” into Jira?</>}
      confirmLabel="Run export"
      running={props.running}
      confirmDisabled={blocked}
      autoFocus={blocked ? 'none' : 'confirm'}
      onCancel={props.onCancel}
      onConfirm={props.onConfirm}
    >
      <p>
        The {props.synchronizerLabel} synchronizer will change Jira issues to match the structure. It changes Jira{' '}
        <strong>as you, with your permissions</strong>: the changes appear in the issues' history under your name.
      </p>
      {preview ? (
        <p data-testid="confirm-export-kinds">
          {kinds.length > 0 ? <>It will change: {kinds.join(', ')}.</> : 'The preview found nothing to change.'}
        </p>
      ) : (
        <p>
          It may change rank, epic or parent and issue links, depending on the synchronizer and its parameters. Preview
          first to see exactly what.
        </p>
      )}
      {preview?.warnings.map((w, i) => (
        <div key={i} style={{ marginBottom: token('space.100') }}>
          <SectionMessage appearance="warning">
            <p>{w}</p>
          </SectionMessage>
        </div>
      ))}
      {blocked && (
        <SectionMessage appearance="error" title="You cannot run this export">
          <p>{preview.preflight.message ?? 'You lack Jira permissions this export needs.'}</p>
        </SectionMessage>
      )}
      <p>A finished export can be reverted from its job page.</p>
    </ConfirmModal>
  );
}
