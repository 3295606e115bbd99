// Status Rollup's parameters, which a generic form cannot show well: the statuses rolled up as an
// ordered list (earliest first, moved with buttons a keyboard reaches), the transitions allowed per
// chosen status, the parents' issue types and the resolution, each from what Jira lists to the viewer.
import { useEffect, useState, type ReactNode } from 'react';
import Button from '@atlaskit/button/new';
import { ErrorMessage as FieldError, HelperMessage, Label } from '@atlaskit/form';
import Select from '@atlaskit/select';
import TextField from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import { useServices } from '../../api/ServicesContext';
import { JiraOptionsSelect } from './JiraOptionsSelect';
import { loadIssueTypes, loadResolutions, workflowStatuses, type JiraStatus } from './jiraPickers';
import type { FieldErrors } from './jsonSchema';

/** The parameter names drawn here instead of by their schema type. */
export const STATUS_ROLLUP_FIELDS = new Set(['statusIds', 'issueTypeIds', 'transitions', 'resolution']);

export interface RollupFieldProps {
  name: string;
  value: unknown;
  path: string;
  errors: FieldErrors;
  /** The whole form's values: the transitions follow the chosen statuses. */
  values: Record<string, unknown>;
  onChange: (value: unknown) => void;
}

interface TransitionsValue {
  statusId: string;
  names: string[];
}

const idOf = (path: string) => `param-${path.replace(/\./g, '-')}`;

function useStatuses(): { statuses: JiraStatus[]; error?: string } {
  const { requestJira } = useServices();
  const [state, setState] = useState<{ statuses: JiraStatus[]; error?: string }>({ statuses: [] });
  useEffect(() => {
    let live = true;
    workflowStatuses(requestJira)
      .then((statuses) => live && setState({ statuses }))
      .catch((e: unknown) => live && setState({ statuses: [], error: e instanceof Error ? e.message : String(e) }));
    return () => {
      live = false;
    };
  }, [requestJira]);
  return state;
}

function ErrorText(props: { path: string; errors: FieldErrors }) {
  const message = props.errors[props.path];
  if (!message) return null;
  return (
    <div id={`${idOf(props.path)}-error`} data-testid={`${idOf(props.path)}-error`}>
      <FieldError>{message}</FieldError>
    </div>
  );
}

export function StatusRollupField(props: RollupFieldProps) {
  switch (props.name) {
    case 'statusIds':
      return <OrderedStatuses {...props} />;
    case 'transitions':
      return <AllowedTransitions {...props} />;
    case 'issueTypeIds':
      return (
        <Labelled {...props} label="Parent issue types" help="Only parents of these types change. Empty: every type.">
          <JiraOptionsSelect
            inputId={idOf(props.path)}
            value={Array.isArray(props.value) ? props.value.map(String) : []}
            isMulti
            isInvalid={!!props.errors[props.path]}
            what="issue types"
            load={loadIssueTypes}
            placeholder="Every issue type"
            typedPlaceholder="Issue type ids, e.g. 10001, 10002"
            onChange={props.onChange}
          />
        </Labelled>
      );
    default:
      return <ResolutionField {...props} />;
  }
}

function Labelled(props: RollupFieldProps & { label: string; help: string; children: ReactNode }) {
  return (
    <div style={{ marginTop: token('space.200') }}>
      <Label htmlFor={idOf(props.path)}>{props.label}</Label>
      {props.children}
      <HelperMessage>{props.help}</HelperMessage>
      <ErrorText path={props.path} errors={props.errors} />
    </div>
  );
}

