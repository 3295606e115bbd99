import type { MouseEvent, ReactNode } from 'react';
import { token } from '@atlaskit/tokens';
import { routePath, type Route } from './routes';
import { useRouter } from './RouterContext';

/**
 * A real <a href> (so it is focusable, announced as a link and can be opened with the keyboard)
 * whose click is handled by the in-app router instead of reloading the iframe.
 */
export function RouteLink(props: { to: Route; children: ReactNode; 'aria-label'?: string; testId?: string }) {
  const { navigate } = useRouter();
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(props.to);
  };
  return (
    <a
      href={`#${routePath(props.to)}`}
      onClick={onClick}
      aria-label={props['aria-label']}
      data-testid={props.testId}
      style={{ color: token('color.link') }}
    >
      {props.children}
    </a>
  );
}
