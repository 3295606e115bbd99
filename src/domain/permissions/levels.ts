/** Structure permission levels, weakest first; each includes everything below it. */
export const PERMISSION_LEVELS = ['none', 'view', 'edit', 'automate', 'control'] as const;
export type PermissionLevel = (typeof PERMISSION_LEVELS)[number];

export function rank(level: PermissionLevel): number {
  const r = PERMISSION_LEVELS.indexOf(level);
  if (r < 0) throw new RangeError(`Unknown permission level ${JSON.stringify(level)}`);
  return r;
}

export function atLeast(level: PermissionLevel, needed: PermissionLevel): boolean {
  return rank(level) >= rank(needed);
}

export function higher(a: PermissionLevel, b: PermissionLevel): PermissionLevel {
  return rank(a) >= rank(b) ? a : b;
}
