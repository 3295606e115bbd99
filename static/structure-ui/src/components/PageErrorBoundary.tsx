import { Component, type ErrorInfo, type ReactNode } from 'react';
import { ErrorMessage } from './ErrorMessage';
import { PageLayout } from './PageLayout';

interface State {
  error?: Error;
}

/**
 * The last line against a blank page: a page that throws while rendering is replaced by a message
 * with what to do. Keyed by route in App, so moving to another page starts afresh.
 */
export class PageErrorBoundary extends Component<{ children: ReactNode; onHome: () => void }, State> {
  override state: State = {};

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // Kept in the console for a support request; the page itself says what to do.
    console.error('Structure page failed', error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    return (
      <PageLayout title="This page could not be shown">
        <ErrorMessage
          error={{ code: 'INTERNAL', message: this.state.error.message }}
          title="Something went wrong on this page"
          onRetry={() => this.setState({ error: undefined })}
          onBack={this.props.onHome}
        />
      </PageLayout>
    );
  }
}
