// One id per start a person means (a click on Start, Resync or Revert): the server answers a repeat of
// the same request — a retried or doubled send — with the job the first one made.
export function newRequestId(): string {
  const c = globalThis.crypto as Crypto | undefined;
  if (c?.randomUUID) return c.randomUUID();
  return `r-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}
