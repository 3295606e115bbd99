import { useState } from 'react';
import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import type { ExportPreview, StructureDetails, SynchronizerInfo } from '../../../../src/contract';
import { useServices } from '../api/ServicesContext';
import { ErrorMessage } from '../components/ErrorMessage';
import { Loading } from '../components/Loading';
import { StructureGate } from '../components/StructureGate';
import { ConfirmExportModal } from '../components/synchronizers/ConfirmExportModal';
import { ExportPreviewPanel } from '../components/synchronizers/ExportPreviewPanel';
import { ParamsSection } from '../components/synchronizers/ParamsSection';
import { SynchronizerRunGate } from '../components/synchronizers/SynchronizerRunGate';
import { useParamsEditor } from '../components/synchronizers/useParamsEditor';
import { SynchronizerSelect } from '../components/SynchronizerSelect';
import { useRouter } from '../routing/RouterContext';
import { newRequestId } from '../api/requestId';

export function ExportPage(props: { structureId: string }) {
  return (
    <StructureGate structureId={props.structureId} pageTitle="Export">
      {(structure) => <ExportForm structure={structure} />}
    </StructureGate>
  );
}

/**
 * The counterpart of Import: choose a synchronizer that supports export, fill its parameters,
 * preview what Jira would get, then Run Export → confirmation → the job's status page.
 */
export function ExportForm(props: { structure: StructureDetails }) {
  return (
    <SynchronizerRunGate structure={props.structure} direction="export">
      {(exporters) => <ExportChooser structure={props.structure} exporters={exporters} />}
    </SynchronizerRunGate>
  );
}

function ExportChooser(props: { structure: StructureDetails; exporters: SynchronizerInfo[] }) {
  const [key, setKey] = useState<string>(props.exporters[0]!.key);
  const synchronizer = props.exporters.find((s) => s.key === key) ?? props.exporters[0]!;
  // A key per synchronizer: choosing another one starts from its defaults.
  return (
    <ExportEditor
      key={synchronizer.key}
      structure={props.structure}
      exporters={props.exporters}
      synchronizer={synchronizer}
      onChoose={setKey}
    />
  );
}

function ExportEditor(props: {
  structure: StructureDetails;
  exporters: SynchronizerInfo[];
  synchronizer: SynchronizerInfo;
  onChoose: (key: string) => void;
}) {
  const { structure, synchronizer } = props;
  const { invoke } = useServices();
  const { navigate } = useRouter();
  const [preview, setPreview] = useState<ExportPreview | undefined>();
  const editor = useParamsEditor(synchronizer, undefined, () => setPreview(undefined));
  const [busy, setBusy] = useState<'preview' | 'confirm' | 'start' | undefined>();
  const [confirming, setConfirming] = useState(false);

  const fetchPreview = async (): Promise<ExportPreview | undefined> => {
    const answer = await invoke('previewExport', {
      structureId: structure.id,
      synchronizer: synchronizer.key,
      params: editor.params(),
    });
    if (answer.ok) return answer.data;
    editor.showServerError(answer.error);
    return undefined;
  };

  const runPreview = async () => {
    if (!editor.check()) return;
    setBusy('preview');
    setPreview(undefined);
    const p = await fetchPreview();
    setBusy(undefined);
    setPreview(p);
  };

  /** The confirmation names the kinds of changes and the preflight, so it needs the preview. */
  const askToConfirm = async () => {
    if (!editor.check()) return;
    if (preview) {
      setConfirming(true);
      return;
    }
    setBusy('confirm');
    const p = await fetchPreview();
    setBusy(undefined);
    if (p) {
      setPreview(p);
      setConfirming(true);
    }
  };

  const start = async () => {
    setBusy('start');
    const answer = await invoke('startExport', {
      structureId: structure.id,
      synchronizer: synchronizer.key,
      params: editor.params(),
      requestId: newRequestId(),
    });
    setBusy(undefined);
    setConfirming(false);
    if (answer.ok) navigate({ page: 'job', jobId: answer.data.job.id });
    else editor.showServerError(answer.error);
  };

  return (
    <form
      noValidate
      aria-label="Export parameters"
      onSubmit={(e) => {
        e.preventDefault();
        void askToConfirm();
      }}
      style={{ maxWidth: 880 }}
    >
      <SynchronizerSelect synchronizers={props.exporters} value={synchronizer.key} onChange={props.onChoose} />
      <ParamsSection editor={editor} />
      {editor.generalError && <ErrorMessage error={editor.generalError} title="The export could not start" />}
      <div style={{ display: 'flex', gap: token('space.100'), marginTop: token('space.300') }}>
        <Button
          onClick={() => void runPreview()}
          isLoading={busy === 'preview'}
          isDisabled={busy !== undefined && busy !== 'preview'}
        >
          Preview
        </Button>
        <Button
          appearance="primary"
          type="submit"
          isLoading={busy === 'confirm'}
          isDisabled={busy !== undefined && busy !== 'confirm'}
        >
          Run Export
        </Button>
      </div>
      {busy === 'preview' && <Loading label="Computing the preview" />}
      {preview && (
        <ExportPreviewPanel
          preview={preview}
          action={
            preview.totalChanges > 0 &&
            preview.preflight.ok && (
              <Button appearance="primary" onClick={() => void askToConfirm()}>
                Run this export
              </Button>
            )
          }
        />
      )}
      {confirming && (
        <ConfirmExportModal
          structureName={structure.name}
          synchronizerLabel={synchronizer.label}
          preview={preview}
          running={busy === 'start'}
          onCancel={() => setConfirming(false)}
          onConfirm={() => void start()}
        />
      )}
    </form>
  );
}
