import { useState } from 'react';
import type { InstalledSynchronizerDto } from '../../../../../src/contract';
import { useServices } from '../../api/ServicesContext';
import { ConfirmModal } from '../ConfirmModal';
import { ErrorMessage } from '../ErrorMessage';

/** Removing stops background sync and forgets the parameters; the structure and Jira stay as they are. */
export function RemoveSynchronizerModal(props: {
  structureId: string;
  synchronizer: InstalledSynchronizerDto;
  onCancel: () => void;
  onRemoved: () => void;
}) {
  const { invoke } = useServices();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Parameters<typeof ErrorMessage>[0]['error'] | undefined>();
  const remove = async () => {
    setBusy(true);
    const answer = await invoke('removeSynchronizer', {
      structureId: props.structureId,
      synchronizerId: props.synchronizer.id,
    });
    setBusy(false);
    if (answer.ok) props.onRemoved();
    else setError(answer.error);
  };
  return (
    <ConfirmModal
      label="Remove synchronizer"
      testId="remove-synchronizer"
      appearance="danger"
      title={<>Remove the {props.synchronizer.label} synchronizer?</>}
      confirmLabel="Remove"
      running={busy}
      onCancel={props.onCancel}
      onConfirm={() => void remove()}
    >
      <p>{props.synchronizer.paramsSummary}</p>
      <p>
        It stops synchronizing and its parameters are forgotten. The structure and Jira stay as they are; past jobs stay
        in the job history.
      </p>
      {error && <ErrorMessage error={error} title="The synchronizer could not be removed" />}
    </ConfirmModal>
  );
}
