import { useState } from 'react';
import Button from '@atlaskit/button/new';
import Modal, { ModalBody, ModalFooter, ModalHeader, ModalTitle, ModalTransition } from '@atlaskit/modal-dialog';
import type { InstalledSynchronizerDto } from '../../../../../src/contract';
import { useServices } from '../../api/ServicesContext';
import { ErrorMessage } from '../ErrorMessage';

/** Removing stops background sync and forgets the parameters; the structure and Jira stay as they are. */
export function RemoveSynchronizerModal(props: { structureId: string; synchronizer: InstalledSynchronizerDto; onCancel: () => void; onRemoved: () => void }) {
  const { invoke } = useServices();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Parameters<typeof ErrorMessage>[0]['error'] | undefined>();
  const remove = async () => {
    setBusy(true);
    const answer = await invoke('removeSynchronizer', { structureId: props.structureId, synchronizerId: props.synchronizer.id });
    setBusy(false);
    if (answer.ok) props.onRemoved();
    else setError(answer.error);
  };
  return (
    <ModalTransition>
      <Modal onClose={props.onCancel} label="Remove synchronizer" testId="remove-synchronizer">
        <ModalHeader>
          <ModalTitle appearance="danger">Remove the {props.synchronizer.label} synchronizer?</ModalTitle>
        </ModalHeader>
        <ModalBody>
          <p>{props.synchronizer.paramsSummary}</p>
          <p>It stops synchronizing and its parameters are forgotten. The structure and Jira stay as they are; past jobs stay in the job history.</p>
          {error && <ErrorMessage error={error} title="The synchronizer could not be removed" />}
        </ModalBody>
        <ModalFooter>
          <Button appearance="subtle" onClick={props.onCancel}>
            Cancel
          </Button>
          <Button appearance="danger" onClick={() => void remove()} isLoading={busy} autoFocus>
            Remove
          </Button>
        </ModalFooter>
      </Modal>
    </ModalTransition>
  );
}
