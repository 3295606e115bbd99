import { Fragment, type ReactNode } from 'react';
import { token } from '@atlaskit/tokens';
import { RouteLink } from '../routing/RouteLink';
import type { Route } from '../routing/routes';

export interface Crumb {
  label: string;
  to?: Route;
}

export function Breadcrumbs(props: { items: Crumb[] }): ReactNode {
  return (
    <ol
      style={{
        listStyle: 'none',
        display: 'flex',
        gap: token('space.075'),
        padding: 0,
        margin: 0,
        color: token('color.text.subtle'),
      }}
    >
      {props.items.map((item, i) => (
        <Fragment key={i}>
          {i > 0 && (
            <li aria-hidden="true" style={{ margin: 0 }}>
              /
            </li>
          )}
          <li style={{ margin: 0 }}>
            {item.to ? <RouteLink to={item.to}>{item.label}</RouteLink> : <span aria-current="page">{item.label}</span>}
          </li>
        </Fragment>
      ))}
    </ol>
  );
}
