import { createContext, useContext, useEffect, useState } from 'react';
import Checkbox from '@atlaskit/checkbox';
import { ErrorMessage as FieldError, HelperMessage, Label } from '@atlaskit/form';
import { RadioGroup } from '@atlaskit/radio';
import TextArea from '@atlaskit/textarea';
import TextField from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import { FavouriteFilterSelect } from './FavouriteFilterSelect';
import { JiraOptionsSelect } from './JiraOptionsSelect';
import { isStatusRollupField, StatusRollupField } from './StatusRollupFields';
import { useServices } from '../../api/ServicesContext';
import { examplePlaceholders, useExampleProjects } from '../../api/useExampleProjects';
import {
  linkTypes,
  loadBoards,
  loadLinkTypes,
  loadProjects,
  loadRankFields,
  parentEndLabel,
  type LinkType,
} from './jiraPickers';
import {
  discriminatorOf,
  enumLabel,
  helpOf,
  initialValue,
  labelOf,
  typeOf,
  variantLabel,
  variantsOf,
  type FieldErrors,
  type JsonSchema,
  type ParamValues,
} from './jsonSchema';

interface FieldProps {
  name: string;
  schema: JsonSchema;
  value: unknown;
  path: string;
  errors: FieldErrors;
  onChange: (value: unknown) => void;
}

/** Options that do not apply to the current values, by path, with the reason shown instead of their help. */
export const UnavailableContext = createContext<Record<string, string>>({});

export const fieldId = (path: string) => `param-${path.replace(/\./g, '-')}`;

const ISSUE_KEY_NAMES = /^(issueKey|underIssueKey|parentIssueKey|parentKey)$/;

function FieldErrorText(props: { path: string; errors: FieldErrors }) {
  const message = props.errors[props.path];
  if (!message) return null;
  return (
    <div id={`${fieldId(props.path)}-error`} data-testid={`${fieldId(props.path)}-error`}>
      <FieldError>{message}</FieldError>
    </div>
  );
}

