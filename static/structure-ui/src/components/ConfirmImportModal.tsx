import Button from '@atlaskit/button/new';
import Modal, { ModalBody, ModalFooter, ModalHeader, ModalTitle, ModalTransition } from '@atlaskit/modal-dialog';

/** Import can rewrite the whole structure and acts with the user's Jira permissions: say both before it runs. */
export function ConfirmImportModal(props: { structureName: string; synchronizerLabel: string; running: boolean; onCancel: () => void; onConfirm: () => void }) {
  return (
    <ModalTransition>
      <Modal onClose={props.onCancel} label="Run import" testId="confirm-import">
        <ModalHeader>
          <ModalTitle appearance="warning">Run import into “{props.structureName}”?</ModalTitle>
        </ModalHeader>
        <ModalBody>
          <p>
            The {props.synchronizerLabel} synchronizer will analyse Jira and may change the structure as a whole: it can add,
            move and remove rows anywhere in it.
          </p>
          <p>
            The import runs with your permissions. It reads Jira as you: issues you cannot see are not added, and rows of
            issues you cannot see are left where they are.
          </p>
        </ModalBody>
        <ModalFooter>
          <Button appearance="subtle" onClick={props.onCancel}>
            Cancel
          </Button>
          <Button appearance="warning" onClick={props.onConfirm} isLoading={props.running} autoFocus>
            Run import
          </Button>
        </ModalFooter>
      </Modal>
    </ModalTransition>
  );
}
