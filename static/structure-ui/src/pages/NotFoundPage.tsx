import EmptyState from '@atlaskit/empty-state';
import Button from '@atlaskit/button/new';
import { PageLayout } from '../components/PageLayout';
import { useRouter } from '../routing/RouterContext';

export function NotFoundPage(props: { path: string }) {
  const { navigate } = useRouter();
  return (
    <PageLayout title="Page not found">
      <EmptyState
        header="This page does not exist"
        description={`There is nothing at “${props.path}”. The link may be out of date.`}
        primaryAction={
          <Button appearance="primary" onClick={() => navigate({ page: 'home' })}>
            Back to Manage structures
          </Button>
        }
      />
    </PageLayout>
  );
}
