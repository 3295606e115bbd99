// The route and scope check of `npm run manifest:check` (scripts/check-scopes.ts): the operation table
// against Atlassian's OpenAPI documents and the manifest, and the code against the table.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  checkAppSources,
  checkOperationScopes,
  checkRoutesAndScopes,
  checkUiSources,
} from '../../scripts/check-scopes';
import { JIRA_OPERATIONS, type JiraOperation } from '../../src/jira/operations';

const root = path.resolve(__dirname, '../..');
const manifest = readFileSync(path.join(root, 'manifest.yml'), 'utf8');

/** The scopes manifest.yml declared before the check existed (issue 12). */
const BEFORE_THE_CHECK = `permissions:
  scopes:
    read:jira-work:
      allowImpersonation: true
    write:jira-work:
      allowImpersonation: true
    read:board-scope:jira-software:
      allowImpersonation: true
    read:board-scope.admin:jira-software:
      allowImpersonation: true
    read:project:jira:
      allowImpersonation: true
    read:jira-user: {}
    storage:app: {}
`;

const withScopes = (block: string): string =>
  manifest.replace(/permissions:\n(?: {2}#.*\n)* {2}scopes:\n(?: {4}.*\n)+/, block);

describe('route and scope check', () => {
  it('accepts the app: its table, its manifest, its sources', () => {
    expect(checkRoutesAndScopes(root)).toEqual([]);
  });

  it('finds the three scope bugs of the manifest before the check', () => {
    // when
    const problems = checkOperationScopes(withScopes(BEFORE_THE_CHECK));
    // then
    expect(problems).toEqual([
      expect.stringMatching(/^GET \/rest\/api\/3\/myself .*read:jira-user needs allowImpersonation/),
      expect.stringMatching(/^GET \/rest\/api\/3\/user .*read:jira-user needs allowImpersonation/),
      expect.stringMatching(
        /^GET \/rest\/agile\/1.0\/board\/\{boardId\}\/issue .*does not declare read:issue-details:jira/,
      ),
      expect.stringMatching(/^PUT \/rest\/agile\/1.0\/issue\/rank .*does not declare write:issue:jira-software/),
    ]);
  });

  it('fails for a call whose scope was removed from the manifest', () => {
    // given
    const text = manifest.replace(/ +write:issue:jira-software:\n +allowImpersonation: true\n/, '');
    // when
    const problems = checkOperationScopes(text);
    // then
    expect(text).not.toContain('write:issue:jira-software');
    expect(problems).toEqual([
      expect.stringMatching(/^PUT \/rest\/agile\/1.0\/issue\/rank .*write:issue:jira-software/),
    ]);
  });

  it('fails for a scope declared that no operation needs', () => {
    const text = manifest.replace('    storage:app: {}\n', '    storage:app: {}\n    manage:jira-configuration: {}\n');
    expect(checkOperationScopes(text)).toEqual([
      expect.stringContaining('manage:jira-configuration, which no operation'),
    ]);
  });

  it.each<[string, JiraOperation, RegExp]>([
    [
      'a path the specs do not have',
      { method: 'GET', path: '/rest/api/3/issue/{issueIdOrKey}/rankings', principal: 'user', scopes: [], purpose: 'x' },
      /not an operation of Atlassian's OpenAPI documents/,
    ],
    [
      'scopes that are none of the alternatives',
      {
        method: 'PUT',
        path: '/rest/agile/1.0/issue/rank',
        principal: 'user',
        scopes: ['write:jira-work'],
        purpose: 'x',
      },
      /the spec requires \[write:issue:jira-software\]/,
    ],
    [
      'granular scopes where the spec offers classic ones',
      {
        method: 'GET',
        path: '/rest/api/3/field',
        principal: 'user',
        scopes: [
          'read:field:jira',
          'read:avatar:jira',
          'read:project-category:jira',
          'read:project:jira',
          'read:field-configuration:jira',
        ],
        purpose: 'x',
      },
      /offers classic scopes \[read:jira-work\]/,
    ],
  ])('fails for an operation with %s', (_, operation, expected) => {
    const problems = checkOperationScopes(manifest, { ...JIRA_OPERATIONS, probe: operation });
    expect(problems.join('\n')).toMatch(expected);
  });

  it('does not ask allowImpersonation for calls as the app or from the Custom UI', () => {
    // given: read:jira-user only for the UI's pickers, as the present user
    const operations = { picker: JIRA_OPERATIONS.uiGroupsPicker, roles: JIRA_OPERATIONS.projectRoles };
    const text = withScopes('permissions:\n  scopes:\n    read:jira-work: {}\n    read:jira-user: {}\n');
    // then
    expect(checkOperationScopes(text, operations)).toEqual([]);
  });
});

describe('requests outside the table', () => {
  it.each([
    [
      'a route template',
      "import { route } from '@forge/api';\nconst p = route`/rest/api/3/issue/${key}`;",
      /src\/app\/x.ts:2: route`…` outside/,
    ],
    ['a requestJira call', 'await requester.requestJira(path);', /src\/app\/x.ts:1: requestJira\(…\) outside/],
    ['asUser', 'const r = api.asUser(accountId);', /asUser\(…\) outside/],
  ])('fails for %s in app code', (_, text, expected) => {
    expect(checkAppSources([{ path: 'src/app/x.ts', text }]).join('\n')).toMatch(expected);
  });

  it('allows the table and the transports to build and send requests', () => {
    const files = ['src/jira/operations.ts', 'src/jira/forge-transport.ts', 'src/jira/forge-app-transport.ts'].map(
      (p) => ({
        path: p,
        text: readFileSync(path.join(root, p), 'utf8'),
      }),
    );
    expect(files.every((f) => /route|requestJira/.test(f.text))).toBe(true);
    expect(checkAppSources(files)).toEqual([]);
  });

  it('fails for a Custom UI path that no frontend operation covers, with variable parts seen through', () => {
    // given
    const files = [
      {
        path: 'static/structure-ui/src/a.ts',
        text: 'requestJira(`/rest/api/3/project/${encodeURIComponent(key)}/role`);',
      },
      { path: 'static/structure-ui/src/b.ts', text: "requestJira('/rest/api/3/issue/createmeta/10000/issuetypes');" },
      { path: 'static/structure-ui/src/c.ts', text: 'requestJira(`/rest/api/3/myself?expand=${x}`);' },
    ];
    // when
    const problems = checkUiSources(files);
    // then: myself is an operation of the table, but not one the UI may call
    expect(problems).toEqual([
      expect.stringContaining('b.ts:1: the UI requests /rest/api/3/issue/createmeta/10000/issuetypes,'),
      expect.stringContaining('c.ts:1: the UI requests /rest/api/3/myself,'),
    ]);
  });
});
