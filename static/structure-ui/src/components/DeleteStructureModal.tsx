import { useState } from 'react';
import Button from '@atlaskit/button/new';
import Modal, { ModalBody, ModalFooter, ModalHeader, ModalTitle, ModalTransition } from '@atlaskit/modal-dialog';
import type { AppErrorDto } from '../../../../src/contract';
import { useServices } from '../api/ServicesContext';
import { ErrorMessage } from './ErrorMessage';

export function DeleteStructureModal(props: {
  structure: { id: string; name: string; rowCount: number };
  onClose: () => void;
  onDeleted: () => void;
}) {
  const { invoke } = useServices();
  const [error, setError] = useState<AppErrorDto | undefined>();
  const [deleting, setDeleting] = useState(false);
  const remove = async () => {
    setDeleting(true);
    const answer = await invoke('deleteStructure', { structureId: props.structure.id });
    setDeleting(false);
    if (answer.ok) props.onDeleted();
    else setError(answer.error);
  };
  return (
    <ModalTransition>
      <Modal onClose={props.onClose} label="Delete structure">
        <ModalHeader>
          <ModalTitle appearance="danger">Delete “{props.structure.name}”?</ModalTitle>
        </ModalHeader>
        <ModalBody>
          {error && <ErrorMessage error={error} title="The structure was not deleted" />}
          <p>
            The structure and its {props.structure.rowCount.toLocaleString()} rows, permission rules and job history will be
            deleted. The issues themselves stay in Jira. This cannot be undone.
          </p>
        </ModalBody>
        <ModalFooter>
          <Button appearance="subtle" onClick={props.onClose} autoFocus>
            Cancel
          </Button>
          <Button appearance="danger" onClick={() => void remove()} isLoading={deleting}>
            Delete
          </Button>
        </ModalFooter>
      </Modal>
    </ModalTransition>
  );
}
