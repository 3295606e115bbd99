import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import type { FieldErrors } from '../params/jsonSchema';

/** Announced once when a check fails; the messages themselves sit next to their fields. */
export function ParamsErrorSummary(props: { errors: FieldErrors }) {
  const count = Object.keys(props.errors).length;
  return (
    <div role="alert" aria-live="assertive" style={{ marginTop: token('space.200') }}>
      {count > 0 && (
        <SectionMessage appearance="error" title="Check the parameters">
          <p>
            {count === 1 ? 'One parameter needs' : `${count} parameters need`} your attention: see the messages next to
            the fields.
          </p>
        </SectionMessage>
      )}
    </div>
  );
}
