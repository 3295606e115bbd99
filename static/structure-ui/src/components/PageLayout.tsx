import type { ReactNode } from 'react';
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import { usePageTitle } from '../routing/usePageTitle';

/** The frame of every page: breadcrumbs, an h1 that is also the window title, actions, content. */
export function PageLayout(props: {
  title: string;
  /** Window title when it should differ from the heading (e.g. include the structure name). */
  windowTitle?: string;
  breadcrumbs?: ReactNode;
  actions?: ReactNode;
  description?: ReactNode;
  children: ReactNode;
}) {
  usePageTitle(props.windowTitle ?? props.title);
  return (
    <main
      style={{
        padding: `${token('space.300')} ${token('space.400')}`,
        maxWidth: 1400,
        margin: '0 auto',
        color: token('color.text'),
        boxSizing: 'border-box',
      }}
    >
      {props.breadcrumbs && (
        <nav aria-label="Breadcrumbs" style={{ marginBottom: token('space.100'), font: token('font.body.small') }}>
          {props.breadcrumbs}
        </nav>
      )}
      <div
        style={{
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          gap: token('space.200'),
          flexWrap: 'wrap',
        }}
      >
        <Heading size="xlarge" as="h1">
          {props.title}
        </Heading>
        {props.actions && <div style={{ display: 'flex', gap: token('space.100') }}>{props.actions}</div>}
      </div>
      {props.description && (
        <div style={{ marginTop: token('space.100'), color: token('color.text.subtle') }}>{props.description}</div>
      )}
      <div style={{ marginTop: token('space.300') }}>{props.children}</div>
    </main>
  );
}
