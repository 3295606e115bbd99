import { useState } from 'react';
import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import type { ImportPreview, StructureDetails, SynchronizerInfo } from '../../../../src/contract';
import { useServices } from '../api/ServicesContext';
import { ConfirmImportModal } from '../components/ConfirmImportModal';
import { ErrorMessage } from '../components/ErrorMessage';
import { Loading } from '../components/Loading';
import { PreviewPanel } from '../components/PreviewPanel';
import { StructureGate } from '../components/StructureGate';
import { ParamsSection } from '../components/synchronizers/ParamsSection';
import { SynchronizerRunGate } from '../components/synchronizers/SynchronizerRunGate';
import { useParamsEditor } from '../components/synchronizers/useParamsEditor';
import { SynchronizerSelect } from '../components/SynchronizerSelect';
import { useRouter } from '../routing/RouterContext';
import { newRequestId } from '../api/requestId';

export function ImportPage(props: { structureId: string }) {
  return (
    <StructureGate structureId={props.structureId} pageTitle="Import">
      {(structure) => <ImportForm structure={structure} />}
    </StructureGate>
  );
}

/**
 * Structure's Import flow: choose a synchronizer that supports import, fill its parameters,
 * optionally preview, then Run Import → confirmation → the job's status page.
 */
export function ImportForm(props: { structure: StructureDetails }) {
  return (
    <SynchronizerRunGate structure={props.structure} direction="import">
      {(importers) => <ImportEditor structure={props.structure} importers={importers} />}
    </SynchronizerRunGate>
  );
}

function ImportEditor(props: { structure: StructureDetails; importers: SynchronizerInfo[] }) {
  const { structure, importers } = props;
  const { invoke } = useServices();
  const { navigate } = useRouter();
  const [key, setKey] = useState<string>(importers[0]!.key);
  const synchronizer = importers.find((s) => s.key === key) ?? importers[0]!;
  const [preview, setPreview] = useState<ImportPreview | undefined>();
  const editor = useParamsEditor(synchronizer, undefined, () => setPreview(undefined));
  const [busy, setBusy] = useState<'preview' | 'start' | undefined>();
  const [confirming, setConfirming] = useState(false);

  const chooseSynchronizer = (next: string) => {
    const s = importers.find((x) => x.key === next);
    if (!s) return;
    setKey(next);
    editor.restart(s);
    setPreview(undefined);
  };

  const runPreview = async () => {
    if (!editor.check()) return;
    setBusy('preview');
    setPreview(undefined);
    const answer = await invoke('previewImport', {
      structureId: structure.id,
      synchronizer: key,
      params: editor.params(),
    });
    setBusy(undefined);
    if (answer.ok) setPreview(answer.data);
    else editor.showServerError(answer.error);
  };

  const start = async () => {
    setBusy('start');
    const answer = await invoke('startImport', {
      structureId: structure.id,
      synchronizer: key,
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
      aria-label="Import parameters"
      onSubmit={(e) => {
        e.preventDefault();
        if (editor.check()) setConfirming(true);
      }}
      style={{ maxWidth: 720 }}
    >
      <SynchronizerSelect synchronizers={importers} value={key} onChange={chooseSynchronizer} />
      <ParamsSection editor={editor} />
      {editor.generalError && <ErrorMessage error={editor.generalError} title="The import could not start" />}
      <div style={{ display: 'flex', gap: token('space.100'), marginTop: token('space.300') }}>
        <Button onClick={() => void runPreview()} isLoading={busy === 'preview'}>
          Preview
        </Button>
        <Button appearance="primary" type="submit" isDisabled={busy !== undefined}>
          Run Import
        </Button>
      </div>
      {busy === 'preview' && <Loading label="Computing the preview" />}
      {preview && (
        <PreviewPanel
          preview={preview}
          action={
            preview.totalActions > 0 && (
              // The preview can be long: offer the next step where the reader is.
              <Button appearance="primary" onClick={() => editor.check() && setConfirming(true)}>
                Run this import
              </Button>
            )
          }
        />
      )}
      {confirming && (
        <ConfirmImportModal
          structureName={structure.name}
          synchronizerLabel={synchronizer.label}
          running={busy === 'start'}
          onCancel={() => setConfirming(false)}
          onConfirm={() => void start()}
        />
      )}
    </form>
  );
}
