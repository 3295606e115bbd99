import { useState } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import type { AppErrorDto, ImportPreview, StructureDetails, SynchronizerInfo } from '../../../../src/contract';
import { atLeast } from '../api/permissions';
import { useServices } from '../api/ServicesContext';
import { useResolver } from '../api/useResolver';
import { ConfirmImportModal } from '../components/ConfirmImportModal';
import { ErrorMessage } from '../components/ErrorMessage';
import { Loading } from '../components/Loading';
import { PageLayout } from '../components/PageLayout';
import { asSchema, compact, initialValue, validate, type FieldErrors, type ParamValues } from '../components/params/jsonSchema';
import { ParamsForm } from '../components/params/ParamsForm';
import { fieldId } from '../components/params/SchemaField';
import { serverFieldPath } from '../components/params/serverFieldError';
import { PreviewPanel } from '../components/PreviewPanel';
import { StructureGate, structureCrumbs } from '../components/StructureGate';
import { SynchronizerSelect } from '../components/SynchronizerSelect';
import { RouteLink } from '../routing/RouteLink';
import { useRouter } from '../routing/RouterContext';

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
  const { structure } = props;
  const synchronizers = useResolver('listSynchronizers', {});
  const settings = useResolver('getSettings', {});
  const frame = (children: React.ReactNode) => (
    <PageLayout
      title="Import"
      windowTitle={`Import · ${structure.name}`}
      breadcrumbs={structureCrumbs(structure, 'Import')}
      description={<>Fill “{structure.name}” from Jira with a synchronizer, once, as you.</>}
      actions={<RouteLink to={{ page: 'jobs', structureId: structure.id }}>Job history</RouteLink>}
    >
      {children}
    </PageLayout>
  );
  if (!atLeast(structure.level, 'control')) {
    return frame(
      <ErrorMessage
        title="You cannot import into this structure"
        error={{ code: 'PERMISSION_LEVEL', message: `Import needs control on the structure; you have ${structure.level}.`, needed: 'control' }}
      />,
    );
  }
  if (settings.state.status === 'ready' && !settings.state.data.synchronizersEnabled) {
    return frame(
      <ErrorMessage
        title="Synchronizers are turned off"
        error={{ code: 'SYNCHRONIZERS_DISABLED', message: 'Import runs a synchronizer, and synchronizers are turned off on this site.' }}
      />,
    );
  }
  if (synchronizers.state.status === 'loading') return frame(<Loading label="Loading synchronizers" />);
  if (synchronizers.state.status === 'error') {
    return frame(<ErrorMessage error={synchronizers.state.error} title="Synchronizers could not be loaded" onRetry={synchronizers.reload} />);
  }
  const importers = synchronizers.state.data.synchronizers.filter((s) => s.directions.includes('import'));
  if (importers.length === 0) {
    return frame(
      <SectionMessage appearance="information" title="No synchronizer can import">
        <p>None are installed or none supports import.</p>
      </SectionMessage>,
    );
  }
  return frame(<ImportEditor structure={structure} importers={importers} />);
}

function ImportEditor(props: { structure: StructureDetails; importers: SynchronizerInfo[] }) {
  const { structure, importers } = props;
  const { invoke } = useServices();
  const { navigate } = useRouter();
  const startValues = (s: SynchronizerInfo) => initialValue(asSchema(s.paramsSchema), s.defaults) as ParamValues;
  const [key, setKey] = useState<string>(importers[0]!.key);
  const synchronizer = importers.find((s) => s.key === key) ?? importers[0]!;
  const schema = asSchema(synchronizer.paramsSchema);
  const [values, setValues] = useState<ParamValues>(() => startValues(synchronizer));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [generalError, setGeneralError] = useState<AppErrorDto | undefined>();
  const [preview, setPreview] = useState<ImportPreview | undefined>();
  const [busy, setBusy] = useState<'preview' | 'start' | undefined>();
  const [confirming, setConfirming] = useState(false);

  const chooseSynchronizer = (next: string) => {
    const s = importers.find((x) => x.key === next);
    if (!s) return;
    setKey(next);
    setValues(startValues(s));
    setErrors({});
    setPreview(undefined);
    setGeneralError(undefined);
  };

  /** Keyboard and screen-reader users land on the first field to fix. */
  const focusField = (path: string | undefined) => {
    if (path === undefined) return;
    requestAnimationFrame(() => {
      const el = document.getElementById(fieldId(path)) ?? document.querySelector<HTMLElement>(`[name="${path}"]`);
      el?.focus();
    });
  };

  /** Client-side check first, so most mistakes are named before a round trip. */
  const checkLocally = (): boolean => {
    const found = validate(schema, values);
    setErrors(found);
    setGeneralError(undefined);
    focusField(Object.keys(found)[0]);
    return Object.keys(found).length === 0;
  };

  const showServerError = (error: AppErrorDto) => {
    const path = serverFieldPath(error, schema, values);
    if (path !== undefined) {
      // Next to its field, the message need not repeat the field's path ("params.source.jql: …").
      const message = error.field && error.message.startsWith(`${error.field}: `) ? error.message.slice(error.field.length + 2) : error.message;
      setErrors({ [path]: message });
      setGeneralError(undefined);
      focusField(path);
    } else {
      setGeneralError(error);
    }
  };

  const runPreview = async () => {
    if (!checkLocally()) return;
    setBusy('preview');
    setPreview(undefined);
    const answer = await invoke('previewImport', { structureId: structure.id, synchronizer: key, params: compact(schema, values) as ParamValues });
    setBusy(undefined);
    if (answer.ok) setPreview(answer.data);
    else showServerError(answer.error);
  };

  const start = async () => {
    setBusy('start');
    const answer = await invoke('startImport', { structureId: structure.id, synchronizer: key, params: compact(schema, values) as ParamValues });
    setBusy(undefined);
    setConfirming(false);
    if (answer.ok) navigate({ page: 'job', jobId: answer.data.job.id });
    else showServerError(answer.error);
  };

  const errorCount = Object.keys(errors).length;
  return (
    <form
      noValidate
      aria-label="Import parameters"
      onSubmit={(e) => {
        e.preventDefault();
        if (checkLocally()) setConfirming(true);
      }}
      style={{ maxWidth: 720 }}
    >
      <SynchronizerSelect synchronizers={importers} value={key} onChange={chooseSynchronizer} />
      <div style={{ marginTop: token('space.300') }}>
        <Heading size="small" as="h2">
          Parameters
        </Heading>
        <ParamsForm
          schema={schema}
          values={values}
          errors={errors}
          onChange={(v) => {
            setValues(v);
            setPreview(undefined);
          }}
        />
      </div>
      <div role="alert" aria-live="assertive" style={{ marginTop: token('space.200') }}>
        {errorCount > 0 && (
          <SectionMessage appearance="error" title="Check the parameters">
            <p>
              {errorCount === 1 ? 'One parameter needs' : `${errorCount} parameters need`} your attention: see the messages next to
              the fields.
            </p>
          </SectionMessage>
        )}
      </div>
      {generalError && <ErrorMessage error={generalError} title="The import could not start" />}
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
              <Button appearance="primary" onClick={() => checkLocally() && setConfirming(true)}>
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
