import { HelperMessage } from '@atlaskit/form';
import { FormValuesContext, ObjectFields, UnavailableContext } from './SchemaField';
import {
  applyDependencies,
  typeOf,
  unavailable,
  type FieldErrors,
  type JsonSchema,
  type ParamValues,
} from './jsonSchema';

/**
 * The parameter form of a synchronizer, generated from the `paramsSchema` that
 * `listSynchronizers` returns, so the form and the server's validation cannot drift apart.
 */
export function ParamsForm(props: {
  schema: JsonSchema;
  values: ParamValues;
  errors: FieldErrors;
  onChange: (values: ParamValues) => void;
}) {
  if (typeOf(props.schema) !== 'object' || Object.keys(props.schema.properties ?? {}).length === 0) {
    return <HelperMessage>This synchronizer has no parameters.</HelperMessage>;
  }
  return (
    <div data-testid="params-form">
      <UnavailableContext.Provider value={unavailable(props.schema, props.values)}>
        <FormValuesContext.Provider value={props.values}>
          <ObjectFields
            schema={props.schema}
            value={props.values}
            path=""
            errors={props.errors}
            onChange={(v) => props.onChange(applyDependencies(props.schema, v as ParamValues))}
          />
        </FormValuesContext.Provider>
      </UnavailableContext.Provider>
    </div>
  );
}
