import { ConfirmModal } from '../ConfirmModal';

/** Revert writes to Jira too, as the user: confirm before it runs. */
export function ConfirmRevertModal(props: { running: boolean; onCancel: () => void; onConfirm: () => void }) {
  return (
    <ConfirmModal
      label="Revert export"
      testId="confirm-revert"
      appearance="warning"
      title="Revert this export?"
      confirmLabel="Revert export"
      running={props.running}
      onCancel={props.onCancel}
      onConfirm={props.onConfirm}
    >
      <p>
        A revert job puts back the old value of every change this export made in Jira (rank, parent, links), as you,
        with your permissions.
      </p>
      <p>Values that changed in Jira since the export are left alone and reported as skipped.</p>
    </ConfirmModal>
  );
}
