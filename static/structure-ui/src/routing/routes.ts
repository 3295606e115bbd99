// Every page of the app as a value, with one parser and one formatter so links and the address
// never disagree.

export type Route =
  | { page: 'home' }
  | { page: 'structure'; structureId: string }
  | { page: 'import'; structureId: string }
  | { page: 'export'; structureId: string }
  | { page: 'syncSettings'; structureId: string }
  | { page: 'permissions'; structureId: string }
  | { page: 'jobs'; structureId: string }
  | { page: 'history'; structureId: string }
  | { page: 'job'; jobId: string }
  | { page: 'notFound'; path: string };

const structurePages = {
  import: 'import',
  export: 'export',
  sync: 'syncSettings',
  permissions: 'permissions',
  jobs: 'jobs',
  history: 'history',
} as const;

export function parseRoute(pathname: string): Route {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0) return { page: 'home' };
  if (parts[0] === 'structure' && parts[1]) {
    if (parts.length === 2) return { page: 'structure', structureId: parts[1] };
    const sub = parts[2] as keyof typeof structurePages;
    if (parts.length === 3 && sub in structurePages) return { page: structurePages[sub], structureId: parts[1] };
  }
  if (parts[0] === 'job' && parts[1] && parts.length === 2) return { page: 'job', jobId: parts[1] };
  return { page: 'notFound', path: pathname };
}

export function routePath(route: Route): string {
  const s = (id: string) => `/structure/${encodeURIComponent(id)}`;
  switch (route.page) {
    case 'home':
      return '/';
    case 'structure':
      return s(route.structureId);
    case 'import':
      return `${s(route.structureId)}/import`;
    case 'export':
      return `${s(route.structureId)}/export`;
    case 'syncSettings':
      return `${s(route.structureId)}/sync`;
    case 'permissions':
      return `${s(route.structureId)}/permissions`;
    case 'jobs':
      return `${s(route.structureId)}/jobs`;
    case 'history':
      return `${s(route.structureId)}/history`;
    case 'job':
      return `/job/${encodeURIComponent(route.jobId)}`;
    case 'notFound':
      return route.path;
  }
}
