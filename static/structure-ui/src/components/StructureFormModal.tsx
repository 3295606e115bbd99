import { useState, type FormEvent } from 'react';
import Button from '@atlaskit/button/new';
import { ErrorMessage as FieldError, HelperMessage, Label } from '@atlaskit/form';
import Modal, { ModalBody, ModalFooter, ModalHeader, ModalTitle, ModalTransition } from '@atlaskit/modal-dialog';
import TextArea from '@atlaskit/textarea';
import TextField from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import type { AppErrorDto, StructureDetails } from '../../../../src/contract';
import { useServices } from '../api/ServicesContext';
import { useResolver } from '../api/useResolver';
import { ErrorMessage } from './ErrorMessage';

const sameName = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/** Create a structure, or edit the name and description of an existing one. */
export function StructureFormModal(props: {
  existing?: { id: string; name: string; description: string };
  onClose: () => void;
  onSaved: (structure: StructureDetails) => void;
}) {
  const { invoke } = useServices();
  const [name, setName] = useState(props.existing?.name ?? '');
  const [description, setDescription] = useState(props.existing?.description ?? '');
  const [nameError, setNameError] = useState<string | undefined>();
  const [error, setError] = useState<AppErrorDto | undefined>();
  const [saving, setSaving] = useState(false);
  const editing = !!props.existing;
  // Names may repeat (the server allows it), but two structures of one name are easily mixed up: warn,
  // against every structure the user can see, and let them go ahead.
  const others = useResolver('listStructures', { scope: 'all' });
  const duplicate =
    name.trim() !== '' &&
    others.state.status === 'ready' &&
    others.state.data.structures.some((s) => s.id !== props.existing?.id && sameName(s.name, name));

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (!name.trim()) {
      setNameError('Name is required');
      return;
    }
    setSaving(true);
    setError(undefined);
    const answer = props.existing
      ? await invoke('updateStructure', { structureId: props.existing.id, name: name.trim(), description })
      : await invoke('createStructure', { name: name.trim(), description });
    setSaving(false);
    if (answer.ok) {
      props.onSaved(answer.data);
    } else if (answer.error.field?.endsWith('name')) {
      setNameError(answer.error.message);
    } else {
      setError(answer.error);
    }
  };

  const formId = 'structure-form';
  return (
    <ModalTransition>
      <Modal onClose={props.onClose} label={editing ? 'Edit structure' : 'Create structure'}>
        <ModalHeader>
          <ModalTitle>{editing ? 'Edit structure' : 'Create structure'}</ModalTitle>
        </ModalHeader>
        <ModalBody>
          <form id={formId} onSubmit={(e) => void submit(e)} noValidate>
            {error && <ErrorMessage error={error} title="The structure was not saved" />}
            <div style={{ marginBottom: token('space.200') }}>
              <Label htmlFor="structure-name">Name</Label>
              <TextField
                id="structure-name"
                name="name"
                value={name}
                isRequired
                isInvalid={!!nameError}
                aria-describedby={
                  nameError ? 'structure-name-error' : duplicate ? 'structure-name-duplicate' : undefined
                }
                onChange={(e) => {
                  setName(e.currentTarget.value);
                  setNameError(undefined);
                }}
              />
              {nameError && (
                <div id="structure-name-error">
                  <FieldError>{nameError}</FieldError>
                </div>
              )}
              {!nameError && duplicate && (
                <div
                  id="structure-name-duplicate"
                  data-testid="structure-name-duplicate"
                  role="status"
                  style={{
                    marginTop: token('space.050'),
                    font: token('font.body.small'),
                    color: token('color.text.warning'),
                  }}
                >
                  Another structure you can see is already called “{name.trim()}”. You can still{' '}
                  {editing ? 'save' : 'create'} it; a different name tells them apart.
                </div>
              )}
            </div>
            <div>
              <Label htmlFor="structure-description">Description</Label>
              <TextArea
                id="structure-description"
                name="description"
                value={description}
                minimumRows={3}
                onChange={(e) => setDescription(e.currentTarget.value)}
              />
              <HelperMessage>Optional. Shown in Manage structures.</HelperMessage>
            </div>
          </form>
        </ModalBody>
        <ModalFooter>
          <Button appearance="subtle" onClick={props.onClose}>
            Cancel
          </Button>
          <Button appearance="primary" type="submit" form={formId} isLoading={saving}>
            {editing ? 'Save' : 'Create'}
          </Button>
        </ModalFooter>
      </Modal>
    </ModalTransition>
  );
}
