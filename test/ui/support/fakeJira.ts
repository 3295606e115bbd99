// A fake of the few Jira reads the UI makes as the viewer (users, groups, projects, roles), answering
// the shapes Jira documents. Records every path asked, so tests can count requests.
import type { AppServices } from '../../../static/structure-ui/src/api/services';
import { jsonResponse } from './fakeBackend';

export interface FakeUser {
  accountId: string;
  displayName: string;
}

export interface FakeJiraSite {
  users?: FakeUser[];
  groups?: string[];
  projects?: Array<{ key: string; name: string; roles?: string[] | 'forbidden' }>;
}

export interface FakeJira {
  requestJira: AppServices['requestJira'];
  paths: string[];
  pathsTo: (prefix: string) => string[];
}

export function fakeJira(site: FakeJiraSite): FakeJira {
  const paths: string[] = [];
  const users = site.users ?? [];
  const requestJira = async (path: string): Promise<Response> => {
    paths.push(path);
    const url = new URL(path, 'http://jira.test');
    const q = (url.searchParams.get('query') ?? '').toLowerCase();
    const p = url.pathname;
    if (p === '/rest/api/3/user/bulk') {
      const ids = url.searchParams.getAll('accountId');
      const values = users.filter((u) => ids.includes(u.accountId));
      return jsonResponse({ startAt: 0, maxResults: 50, total: values.length, isLast: true, values });
    }
    if (p === '/rest/api/3/user/search')
      return jsonResponse(
        users.filter((u) =>
          u.displayName
            .toLowerCase()
            .split(' ')
            .some((w) => w.startsWith(q)),
        ),
      );
    if (p === '/rest/api/3/groups/picker') {
      const groups = (site.groups ?? [])
        .filter((g) => g.toLowerCase().includes(q))
        .map((name) => ({ name, groupId: name, html: name }));
      return jsonResponse({
        header: `Showing ${groups.length} of ${groups.length} matching groups`,
        total: groups.length,
        groups,
      });
    }
    if (p === '/rest/api/3/project/search') {
      const values = (site.projects ?? [])
        .filter((x) => x.key.toLowerCase().includes(q) || x.name.toLowerCase().includes(q))
        .map(({ key, name }) => ({ key, name, id: key }));
      return jsonResponse({ startAt: 0, maxResults: 20, total: values.length, isLast: true, values });
    }
    const role = /^\/rest\/api\/3\/project\/([^/]+)\/role$/.exec(p);
    if (role) {
      const project = site.projects?.find((x) => x.key === decodeURIComponent(role[1]!));
      if (!project) return jsonResponse({ errorMessages: ['No project could be found.'], errors: {} }, 404);
      if (project.roles === 'forbidden')
        return jsonResponse({ errorMessages: ['You cannot view the roles of this project.'], errors: {} }, 401);
      return jsonResponse(
        Object.fromEntries(
          (project.roles ?? []).map((r, i) => [
            r,
            `http://jira.test/rest/api/3/project/${project.key}/role/${10002 + i}`,
          ]),
        ),
      );
    }
    const one = /^\/rest\/api\/3\/project\/([^/]+)$/.exec(p);
    if (one) {
      const project = site.projects?.find((x) => x.key === decodeURIComponent(one[1]!));
      return project
        ? jsonResponse({ key: project.key, name: project.name, id: project.key })
        : jsonResponse({ errorMessages: ['No project could be found.'], errors: {} }, 404);
    }
    return jsonResponse({ errorMessages: [`not faked: ${path}`], errors: {} }, 404);
  };
  return { requestJira, paths, pathsTo: (prefix) => paths.filter((x) => x.startsWith(prefix)) };
}
