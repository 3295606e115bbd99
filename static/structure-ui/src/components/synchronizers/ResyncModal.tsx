import { useCallback, useEffect, useState } from 'react';
import { token } from '@atlaskit/tokens';
import type {
  AppErrorDto,
  Direction,
  InstalledSynchronizerDto,
  JobDto,
  ResyncPreview,
} from '../../../../../src/contract';
import { useServices } from '../../api/ServicesContext';
import type { Loadable } from '../../api/useResolver';
import { ConfirmModal } from '../ConfirmModal';
import { ErrorMessage } from '../ErrorMessage';
import { Loading } from '../Loading';
import { DIRECTION_WORDS } from './directionWords';
import { ExportPreviewDetails } from './ExportPreviewDetails';
import { kindsInWords } from './exportWords';
import { ImportPreviewSummary } from './ImportPreviewSummary';
import { newRequestId } from '../../api/requestId';

/**
 * Resync an installed synchronizer once, in the direction the user chose: the dialog names the
 * direction and shows what would change (the server's preview), and refuses to confirm while the
 * export preflight fails or the preview could not be computed.
 */
export function ResyncModal(props: {
  structureId: string;
  structureName: string;
  synchronizer: InstalledSynchronizerDto;
  direction: Direction;
  onCancel: () => void;
  onStarted: (job: JobDto) => void;
}) {
  const { synchronizer, direction } = props;
  const { invoke } = useServices();
  const [preview, setPreview] = useState<Loadable<ResyncPreview>>({ status: 'loading' });
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<AppErrorDto | undefined>();
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let live = true;
    setPreview({ status: 'loading' });
    void invoke('previewResync', { structureId: props.structureId, synchronizerId: synchronizer.id, direction }).then(
      (answer) => {
        if (live)
          setPreview(answer.ok ? { status: 'ready', data: answer.data } : { status: 'error', error: answer.error });
      },
    );
    return () => {
      live = false;
    };
  }, [invoke, props.structureId, synchronizer.id, direction, generation]);

  const start = useCallback(async () => {
    setStarting(true);
    setStartError(undefined);
    const answer = await invoke('resync', {
      structureId: props.structureId,
      synchronizerId: synchronizer.id,
      direction,
      requestId: newRequestId(),
    });
    setStarting(false);
    if (answer.ok) props.onStarted(answer.data.job);
    else setStartError(answer.error);
  }, [invoke, props, synchronizer.id, direction]);

  const exportPreview =
    preview.status === 'ready' && preview.data.direction === 'export' ? preview.data.export : undefined;
  const blocked = preview.status !== 'ready' || (exportPreview !== undefined && !exportPreview.preflight.ok);
  const words = DIRECTION_WORDS[direction];
  return (
    <ConfirmModal
      label={`Resync ${words.phrase}`}
      testId="confirm-resync"
      width="large"
      scrollInViewport
      appearance="warning"
      title={
        <>
          Resync {synchronizer.label} {words.phrase}?
        </>
      }
      confirmLabel={direction === 'import' ? 'Resync into the structure' : 'Resync into Jira'}
      confirmTestId="confirm-resync-button"
      running={starting}
      confirmDisabled={blocked}
      autoFocus="none"
      onCancel={props.onCancel}
      onConfirm={() => void start()}
    >
      <p style={{ marginTop: 0 }}>{synchronizer.paramsSummary}</p>
      {direction === 'import' ? (
        <p data-testid="resync-direction-text">
          Direction: <strong>{words.phrase}</strong>. The synchronizer reads Jira as you and may change “
          {props.structureName}” as a whole: it can add, move and remove rows anywhere in it. Jira is not changed.
        </p>
      ) : (
        <p data-testid="resync-direction-text">
          Direction: <strong>{words.phrase}</strong>. The synchronizer changes Jira issues to match “
          {props.structureName}”, <strong>as you, with your permissions</strong>. The structure is not changed. A
          finished export can be reverted from its job page.
        </p>
      )}
      {preview.status === 'loading' && <Loading label="Computing what would change" />}
      {preview.status === 'error' && (
        <ErrorMessage
          error={preview.error}
          title="What would change could not be computed"
          onRetry={() => setGeneration((g) => g + 1)}
        />
      )}
      {preview.status === 'ready' && preview.data.direction === 'import' && (
        <ImportPreviewSummary preview={preview.data.import} />
      )}
      {exportPreview && (
        <>
          {kindsInWords(exportPreview.counts).length > 0 && (
            <p>It will change: {kindsInWords(exportPreview.counts).join(', ')}.</p>
          )}
          <ExportPreviewDetails preview={exportPreview} maxChanges={10} />
        </>
      )}
      {startError && (
        <div style={{ marginTop: token('space.150') }}>
          <ErrorMessage error={startError} title="The resync could not start" />
        </div>
      )}
    </ConfirmModal>
  );
}
