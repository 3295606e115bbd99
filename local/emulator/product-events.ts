// The Jira product events Forge delivers to `trigger` modules, as the emulator builds them from its
// records (shapes: ../shared/reference/jira-rest.md §7 and Forge's "Jira events" reference).
//
// - Issue events: `{ eventType, atlassianId, selfGenerated, associatedUsers, timestamp, issue: { id, key,
//   fields: { summary, issuetype, creator, created, project, reporter, assignee, updated, status,
//   parent? } }, changelog? }`. Forge sends a subset of the fields; apps must re-read the issue over REST
//   for links, sub-tasks and rank. `parent` is included as live payloads show it: on created/updated
//   events when set, on deleted events only for sub-tasks (a deleted standard issue has none).
// - Issue link events: the link's fields at the top level, no wrapper object: `{ eventType, atlassianId,
//   selfGenerated, id, sourceIssueId, destinationIssueId, sourceProjectId, destinationProjectId,
//   issueLinkType: { id, name, inward, outward } }`. The source is the REST `inwardIssue` side.
import type { EventActor } from './change-feed';
import { jiraTimestamp, Serializer } from './serializers';
import type { EmulatorStore, StoredIssue, StoredLink } from './store';

export const JIRA_EVENTS = {
  issueCreated: 'avi:jira:created:issue',
  issueUpdated: 'avi:jira:updated:issue',
  issueDeleted: 'avi:jira:deleted:issue',
  issueLinkCreated: 'avi:jira:created:issuelink',
  issueLinkDeleted: 'avi:jira:deleted:issuelink',
} as const;

export type IssueEventType = (typeof JIRA_EVENTS)['issueCreated' | 'issueUpdated' | 'issueDeleted'];
export type IssueLinkEventType = (typeof JIRA_EVENTS)['issueLinkCreated' | 'issueLinkDeleted'];

/** One changed field of an `avi:jira:updated:issue` changelog; `from`/`to` are ids, the strings are what users read. */
export interface ChangelogItem {
  field: string;
  fieldtype: 'jira' | 'custom';
  /** Absent for IssueParentAssociation, as in live payloads. */
  fieldId?: string;
  from: string | null;
  fromString: string | null;
  to: string | null;
  toString: string | null;
}

interface EventBase {
  /** The user who caused the event (the app's own account when it acted as itself). */
  atlassianId: string;
  /** True when the app caused the event through its own API calls. */
  selfGenerated: boolean;
}

export interface IssueEvent extends EventBase {
  eventType: IssueEventType;
  associatedUsers: Array<{ accountId: string }>;
  /** Epoch milliseconds as a string, as live payloads carry it. */
  timestamp: string;
  issue: { id: string; key: string; fields: Record<string, unknown> };
  /** Only on `avi:jira:updated:issue`. */
  changelog?: { id: string; items: ChangelogItem[] };
}

export interface IssueLinkEvent extends EventBase {
  eventType: IssueLinkEventType;
  /** The link id (as in GET /rest/api/3/issueLink/{id}). */
  id: string;
  sourceIssueId: string;
  destinationIssueId: string;
  sourceProjectId?: string;
  destinationProjectId?: string;
  issueLinkType: { id: string; name: string; inward: string; outward: string };
}

export type JiraProductEvent = IssueEvent | IssueLinkEvent;

export const isIssueEvent = (e: JiraProductEvent): e is IssueEvent => 'issue' in e;

/** Builds event payloads from store records. Only used while someone subscribes to the feed. */
export class ProductEventBuilder {
  private changelogIds = 10000;

  constructor(
    private readonly store: EmulatorStore,
    private readonly baseUrl: () => string,
    private readonly now: () => Date,
  ) {}

  issueEvent(
    eventType: IssueEventType,
    issue: StoredIssue,
    actor: EventActor,
    options: { changelog?: ChangelogItem[] } = {},
  ): IssueEvent {
    const ser = new Serializer(this.store, this.baseUrl());
    const fields: Record<string, unknown> = {
      summary: issue.summary,
      issuetype: ser.issueType(issue.type),
      // Dataset issues record no creator; their reporter stands in for it.
      creator: ser.userRef(issue.creator ?? issue.reporter),
      created: jiraTimestamp(issue.created),
      project: ser.project(issue.project),
      reporter: ser.userRef(issue.reporter),
      assignee: ser.userRef(issue.assignee),
      updated: jiraTimestamp(issue.updated),
      status: ser.status(issue.status),
    };
    const parent = issue.parentId === undefined ? undefined : this.store.issuesById.get(issue.parentId);
    if (parent && (eventType !== JIRA_EVENTS.issueDeleted || issue.type.subtask)) fields.parent = ser.miniIssue(parent);
    const event: IssueEvent = {
      eventType,
      atlassianId: actor.accountId,
      selfGenerated: actor.selfGenerated,
      associatedUsers: [{ accountId: actor.accountId }],
      timestamp: String(this.now().getTime()),
      issue: { id: issue.id, key: issue.key, fields },
    };
    if (options.changelog) event.changelog = { id: String(this.changelogIds++), items: options.changelog };
    return event;
  }

  linkEvent(eventType: IssueLinkEventType, link: StoredLink, actor: EventActor): IssueLinkEvent {
    const source = this.store.issuesById.get(link.sourceId);
    const destination = this.store.issuesById.get(link.destinationId);
    return {
      eventType,
      atlassianId: actor.accountId,
      selfGenerated: actor.selfGenerated,
      id: link.id,
      sourceIssueId: link.sourceId,
      destinationIssueId: link.destinationId,
      ...(source ? { sourceProjectId: source.project.id } : {}),
      ...(destination ? { destinationProjectId: destination.project.id } : {}),
      issueLinkType: { id: link.type.id, name: link.type.name, inward: link.type.inward, outward: link.type.outward },
    };
  }
}
