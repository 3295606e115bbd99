import { useState } from 'react';
import Button from '@atlaskit/button/new';
import Modal, { ModalBody, ModalFooter, ModalHeader, ModalTitle, ModalTransition } from '@atlaskit/modal-dialog';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import type { InstalledSynchronizerDto, SynchronizerInfo } from '../../../../../src/contract';
import { useServices } from '../../api/ServicesContext';
import { ErrorMessage } from '../ErrorMessage';
import { ParamsForm } from '../params/ParamsForm';
import { SynchronizerSelect } from '../SynchronizerSelect';
import { ParamsErrorSummary } from './ParamsErrorSummary';
import { useParamsEditor } from './useParamsEditor';

/**
 * Install a synchronizer (choose one, fill its parameters — the Import page's generated form) or
 * edit the parameters of an installed one. Installed synchronizers start disabled.
 */
export function SynchronizerParamsModal(props: {
  structureId: string;
  synchronizers: SynchronizerInfo[];
  /** Given: edit its parameters; absent: install a new one. */
  installed?: InstalledSynchronizerDto;
  onCancel: () => void;
  onSaved: (synchronizer: InstalledSynchronizerDto) => void;
}) {
  const { installed } = props;
  const [key, setKey] = useState<string>(installed?.synchronizer ?? props.synchronizers[0]?.key ?? '');
  const synchronizer = props.synchronizers.find((s) => s.key === key);
  const title = installed ? `Edit ${installed.label} parameters` : 'Install a synchronizer';
  return (
    <ModalTransition>
      <Modal
        onClose={props.onCancel}
        label={title}
        width="large"
        testId="synchronizer-params-modal"
        shouldScrollInViewport
      >
        <ModalHeader>
          <ModalTitle>{title}</ModalTitle>
        </ModalHeader>
        {synchronizer ? (
          <ParamsBody key={synchronizer.key} {...props} synchronizer={synchronizer} onChoose={setKey} />
        ) : (
          <>
            <ModalBody>
              <SectionMessage appearance="warning" title="This synchronizer is not offered any more">
                <p>Its type is unknown to this version of the app. Remove it and install another one.</p>
              </SectionMessage>
            </ModalBody>
            <ModalFooter>
              <Button onClick={props.onCancel}>Close</Button>
            </ModalFooter>
          </>
        )}
      </Modal>
    </ModalTransition>
  );
}

function ParamsBody(props: {
  structureId: string;
  synchronizers: SynchronizerInfo[];
  installed?: InstalledSynchronizerDto;
  synchronizer: SynchronizerInfo;
  onChoose: (key: string) => void;
  onCancel: () => void;
  onSaved: (synchronizer: InstalledSynchronizerDto) => void;
}) {
  const { installed, synchronizer } = props;
  const { invoke } = useServices();
  const editor = useParamsEditor(synchronizer, installed?.params);
  const [saving, setSaving] = useState(false);

  const save = async () => {
    if (!editor.check()) return;
    setSaving(true);
    const answer = installed
      ? await invoke('updateSynchronizer', {
          structureId: props.structureId,
          synchronizerId: installed.id,
          params: editor.params(),
        })
      : await invoke('installSynchronizer', {
          structureId: props.structureId,
          synchronizer: synchronizer.key,
          params: editor.params(),
        });
    setSaving(false);
    if (answer.ok) props.onSaved(answer.data.synchronizer);
    else editor.showServerError(answer.error);
  };

  return (
    <form
      noValidate
      aria-label={installed ? 'Synchronizer parameters' : 'Install a synchronizer'}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <ModalBody>
        {!installed && (
          <>
            <SectionMessage appearance="information" title="Installed synchronizers start disabled">
              <p>
                Nothing runs in the background until you enable it. Until then, run it when you need to with Resync,
                choosing the direction. It runs as you, with your Jira permissions.
              </p>
            </SectionMessage>
            <div style={{ marginTop: token('space.200') }}>
              <SynchronizerSelect
                synchronizers={props.synchronizers}
                value={synchronizer.key}
                onChange={props.onChoose}
              />
            </div>
          </>
        )}
        <div style={{ marginTop: token('space.200') }}>
          <ParamsForm
            schema={editor.schema}
            values={editor.values}
            errors={editor.errors}
            onChange={editor.setValues}
          />
        </div>
        <ParamsErrorSummary errors={editor.errors} />
        {editor.generalError && (
          <ErrorMessage
            error={editor.generalError}
            title={installed ? 'The parameters could not be saved' : 'The synchronizer could not be installed'}
          />
        )}
      </ModalBody>
      <ModalFooter>
        <Button appearance="subtle" onClick={props.onCancel}>
          Cancel
        </Button>
        <Button appearance="primary" type="submit" isLoading={saving}>
          {installed ? 'Save' : 'Install'}
        </Button>
      </ModalFooter>
    </form>
  );
}
