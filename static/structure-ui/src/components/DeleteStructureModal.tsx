import { useState } from 'react';
import type { AppErrorDto } from '../../../../src/contract';
import { useServices } from '../api/ServicesContext';
import { ConfirmModal } from './ConfirmModal';
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
    <ConfirmModal
      label="Delete structure"
      appearance="danger"
      title={<>Delete “{props.structure.name}”?</>}
      confirmLabel="Delete"
      running={deleting}
      autoFocus="cancel"
      onCancel={props.onClose}
      onConfirm={() => void remove()}
    >
      {error && <ErrorMessage error={error} title="The structure was not deleted" />}
      <p>
        The structure and its {props.structure.rowCount.toLocaleString()} rows, permission rules and job history will be
        deleted. The issues themselves stay in Jira. This cannot be undone.
      </p>
    </ConfirmModal>
  );
}
