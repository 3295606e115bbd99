import type { UndoPreview } from '../../../../src/contract';
import { useResolver } from '../api/useResolver';
import { ConfirmModal } from './ConfirmModal';
import { ErrorMessage } from './ErrorMessage';
import { Loading } from './Loading';

const rows = (n: number) => (n === 1 ? '1 row' : `${n.toLocaleString()} rows`);

/** The sentences of the confirmation: what the undo changes, in the order a person checks it. */
export function undoChangeLines(p: UndoPreview): string[] {
  const lines: string[] = [];
  if (p.removed > 0) lines.push(`Removes ${rows(p.removed)} the import added.`);
  if (p.restored > 0) lines.push(`Puts back ${rows(p.restored)} the import removed.`);
  if (p.moved > 0) lines.push(`Moves ${rows(p.moved)} back to where ${p.moved === 1 ? 'it was' : 'they were'}.`);
  if (lines.length === 0) lines.push('Changes no row: the structure stays as it is.');
  return lines;
}

/**
 * Undo replaces the whole structure with how it was before the import and cannot be redone: ask
 * first, saying what will change (`previewUndo`, which refuses exactly when the undo would).
 */
export function ConfirmUndoModal(props: {
  jobId: string;
  running: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const { state, reload } = useResolver('previewUndo', { jobId: props.jobId });
  return (
    <ConfirmModal
      label="Undo import"
      testId="confirm-undo"
      confirmTestId="confirm-undo-button"
      appearance="warning"
      title="Undo this import?"
      confirmLabel="Undo import"
      running={props.running}
      confirmDisabled={state.status !== 'ready'}
      autoFocus={state.status === 'ready' ? 'cancel' : 'none'}
      onCancel={props.onCancel}
      onConfirm={props.onConfirm}
    >
      {state.status === 'loading' && <Loading label="Working out what undo changes" />}
      {state.status === 'error' && (
        <ErrorMessage error={state.error} title="This import cannot be undone" onRetry={reload} />
      )}
      {state.status === 'ready' && (
        <>
          <p>
            The structure goes back to how it was before this import (run by {state.data.importedBy}): from{' '}
            {rows(state.data.rowsNow)} to {rows(state.data.rowsAfter)}.
          </p>
          <ul data-testid="undo-changes">
            {undoChangeLines(state.data).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <p>There is no redo: to get the import’s rows back, run the import again.</p>
        </>
      )}
    </ConfirmModal>
  );
}