/** One synchronizer parameter, rendered by its schema type; a few well-known names get a better widget. */
export function SchemaField(props: FieldProps) {
  const { name, schema, value, path, errors } = props;
  const id = fieldId(path);
  const error = errors[path];
  const describedBy = error ? `${id}-error` : undefined;
  const label = labelOf(name, schema);
  const help = helpOf(name, schema);
  const variants = variantsOf(schema);
  const unavailableWhy = useContext(UnavailableContext)[path];
  const examples = examplePlaceholders(useExampleProjects());
  const formValues = useContext(FormValuesContext);
  if (path === name && isStatusRollupField(name, formValues))
    return (
      <StatusRollupField
        name={name}
        value={value}
        path={path}
        errors={errors}
        values={formValues}
        onChange={props.onChange}
      />
    );
  if (variants) return <UnionField {...props} variants={variants} />;

  const type = typeOf(schema);
  if (type === 'object') {
    return (
      <fieldset style={{ border: 'none', padding: 0, margin: `${token('space.200')} 0 0` }}>
        <legend style={{ font: token('font.heading.xsmall'), padding: 0 }}>{label}</legend>
        <ObjectFields schema={schema} value={value} path={path} errors={errors} onChange={props.onChange} />
        <FieldErrorText path={path} errors={errors} />
      </fieldset>
    );
  }
  if (type === 'boolean') {
    return (
      <div style={{ marginTop: token('space.150') }}>
        <Checkbox
          id={id}
          name={path}
          label={label}
          isChecked={value === true}
          isDisabled={unavailableWhy !== undefined}
          isInvalid={!!error}
          aria-describedby={describedBy}
          onChange={(e) => props.onChange(e.currentTarget.checked)}
        />
        {(help || unavailableWhy) && (
          <div style={{ marginLeft: token('space.300') }}>
            <HelperMessage>{unavailableWhy ? `${help ? `${help} ` : ''}${unavailableWhy}` : help}</HelperMessage>
          </div>
        )}
        <FieldErrorText path={path} errors={errors} />
      </div>
    );
  }
  if (schema.enum && name === 'parentEnd') return <ParentEndField {...props} />;
  if (schema.enum) {
    return (
      <div style={{ marginTop: token('space.200') }} role="group" aria-labelledby={`${id}-label`}>
        <span id={`${id}-label`} style={{ font: token('font.heading.xxsmall') }}>
          {label}
        </span>
        <RadioGroup
          name={path}
          aria-labelledby={`${id}-label`}
          value={String(value ?? '')}
          options={schema.enum.map((v) => ({ name: path, value: String(v), label: enumLabel(name, v) }))}
          onChange={(e) => props.onChange(e.currentTarget.value)}
        />
        <FieldErrorText path={path} errors={errors} />
      </div>
    );
  }
  const numeric = type === 'number' || type === 'integer';
  const text = value === undefined || value === null ? '' : String(value);
  const toValue = (raw: string): unknown =>
    numeric && raw.trim() !== '' && Number.isFinite(Number(raw)) ? Number(raw) : raw;
  const picker = (
    what: string,
    load: typeof loadLinkTypes,
    placeholder: string,
    typedPlaceholder: string,
    extra: { isMulti?: boolean; chooseOnlyOption?: boolean } = {},
  ) => (
    <JiraOptionsSelect
      inputId={id}
      value={Array.isArray(value) ? value.map(String) : text}
      isInvalid={!!error}
      describedBy={describedBy}
      what={what}
      load={load}
      placeholder={placeholder}
      typedPlaceholder={typedPlaceholder}
      onChange={(v) => props.onChange(Array.isArray(v) ? v : toValue(v))}
      {...extra}
    />
  );
  let control;
  if (name === 'linkTypeId') {
    control = picker('link types', loadLinkTypes, 'Choose a link type', 'Link type ID, e.g. 10000');
  } else if (name === 'boardId') {
    control = picker('boards', loadBoards, 'Choose a board', 'Board ID, e.g. 1');
  } else if (name === 'projectKeys') {
    control = picker('projects', loadProjects, 'Choose projects', examples.projectKeys, { isMulti: true });
  } else if (name === 'rankFieldId') {
    control = picker('rank fields', loadRankFields, 'Choose the rank field', 'Field ID, e.g. customfield_10019', {
      chooseOnlyOption: true,
    });
  } else if (name === 'filterId') {
    control = (
      <FavouriteFilterSelect
        inputId={id}
        value={text}
        isInvalid={!!error}
        describedBy={describedBy}
        onChange={(v) => props.onChange(toValue(v))}
      />
    );
  } else if (/jql$/i.test(name)) {
    control = (
      <TextArea
        id={id}
        name={path}
        value={text}
        isMonospaced
        minimumRows={3}
        isInvalid={!!error}
        aria-describedby={describedBy}
        // Optional filters say so in their placeholder: empty accepts every issue.
        placeholder={name === 'parentJql' ? examples.parentJql : name === 'childJql' ? examples.childJql : examples.jql}
        onChange={(e) => props.onChange(e.currentTarget.value)}
      />
    );
  } else {
    control = (
      <TextField
        id={id}
        name={path}
        value={text}
        type={numeric ? 'number' : 'text'}
        isInvalid={!!error}
        aria-describedby={describedBy}
        placeholder={ISSUE_KEY_NAMES.test(name) ? examples.issueKey : undefined}
        onChange={(e) => {
          const raw = e.currentTarget.value;
          props.onChange(ISSUE_KEY_NAMES.test(name) ? raw.toUpperCase() : toValue(raw));
        }}
      />
    );
  }
  return (
    <div style={{ marginTop: token('space.200') }}>
      <Label htmlFor={id}>{label}</Label>
      {control}
      {help && <HelperMessage>{help}</HelperMessage>}
      <FieldErrorText path={path} errors={errors} />
    </div>
  );
}

/** Values of the whole form, for a field whose wording depends on another (the parent end on the link type). */
export const FormValuesContext = createContext<ParamValues>({});

