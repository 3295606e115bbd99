// The router works on a small history interface so it can sit on top of the host's history
// (`view.createHistory()`, paths relative to the app's page in Jira) or an in-memory fallback.

export interface AppLocation {
  pathname: string;
  search: string;
}

export interface AppHistory {
  readonly location: AppLocation;
  push(path: string): void;
  replace(path: string): void;
  back(): void;
  /** Returns the unsubscribe function. */
  listen(listener: (location: AppLocation) => void): () => void;
}

export function splitPath(path: string): AppLocation {
  const q = path.indexOf('?');
  return q < 0 ? { pathname: path || '/', search: '' } : { pathname: path.slice(0, q) || '/', search: path.slice(q) };
}

export function createMemoryHistory(initialPath: string): AppHistory {
  const entries: AppLocation[] = [splitPath(initialPath)];
  let index = 0;
  const listeners = new Set<(location: AppLocation) => void>();
  const notify = () => listeners.forEach((l) => l(entries[index]!));
  return {
    get location() {
      return entries[index]!;
    },
    push(path) {
      entries.splice(index + 1, entries.length, splitPath(path));
      index = entries.length - 1;
      notify();
    },
    replace(path) {
      entries[index] = splitPath(path);
      notify();
    },
    back() {
      if (index > 0) {
        index -= 1;
        notify();
      }
    },
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * The shape `view.createHistory()` returns: a `history` package History (v4 calls listeners with
 * `(location, action)`, v5 with `({location, action})`). Both are accepted.
 */
export interface HostHistoryLike {
  location: { pathname: string; search?: string };
  push(path: string): void;
  replace(path: string): void;
  goBack?: () => void;
  back?: () => void;
  go?: (n: number) => void;
  listen(listener: (arg: unknown, action?: unknown) => void): () => void;
}

export function adaptHistory(host: HostHistoryLike): AppHistory {
  const read = (loc: { pathname: string; search?: string } | undefined): AppLocation =>
    loc ? { pathname: loc.pathname || '/', search: loc.search ?? '' } : { pathname: '/', search: '' };
  return {
    get location() {
      return read(host.location);
    },
    push: (path) => host.push(path),
    replace: (path) => host.replace(path),
    back: () => (host.back ? host.back() : host.goBack ? host.goBack() : host.go?.(-1)),
    listen(listener) {
      return host.listen((arg) => {
        const loc =
          arg && typeof arg === 'object' && 'location' in arg && 'action' in arg
            ? (arg as { location: { pathname: string; search?: string } }).location
            : (arg as { pathname: string; search?: string });
        listener(read(loc));
      });
    },
  };
}
