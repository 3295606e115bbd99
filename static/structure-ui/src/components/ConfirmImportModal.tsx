import { ConfirmModal } from './ConfirmModal';

/** Import can rewrite the whole structure and acts with the user's Jira permissions: say both before it runs. */
export function ConfirmImportModal(props: {
  structureName: string;
  synchronizerLabel: string;
  running: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  return (
    <ConfirmModal
      label="Run import"
      testId="confirm-import"
      appearance="warning"
      title={<>Run import into “{props.structureName}”?</>}
      confirmLabel="Run import"
      running={props.running}
      onCancel={props.onCancel}
      onConfirm={props.onConfirm}
    >
      <p>
        The {props.synchronizerLabel} synchronizer will analyse Jira and may change the structure as a whole: it can
        add, move and remove rows anywhere in it.
      </p>
      <p>
        The import runs with your permissions. It reads Jira as you: issues you cannot see are not added, and rows of
        issues you cannot see are left where they are.
      </p>
    </ConfirmModal>
  );
}
