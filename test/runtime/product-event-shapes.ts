// The Forge product-event payloads as ../shared/reference/jira-rest.md §7 documents them, as schemas
// the emulator's events (test/emulator) and what triggers receive (test/runtime) are checked against.
// Written from the reference, not from the emulator's code, so a drift in either shows up here.
import { z } from 'zod';

const accountRef = z.object({ accountId: z.string().min(1) });
const idString = z.string().regex(/^\d+$/);
/** Jira timestamps: `2021-01-20T15:58:12.797+1100`. */
const jiraTime = z.string().regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d{4}$/);

const issueType = z.object({ id: idString, name: z.string(), subtask: z.boolean() });
const project = z.object({ id: idString, key: z.string(), projectTypeKey: z.string(), simplified: z.boolean() });
const status = z.object({ id: z.string(), name: z.string() });

export const issueFieldsSchema = z.object({
  summary: z.string(),
  issuetype: issueType,
  creator: accountRef.nullable(),
  created: jiraTime,
  project,
  reporter: accountRef.nullable(),
  assignee: accountRef.nullable(),
  updated: jiraTime,
  status,
  parent: z.object({ id: idString, key: z.string() }).optional(),
});

const issueEventBase = {
  atlassianId: z.string().min(1),
  selfGenerated: z.boolean(),
  associatedUsers: z.array(accountRef).length(1),
  /** A string in live payloads, not a number. */
  timestamp: z.string().regex(/^\d+$/),
  issue: z.object({ id: idString, key: z.string().regex(/^[A-Z][A-Z0-9]*-\d+$/), fields: issueFieldsSchema }),
};

export const changelogItemSchema = z.object({
  field: z.string(),
  fieldtype: z.enum(['jira', 'custom']),
  fieldId: z.string().optional(),
  from: z.string().nullable(),
  fromString: z.string().nullable(),
  to: z.string().nullable(),
  toString: z.string().nullable(),
});

export const issueCreatedSchema = z
  .object({ eventType: z.literal('avi:jira:created:issue'), ...issueEventBase })
  .strict();
export const issueDeletedSchema = z
  .object({ eventType: z.literal('avi:jira:deleted:issue'), ...issueEventBase })
  .strict();
export const issueUpdatedSchema = z
  .object({
    eventType: z.literal('avi:jira:updated:issue'),
    ...issueEventBase,
    changelog: z.object({ id: z.string().optional(), items: z.array(changelogItemSchema).min(1) }),
  })
  .strict();

/** Link events carry the link's fields at the top level; `.strict()` rejects an `issueLink` wrapper. */
const issueLinkBase = {
  atlassianId: z.string().min(1),
  selfGenerated: z.boolean(),
  id: idString,
  sourceIssueId: idString,
  destinationIssueId: idString,
  sourceProjectId: idString,
  destinationProjectId: idString,
  issueLinkType: z.object({ id: idString, name: z.string(), inward: z.string(), outward: z.string() }).strict(),
};
export const issueLinkCreatedSchema = z
  .object({ eventType: z.literal('avi:jira:created:issuelink'), ...issueLinkBase })
  .strict();
export const issueLinkDeletedSchema = z
  .object({ eventType: z.literal('avi:jira:deleted:issuelink'), ...issueLinkBase })
  .strict();

export const SCHEMAS: Record<string, z.ZodType> = {
  'avi:jira:created:issue': issueCreatedSchema,
  'avi:jira:updated:issue': issueUpdatedSchema,
  'avi:jira:deleted:issue': issueDeletedSchema,
  'avi:jira:created:issuelink': issueLinkCreatedSchema,
  'avi:jira:deleted:issuelink': issueLinkDeletedSchema,
};

/** Throws, naming the offending paths, when `event` is not a documented payload of its eventType. */
export function expectDocumentedShape(event: unknown): void {
  const type = (event as { eventType?: unknown })?.eventType;
  const schema = typeof type === 'string' ? SCHEMAS[type] : undefined;
  if (!schema) throw new Error(`Not one of the five product events: eventType ${JSON.stringify(type)}`);
  const result = schema.safeParse(event);
  if (!result.success) {
    throw new Error(
      `${type} payload differs from jira-rest.md §7: ${result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}\n${JSON.stringify(event, null, 2)}`,
    );
  }
}
