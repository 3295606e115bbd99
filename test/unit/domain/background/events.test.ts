import { syncEventFromProduct } from '../../../../src/domain/background';

const created = {
  eventType: 'avi:jira:created:issue',
  atlassianId: '4ad9',
  selfGenerated: false,
  issue: {
    id: '10073',
    key: 'SP-10',
    fields: { summary: 'x', issuetype: { subtask: false }, project: { id: '10000', key: 'SP' } },
  },
};

describe('syncEventFromProduct', () => {
  it('reads an issue event', () => {
    expect(syncEventFromProduct(created)).toEqual({
      kind: 'issue',
      action: 'created',
      issueId: 10073,
      projectId: '10000',
      projectKey: 'SP',
      subtask: false,
      parentId: undefined,
      previousParentId: undefined,
      changedFields: undefined,
      selfGenerated: false,
      actorId: '4ad9',
    });
  });

  it('reads a parent change from the changelog', () => {
    const updated = {
      ...created,
      eventType: 'avi:jira:updated:issue',
      changelog: { items: [{ field: 'IssueParentAssociation', fieldtype: 'jira', from: '10001', to: '10002' }] },
    };
    expect(syncEventFromProduct(updated)).toMatchObject({
      action: 'updated',
      parentId: 10002,
      previousParentId: 10001,
      changedFields: ['IssueParentAssociation'],
    });
  });

  it('reads a deleted sub-task with its parent', () => {
    const deleted = {
      eventType: 'avi:jira:deleted:issue',
      issue: { id: '10080', fields: { issuetype: { subtask: true }, parent: { id: '10073' } } },
    };
    expect(syncEventFromProduct(deleted)).toMatchObject({
      action: 'deleted',
      subtask: true,
      parentId: 10073,
      selfGenerated: false,
    });
  });

  it('reads a link event, source as given', () => {
    const link = {
      eventType: 'avi:jira:created:issuelink',
      selfGenerated: true,
      id: 10020,
      sourceIssueId: 10073,
      destinationIssueId: '10074',
      sourceProjectId: 10000,
      destinationProjectId: 10001,
      issueLinkType: { id: '10000', name: 'Blocks', inward: 'is blocked by', outward: 'blocks' },
    };
    expect(syncEventFromProduct(link)).toEqual({
      kind: 'link',
      action: 'created',
      linkId: '10020',
      linkTypeId: '10000',
      sourceIssueId: 10073,
      destinationIssueId: 10074,
      sourceProjectId: '10000',
      destinationProjectId: '10001',
      selfGenerated: true,
    });
  });

  it.each<[string, unknown]>([
    ['a comment event', { eventType: 'avi:jira:commented:issue', issue: { id: '1' } }],
    ['an issue id that is not a Jira id', { ...created, issue: { id: 'SP-10' } }],
    ['no issue', { eventType: 'avi:jira:updated:issue' }],
    ['not an object', 'avi:jira:created:issue'],
  ])('ignores %s', (_, payload) => {
    expect(syncEventFromProduct(payload)).toBeNull();
  });
});
