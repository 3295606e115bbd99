import { z } from 'zod';
import { IssueId, issueIdFromJira } from '../forest';

/**
 * A Jira product event as background sync reads it: only what decides which structures to resync.
 * Events are hints (at least once, unordered, a subset of fields — reference jira-rest §7): anything
 * not in the payload is `undefined`, meaning "unknown", and relevance treats unknown as "maybe".
 */
export type SyncEvent = IssueEvent | LinkEvent;

export interface IssueEvent {
  readonly kind: 'issue';
  readonly action: 'created' | 'updated' | 'deleted';
  readonly issueId: IssueId;
  readonly projectId?: string;
  readonly projectKey?: string;
  /** From `fields.issuetype.subtask`. */
  readonly subtask?: boolean;
  /** The parent in the payload (`fields.parent`), or the new one from a parent change. */
  readonly parentId?: IssueId;
  /** The previous parent, when the changelog records a parent change. */
  readonly previousParentId?: IssueId;
  /** Field names of the changelog (updated events); undefined when there is none. */
  readonly changedFields?: readonly string[];
  /** True when the app's own call caused it: never a user change, for the cycle guard. */
  readonly selfGenerated: boolean;
  /** `atlassianId`: the account whose change it is — a person's, or another app's (an automation rule). */
  readonly actorId?: string;
}

export interface LinkEvent {
  readonly kind: 'link';
  readonly action: 'created' | 'deleted';
  readonly linkId: string;
  readonly linkTypeId?: string;
  /** Jira's source is the REST `inwardIssue` (reference jira-rest §4.2). */
  readonly sourceIssueId: IssueId;
  readonly destinationIssueId: IssueId;
  readonly sourceProjectId?: string;
  readonly destinationProjectId?: string;
  readonly selfGenerated: boolean;
  readonly actorId?: string;
}

const id = z.union([z.string(), z.number()]).transform(String);

const IssuePayload = z.looseObject({
  eventType: z.enum(['avi:jira:created:issue', 'avi:jira:updated:issue', 'avi:jira:deleted:issue']),
  selfGenerated: z.boolean().optional(),
  atlassianId: z.string().optional(),
  issue: z.looseObject({
    id,
    fields: z
      .looseObject({
        project: z.looseObject({ id: id.optional(), key: z.string().optional() }).optional(),
        issuetype: z.looseObject({ subtask: z.boolean().optional() }).nullish(),
        parent: z.looseObject({ id }).nullish(),
      })
      .optional(),
  }),
  changelog: z
    .looseObject({
      items: z
        .array(z.looseObject({ field: z.string(), fieldId: z.string().optional(), from: z.unknown(), to: z.unknown() }))
        .default([]),
    })
    .nullish(),
});

const LinkPayload = z.looseObject({
  eventType: z.enum(['avi:jira:created:issuelink', 'avi:jira:deleted:issuelink']),
  selfGenerated: z.boolean().optional(),
  atlassianId: z.string().optional(),
  id,
  sourceIssueId: id,
  destinationIssueId: id,
  sourceProjectId: id.optional(),
  destinationProjectId: id.optional(),
  issueLinkType: z.looseObject({ id: id.optional() }).optional(),
});

/** A parent change arrives as `IssueParentAssociation` (live observation) or as `parent`. */
const PARENT_FIELDS = new Set(['IssueParentAssociation', 'parent', 'Parent']);

const issueIdOrUndefined = (value: unknown): IssueId | undefined => {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  try {
    return issueIdFromJira(String(value));
  } catch {
    return undefined;
  }
};

/** The event in domain terms, or null for an event background sync does not follow or cannot read. */
export function syncEventFromProduct(payload: unknown): SyncEvent | null {
  const issue = IssuePayload.safeParse(payload);
  if (issue.success) {
    const e = issue.data;
    const issueId = issueIdOrUndefined(e.issue.id);
    if (issueId === undefined) return null;
    const fields = e.issue.fields;
    const items = e.changelog?.items;
    const parentItem = items?.find((i) => PARENT_FIELDS.has(i.field) || i.fieldId === 'parent');
    const action = e.eventType.split(':')[2] as IssueEvent['action'];
    return {
      kind: 'issue',
      action,
      issueId,
      projectId: fields?.project?.id,
      projectKey: fields?.project?.key,
      subtask: fields?.issuetype?.subtask ?? undefined,
      parentId: issueIdOrUndefined(parentItem?.to) ?? issueIdOrUndefined(fields?.parent?.id),
      previousParentId: issueIdOrUndefined(parentItem?.from),
      changedFields: items?.map((i) => i.field),
      selfGenerated: e.selfGenerated === true,
      ...(e.atlassianId ? { actorId: e.atlassianId } : {}),
    };
  }
  const link = LinkPayload.safeParse(payload);
  if (link.success) {
    const e = link.data;
    const source = issueIdOrUndefined(e.sourceIssueId);
    const destination = issueIdOrUndefined(e.destinationIssueId);
    if (source === undefined || destination === undefined) return null;
    return {
      kind: 'link',
      action: e.eventType === 'avi:jira:created:issuelink' ? 'created' : 'deleted',
      linkId: e.id,
      linkTypeId: e.issueLinkType?.id,
      sourceIssueId: source,
      destinationIssueId: destination,
      sourceProjectId: e.sourceProjectId,
      destinationProjectId: e.destinationProjectId,
      selfGenerated: e.selfGenerated === true,
      ...(e.atlassianId ? { actorId: e.atlassianId } : {}),
    };
  }
  return null;
}

/**
 * The issues an event is about, as Jira ids: the issue (and its parents old and new) or both ends of a
 * link. A resync it causes may search before Jira's index has caught up with exactly these.
 */
export function issuesNamedBy(event: SyncEvent): number[] {
  const ids =
    event.kind === 'issue'
      ? [event.issueId, event.parentId, event.previousParentId]
      : [event.sourceIssueId, event.destinationIssueId];
  return [...new Set(ids.filter((id): id is IssueId => id !== undefined))];
}
