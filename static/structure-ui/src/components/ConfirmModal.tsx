import type { ReactNode } from 'react';
import Button from '@atlaskit/button/new';
import Modal, { ModalBody, ModalFooter, ModalHeader, ModalTitle, ModalTransition } from '@atlaskit/modal-dialog';

/**
 * The frame every "are you sure?" dialog shares: a titled warning or danger header, the caller's body,
 * and Cancel beside one confirming button. `autoFocus` picks where keyboard focus lands: on the
 * confirming button, on Cancel for destructive dialogs, or nowhere while the body is still loading.
 */
export function ConfirmModal(props: {
  label: string;
  title: ReactNode;
  appearance: 'warning' | 'danger';
  confirmLabel: ReactNode;
  onConfirm: () => void;
  onCancel: () => void;
  running: boolean;
  confirmDisabled?: boolean;
  autoFocus?: 'confirm' | 'cancel' | 'none';
  testId?: string;
  confirmTestId?: string;
  width?: 'small' | 'medium' | 'large' | 'x-large';
  scrollInViewport?: boolean;
  children: ReactNode;
}) {
  const focus = props.autoFocus ?? 'confirm';
  return (
    <ModalTransition>
      <Modal
        onClose={props.onCancel}
        label={props.label}
        testId={props.testId}
        width={props.width}
        shouldScrollInViewport={props.scrollInViewport}
      >
        <ModalHeader>
          <ModalTitle appearance={props.appearance}>{props.title}</ModalTitle>
        </ModalHeader>
        <ModalBody>{props.children}</ModalBody>
        <ModalFooter>
          <Button appearance="subtle" onClick={props.onCancel} autoFocus={focus === 'cancel'}>
            Cancel
          </Button>
          <Button
            appearance={props.appearance}
            onClick={props.onConfirm}
            isLoading={props.running}
            isDisabled={props.confirmDisabled}
            autoFocus={focus === 'confirm'}
            testId={props.confirmTestId}
          >
            {props.confirmLabel}
          </Button>
        </ModalFooter>
      </Modal>
    </ModalTransition>
  );
}
