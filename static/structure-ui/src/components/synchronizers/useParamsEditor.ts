import { useState } from 'react';
import type { AppErrorDto, SynchronizerInfo } from '../../../../../src/contract';
import {
  asSchema,
  compact,
  initialValue,
  validate,
  type FieldErrors,
  type JsonSchema,
  type ParamValues,
} from '../params/jsonSchema';
import { fieldId } from '../params/SchemaField';
import { serverFieldPath } from '../params/serverFieldError';

export interface ParamsEditor {
  schema: JsonSchema;
  values: ParamValues;
  errors: FieldErrors;
  /** An error that belongs to no field: shown above the buttons. */
  generalError: AppErrorDto | undefined;
  setValues: (values: ParamValues) => void;
  /** Checks the schema locally, shows what is wrong and focuses the first field to fix. */
  check: () => boolean;
  /** Puts a server refusal next to its field when it names one, otherwise as a general error. */
  showServerError: (error: AppErrorDto) => void;
  clearGeneralError: () => void;
  /** Starts over from another synchronizer's defaults, with no errors shown. */
  restart: (next: SynchronizerInfo) => void;
  /** The parameters to send: only what the chosen variants render. */
  params: () => ParamValues;
}

/**
 * The parameter state of one synchronizer: the Import and Export pages and the install/edit dialog
 * use the same generated form and the same error placement.
 */
export function useParamsEditor(
  synchronizer: SynchronizerInfo,
  given?: Record<string, unknown>,
  onChange?: () => void,
): ParamsEditor {
  const schema = asSchema(synchronizer.paramsSchema);
  const [values, setValuesState] = useState<ParamValues>(
    () => initialValue(schema, given ?? synchronizer.defaults) as ParamValues,
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const [generalError, setGeneralError] = useState<AppErrorDto | undefined>();

  /** Keyboard and screen-reader users land on the first field to fix. */
  const focusField = (path: string | undefined) => {
    if (path === undefined) return;
    requestAnimationFrame(() => {
      const el = document.getElementById(fieldId(path)) ?? document.querySelector<HTMLElement>(`[name="${path}"]`);
      el?.focus();
    });
  };

  return {
    schema,
    values,
    errors,
    generalError,
    setValues: (v) => {
      setValuesState(v);
      onChange?.();
    },
    check: () => {
      const found = validate(schema, values);
      setErrors(found);
      setGeneralError(undefined);
      focusField(Object.keys(found)[0]);
      return Object.keys(found).length === 0;
    },
    showServerError: (error) => {
      const path = serverFieldPath(error, schema, values);
      if (path !== undefined) {
        // Next to its field, the message need not repeat the field's path ("params.source.jql: …").
        const message =
          error.field && error.message.startsWith(`${error.field}: `)
            ? error.message.slice(error.field.length + 2)
            : error.message;
        setErrors({ [path]: message });
        setGeneralError(undefined);
        focusField(path);
      } else {
        setGeneralError(error);
      }
    },
    clearGeneralError: () => setGeneralError(undefined),
    // For a page that keeps one editor across a choice of synchronizer (Import keeps its select
    // mounted, so focus stays on it), rather than remounting the editor per synchronizer.
    restart: (next) => {
      setValuesState(initialValue(asSchema(next.paramsSchema), next.defaults) as ParamValues);
      setErrors({});
      setGeneralError(undefined);
    },
    params: () => compact(schema, values) as ParamValues,
  };
}
