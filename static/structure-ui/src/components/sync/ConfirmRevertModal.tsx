import Button from '@atlaskit/button/new';
import Modal, { ModalBody, ModalFooter, ModalHeader, ModalTitle, ModalTransition } from '@atlaskit/modal-dialog';

/** Revert writes to Jira too, as the user: confirm before it runs. */
export function ConfirmRevertModal(props: { running: boolean; onCancel: () => void; onConfirm: () => void }) {
  return (
    <ModalTransition>
      <Modal onClose={props.onCancel} label="Revert export" testId="confirm-revert">
        <ModalHeader>
          <ModalTitle appearance="warning">Revert this export?</ModalTitle>
        </ModalHeader>
        <ModalBody>
          <p>
            A revert job puts back the old value of every change this export made in Jira (rank, parent, links), as you, with your permissions.
          </p>
          <p>Values that changed in Jira since the export are left alone and reported as skipped.</p>
        </ModalBody>
        <ModalFooter>
          <Button appearance="subtle" onClick={props.onCancel}>
            Cancel
          </Button>
          <Button appearance="warning" onClick={props.onConfirm} isLoading={props.running} autoFocus>
            Revert export
          </Button>
        </ModalFooter>
      </Modal>
    </ModalTransition>
  );
}
