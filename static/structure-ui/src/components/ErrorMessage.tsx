import SectionMessage, { SectionMessageAction } from '@atlaskit/section-message';
import type { AppErrorDto } from '../../../../src/contract';
import { errorAdvice } from '../api/errorAdvice';

/** An error on screen always says what went wrong and what to do next; never a blank page. */
export function ErrorMessage(props: { error: AppErrorDto; title?: string; onRetry?: () => void; onBack?: () => void }) {
  const { error } = props;
  const actions = [
    ...(props.onRetry
      ? [
          <SectionMessageAction key="retry" onClick={props.onRetry}>
            Try again
          </SectionMessageAction>,
        ]
      : []),
    ...(props.onBack
      ? [
          <SectionMessageAction key="back" onClick={props.onBack}>
            Back to Manage structures
          </SectionMessageAction>,
        ]
      : []),
  ];
  return (
    <div role="alert" data-testid="error-message">
      <SectionMessage appearance="error" title={props.title ?? 'Something went wrong'} actions={actions}>
        <p>{error.message}</p>
        <p>{errorAdvice(error)}</p>
      </SectionMessage>
    </div>
  );
}
