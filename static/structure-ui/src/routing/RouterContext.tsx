import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { AppHistory } from './history';
import { parseRoute, routePath, type Route } from './routes';

interface RouterValue {
  route: Route;
  navigate: (route: Route, options?: { replace?: boolean }) => void;
  back: () => void;
}

const RouterContext = createContext<RouterValue | null>(null);

export function RouterProvider(props: { history: AppHistory; children: ReactNode }) {
  const { history } = props;
  const [pathname, setPathname] = useState(history.location.pathname);
  useEffect(() => history.listen((location) => setPathname(location.pathname)), [history]);
  const value: RouterValue = {
    route: parseRoute(pathname),
    navigate: (route, options) =>
      options?.replace ? history.replace(routePath(route)) : history.push(routePath(route)),
    back: () => history.back(),
  };
  return <RouterContext.Provider value={value}>{props.children}</RouterContext.Provider>;
}

export function useRouter(): RouterValue {
  const value = useContext(RouterContext);
  if (!value) throw new Error('useRouter must be used inside <RouterProvider>');
  return value;
}