/** The statuses rolled up, earliest first: an ordered list with Move up, Move down and Remove, and a picker to add one. */
function OrderedStatuses(props: RollupFieldProps) {
  const { statuses, error } = useStatuses();
  const chosen = Array.isArray(props.value) ? props.value.map(String) : [];
  const nameOf = (id: string) => statuses.find((s) => String(s.id) === id)?.name ?? `Status ${id}`;
  const move = (from: number, to: number) => {
    const next = [...chosen];
    const [moved] = next.splice(from, 1);
    next.splice(to, 0, moved!);
    props.onChange(next);
  };
  const id = idOf(props.path);
  const options = statuses
    .filter((s) => !chosen.includes(String(s.id)))
    .map((s) => ({ label: s.name, value: String(s.id) }));
  return (
    <div style={{ marginTop: token('space.200') }} role="group" aria-labelledby={`${id}-label`}>
      <span id={`${id}-label`} style={{ font: token('font.heading.xxsmall') }}>
        Statuses rolled up, earliest first
      </span>
      <ol
        aria-label="Statuses rolled up, earliest first"
        data-testid="rollup-statuses"
        style={{ paddingLeft: token('space.300') }}
      >
        {chosen.map((statusId, i) => (
          <li key={statusId} style={{ display: 'flex', alignItems: 'center', gap: token('space.100') }}>
            <span style={{ minWidth: '10rem' }}>{nameOf(statusId)}</span>
            <Button
              appearance="subtle"
              isDisabled={i === 0}
              onClick={() => move(i, i - 1)}
              aria-label={`Move ${nameOf(statusId)} up`}
            >
              Up
            </Button>
            <Button
              appearance="subtle"
              isDisabled={i === chosen.length - 1}
              onClick={() => move(i, i + 1)}
              aria-label={`Move ${nameOf(statusId)} down`}
            >
              Down
            </Button>
            <Button
              appearance="subtle"
              onClick={() => props.onChange(chosen.filter((x) => x !== statusId))}
              aria-label={`Remove ${nameOf(statusId)}`}
            >
              Remove
            </Button>
          </li>
        ))}
      </ol>
      <Label htmlFor={id}>Add a status</Label>
      <Select
        inputId={id}
        options={options}
        value={null}
        isLoading={statuses.length === 0 && error === undefined}
        placeholder={error ? `Statuses could not be loaded from Jira (${error})` : 'Choose a status to add'}
        onChange={(o) => o && props.onChange([...chosen, o.value])}
        noOptionsMessage={() => 'Every status you can see is in the list.'}
      />
      <HelperMessage>
        A parent takes the earliest of these among its direct children’s statuses in the structure. A child in any other
        status leaves its parent as it is.
      </HelperMessage>
      <ErrorText path={props.path} errors={props.errors} />
    </div>
  );
}

/** Per chosen status, the transition names that may reach it (comma-separated); empty: any transition. */
function AllowedTransitions(props: RollupFieldProps) {
  const { statuses } = useStatuses();
  const chosen = Array.isArray(props.values.statusIds) ? props.values.statusIds.map(String) : [];
  const current = (Array.isArray(props.value) ? props.value : []) as TransitionsValue[];
  const [texts, setTexts] = useState<Record<string, string>>(() =>
    Object.fromEntries(current.map((t) => [t.statusId, t.names.join(', ')])),
  );
  const change = (statusId: string, text: string) => {
    const nextTexts = { ...texts, [statusId]: text };
    setTexts(nextTexts);
    props.onChange(
      chosen
        .map((id) => ({
          statusId: id,
          names: (nextTexts[id] ?? '')
            .split(',')
            .map((n) => n.trim())
            .filter((n) => n !== ''),
        }))
        .filter((t) => t.names.length > 0),
    );
  };
  if (chosen.length === 0) return null;
  return (
    <fieldset style={{ border: 'none', padding: 0, margin: `${token('space.200')} 0 0` }}>
      <legend style={{ font: token('font.heading.xsmall'), padding: 0 }}>Transitions allowed</legend>
      {chosen.map((statusId) => {
        const name = statuses.find((s) => String(s.id) === statusId)?.name ?? `Status ${statusId}`;
        const path = `${props.path}.${statusId}`;
        return (
          <div key={statusId} style={{ marginTop: token('space.100') }}>
            <Label htmlFor={idOf(path)}>{`To reach ${name}`}</Label>
            <TextField
              id={idOf(path)}
              value={texts[statusId] ?? ''}
              placeholder="Any transition that reaches it; or names, e.g. Done, Close Issue"
              onChange={(e) => change(statusId, e.currentTarget.value)}
            />
          </div>
        );
      })}
      <HelperMessage>
        Transition names, as the workflows call them. A parent with no allowed transition to its target stays where it
        is, and the job says why.
      </HelperMessage>
      <ErrorText path={props.path} errors={props.errors} />
    </fieldset>
  );
}

function ResolutionField(props: RollupFieldProps) {
  const { requestJira } = useServices();
  const [options, setOptions] = useState<Array<{ label: string; value: string }>>([]);
  useEffect(() => {
    let live = true;
    loadResolutions(requestJira)
      .then((list) => live && setOptions(list))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [requestJira]);
  const value = typeof props.value === 'string' && props.value !== '' ? props.value : undefined;
  return (
    <Labelled
      {...props}
      label="Resolution"
      help="Set by transitions whose screen asks for one. Empty: the issue’s current resolution, or the screen’s default."
    >
      <Select
        inputId={idOf(props.path)}
        options={options}
        isClearable
        value={value ? { label: value, value } : null}
        placeholder="The current or the default"
        onChange={(o) => props.onChange(o ? o.value : undefined)}
      />
    </Labelled>
  );
}

/** For SchemaField: whether a parameter is drawn here. */
export const isStatusRollupField = (name: string, values: Record<string, unknown>): boolean =>
  STATUS_ROLLUP_FIELDS.has(name) && 'statusIds' in values;
