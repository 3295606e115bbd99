import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import { Loading } from './Loading';

/** What shows before the app knows its host: a spinner, or why it cannot start. */
export function BootScreen(props: { failure?: string }) {
  return (
    <main style={{ padding: token('space.400'), color: token('color.text') }}>
      {props.failure ? (
        <div role="alert">
          <SectionMessage appearance="error" title="Structure cannot start">
            <p>{props.failure}</p>
          </SectionMessage>
        </div>
      ) : (
        <Loading label="Starting Structure" />
      )}
    </main>
  );
}
