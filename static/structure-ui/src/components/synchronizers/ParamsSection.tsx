import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import { ParamsForm } from '../params/ParamsForm';
import { ParamsErrorSummary } from './ParamsErrorSummary';
import type { ParamsEditor } from './useParamsEditor';

/** The "Parameters" part of a run page (Import, Export): one editor, rendered the same on both. */
export function ParamsSection(props: { editor: ParamsEditor }) {
  const { editor } = props;
  return (
    <>
      <div style={{ marginTop: token('space.300') }}>
        <Heading size="small" as="h2">
          Parameters
        </Heading>
        <ParamsForm schema={editor.schema} values={editor.values} errors={editor.errors} onChange={editor.setValues} />
      </div>
      <ParamsErrorSummary errors={editor.errors} />
    </>
  );
}
