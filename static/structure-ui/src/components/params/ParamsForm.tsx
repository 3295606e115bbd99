import { HelperMessage } from '@atlaskit/form';
import { ObjectFields } from './SchemaField';
import { typeOf, type FieldErrors, type JsonSchema, type ParamValues } from './jsonSchema';

/**
 * The parameter form of a synchronizer, generated from the `paramsSchema` that
 * `listSynchronizers` returns, so the form and the server's validation cannot drift apart.
 */
export function ParamsForm(props: { schema: JsonSchema; values: ParamValues; errors: FieldErrors; onChange: (values: ParamValues) => void }) {
  if (typeOf(props.schema) !== 'object' || Object.keys(props.schema.properties ?? {}).length === 0) {
    return <HelperMessage>This synchronizer has no parameters.</HelperMessage>;
  }
  return (
    <div data-testid="params-form">
      <ObjectFields schema={props.schema} value={props.values} path="" errors={props.errors} onChange={(v) => props.onChange(v as ParamValues)} />
    </div>
  );
}
