import { affectedSynchronizers, SyncEvent, WatchedSynchronizer } from '../../../../src/domain/background';
import { interestOf } from '../../../../src/synchronizers';
import { installSynchronizer, setEnabled } from '../../../../src/domain/installed';

function watched(
  id: string,
  key: string,
  params: unknown = {},
  projects?: string[],
  enabled = true,
): WatchedSynchronizer {
  const installed = installSynchronizer({
    id,
    structureId: `s-${id}`,
    synchronizerKey: key,
    params,
    runAs: 'acc-alice',
  });
  return {
    sync: setEnabled(installed, enabled),
    interest: interestOf(key, params, projects === undefined ? undefined : new Set(projects)),
  };
}

const issueEvent = (more: Partial<Extract<SyncEvent, { kind: 'issue' }>> = {}): SyncEvent => ({
  kind: 'issue',
  action: 'updated',
  issueId: 101,
  projectId: '10000',
  projectKey: 'PLAT',
  subtask: false,
  selfGenerated: false,
  ...more,
});
const linkEvent = (more: Partial<Extract<SyncEvent, { kind: 'link' }>> = {}): SyncEvent => ({
  kind: 'link',
  action: 'created',
  linkId: '1',
  linkTypeId: '10000',
  sourceIssueId: 101,
  destinationIssueId: 102,
  sourceProjectId: '10000',
  destinationProjectId: '10000',
  selfGenerated: false,
  ...more,
});

/** Issues 101 and 102 are in every structure; 201 is in none. */
const inStructure = (_structureId: string, issueId: number): boolean => issueId < 200;

describe('affectedSynchronizers', () => {
  it.each<[string, WatchedSynchronizer, SyncEvent, boolean]>([
    ['filter, issue in its project', watched('f', 'filter', {}, ['PLAT']), issueEvent(), true],
    ['filter, issue in another project', watched('f', 'filter', {}, ['MOB', '10001']), issueEvent(), false],
    ['filter, projects unknown', watched('f', 'filter'), issueEvent({ projectKey: 'MOB', projectId: '10001' }), true],
    ['filter, project id matches', watched('f', 'filter', {}, ['10000']), issueEvent({ projectKey: undefined }), true],
    [
      'filter, event without project',
      watched('f', 'filter', {}, ['MOB']),
      issueEvent({ projectKey: undefined, projectId: undefined }),
      true,
    ],
    [
      'filter, link in its projects (JQL may ask about links)',
      watched('f', 'filter', {}, ['10000']),
      linkEvent(),
      true,
    ],
    ['agile, link event', watched('a', 'agile', {}, ['PLAT']), linkEvent(), false],
    ['hierarchy, any issue when projects unknown', watched('h', 'hierarchy'), issueEvent(), true],
    ['links, link of its type', watched('l', 'links', { linkTypeId: '10000' }), linkEvent(), true],
    ['links, link of another type', watched('l', 'links', { linkTypeId: '10003' }), linkEvent(), false],
    ['links, type read from linkType.id', watched('l', 'links', { linkType: { id: '10003' } }), linkEvent(), false],
    ['links, unknown params: any type', watched('l', 'links', 'garbage'), linkEvent({ linkTypeId: '777' }), true],
    [
      'links, link between issues outside the structure',
      watched('l', 'links', { linkTypeId: '10000', scope: 'structure' }),
      linkEvent({ sourceIssueId: 201, destinationIssueId: 202 }),
      false,
    ],
    [
      'links scope all, link outside the structure',
      watched('l', 'links', { linkTypeId: '10000', scope: 'all' }),
      linkEvent({ sourceIssueId: 201, destinationIssueId: 202 }),
      true,
    ],
    ['links, issue in the structure updated', watched('l', 'links', { linkTypeId: '10000' }), issueEvent(), true],
    [
      'links, issue outside the structure updated',
      watched('l', 'links', { linkTypeId: '10000' }),
      issueEvent({ issueId: 201 }),
      false,
    ],
    ['subtasks, standard issue event', watched('t', 'subtasks'), issueEvent(), false],
    [
      'subtasks, sub-task of an issue in the structure',
      watched('t', 'subtasks'),
      issueEvent({ issueId: 301, subtask: true, parentId: 101 }),
      true,
    ],
    [
      'subtasks, sub-task far from the structure',
      watched('t', 'subtasks'),
      issueEvent({ issueId: 301, subtask: true, parentId: 201 }),
      false,
    ],
    [
      'subtasks, sub-task with unknown parent',
      watched('t', 'subtasks'),
      issueEvent({ issueId: 301, subtask: true }),
      true,
    ],
    ['subtasks, kind unknown', watched('t', 'subtasks'), issueEvent({ issueId: 301, subtask: undefined }), true],
    [
      'subtasks, parent change of a standard issue',
      watched('t', 'subtasks'),
      issueEvent({ changedFields: ['IssueParentAssociation'], parentId: 102 }),
      true,
    ],
    ['subtasks, link event', watched('t', 'subtasks'), linkEvent(), false],
    ['unknown synchronizer: everything', watched('x', 'no-such-synchronizer'), linkEvent(), true],
    ['disabled synchronizer: never', watched('f', 'filter', {}, undefined, false), issueEvent(), false],
  ])('%s → %s', (_, w, event, expected) => {
    expect(affectedSynchronizers(event, [w], inStructure).map((s) => s.id)).toEqual(expected ? [w.sync.id] : []);
  });

  it('without a structure lookup, every membership question is a maybe', () => {
    const w = watched('l', 'links', { linkTypeId: '10000', scope: 'structure' });
    expect(affectedSynchronizers(linkEvent({ sourceIssueId: 201, destinationIssueId: 202 }), [w])).toHaveLength(1);
  });
});