/** Links' parent end, worded with the chosen link type ("A blocks B") once Jira has listed the types. */
function ParentEndField(props: FieldProps) {
  const { requestJira } = useServices();
  const linkTypeId = String(useContext(FormValuesContext).linkTypeId ?? '');
  const [types, setTypes] = useState<LinkType[]>([]);
  useEffect(() => {
    let live = true;
    linkTypes(requestJira)
      .then((list) => live && setTypes(list))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [requestJira]);
  const type = types.find((t) => t.id === linkTypeId);
  const { name, schema, value, path, errors } = props;
  const id = fieldId(path);
  return (
    <div style={{ marginTop: token('space.200') }} role="group" aria-labelledby={`${id}-label`}>
      <span id={`${id}-label`} style={{ font: token('font.heading.xxsmall') }}>
        {labelOf(name, schema)}
      </span>
      <RadioGroup
        name={path}
        aria-labelledby={`${id}-label`}
        value={String(value ?? '')}
        options={(schema.enum ?? []).map((v) => ({
          name: path,
          value: String(v),
          label: type ? parentEndLabel(String(v), type) : enumLabel(name, v),
        }))}
        onChange={(e) => props.onChange(e.currentTarget.value)}
      />
      <FieldErrorText path={path} errors={errors} />
    </div>
  );
}

/** A discriminated union (e.g. JQL or saved filter): radio buttons for the variant, then its fields. */
function UnionField(props: FieldProps & { variants: JsonSchema[] }) {
  const { name, schema, value, path, errors, variants } = props;
  const tag = discriminatorOf(variants);
  const id = fieldId(path);
  const obj = (value ?? {}) as ParamValues;
  if (!tag) return <HelperMessage>{labelOf(name, schema)}: this parameter cannot be edited here.</HelperMessage>;
  const chosen = variants.find((v) => v.properties?.[tag]?.const === obj[tag]) ?? variants[0]!;
  const choose = (tagValue: string) => {
    const variant = variants.find((v) => String(v.properties?.[tag]?.const) === tagValue);
    if (variant) props.onChange(initialValue(variant));
  };
  const rest: JsonSchema = {
    ...chosen,
    properties: Object.fromEntries(Object.entries(chosen.properties ?? {}).filter(([p]) => p !== tag)),
  };
  return (
    <fieldset
      style={{ border: 'none', padding: 0, margin: `${token('space.250')} 0 0` }}
      aria-describedby={errors[path] ? `${id}-error` : undefined}
    >
      <legend id={`${id}-legend`} style={{ font: token('font.heading.xsmall'), padding: 0 }}>
        {labelOf(name, schema)}
      </legend>
      {helpOf(name, schema) && <HelperMessage>{helpOf(name, schema)}</HelperMessage>}
      <RadioGroup
        name={path}
        aria-labelledby={`${id}-legend`}
        value={String(obj[tag] ?? chosen.properties?.[tag]?.const)}
        options={variants.map((v) => ({
          name: path,
          value: String(v.properties?.[tag]?.const),
          label: variantLabel(v, tag),
        }))}
        onChange={(e) => choose(e.currentTarget.value)}
      />
      <FieldErrorText path={path} errors={errors} />
      <div style={{ paddingLeft: token('space.300') }}>
        <ObjectFields schema={rest} value={value} path={path} errors={errors} onChange={props.onChange} />
      </div>
    </fieldset>
  );
}

/** The properties of an object schema, in schema order. */
export function ObjectFields(props: {
  schema: JsonSchema;
  value: unknown;
  path: string;
  errors: FieldErrors;
  onChange: (value: unknown) => void;
}) {
  const obj = (props.value ?? {}) as ParamValues;
  return (
    <>
      {Object.entries(props.schema.properties ?? {}).map(([prop, propSchema]) => (
        <SchemaField
          key={prop}
          name={prop}
          schema={propSchema}
          value={obj[prop]}
          path={props.path ? `${props.path}.${prop}` : prop}
          errors={props.errors}
          onChange={(v) => props.onChange({ ...obj, [prop]: v })}
        />
      ))}
    </>
  );
}
