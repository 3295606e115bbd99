// What of a user the caller may see. Atlassian accounts default to showing the email address to
// "only you and admins"; the emulator applies that default to everyone, so user lookups and searches
// leave `emailAddress` out for other callers (the app included), as Jira does.
import type { DatasetUser } from '../dataset/types';
import type { Serializer } from './serializers';
import type { Viewer } from './visibility';

export function emailVisible(viewer: Viewer, user: DatasetUser): boolean {
  return viewer.isSiteAdmin || viewer.user?.accountId === user.accountId;
}

/** Jira's User object as the caller may see it. */
export function userForViewer(ser: Serializer, viewer: Viewer, user: DatasetUser): Record<string, unknown> {
  const body = ser.user(user);
  if (!emailVisible(viewer, user)) delete body.emailAddress;
  return body;
}
