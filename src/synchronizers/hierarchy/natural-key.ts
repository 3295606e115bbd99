/**
 * Issue keys in natural order: by project key, then by number, so PROJ-9 comes before PROJ-10
 * (plain string order would put PROJ-10 first). Keys that are not PROJ-123 sort by plain string order.
 */
export function compareIssueKeys(a: string, b: string): number {
  const da = a.lastIndexOf('-');
  const db = b.lastIndexOf('-');
  const pa = da < 0 ? a : a.slice(0, da);
  const pb = db < 0 ? b : b.slice(0, db);
  if (pa !== pb) return pa < pb ? -1 : 1;
  const na = Number(a.slice(da + 1));
  const nb = Number(b.slice(db + 1));
  if (da >= 0 && db >= 0 && Number.isInteger(na) && Number.isInteger(nb) && na !== nb) return na - nb;
  return a < b ? -1 : a > b ? 1 : 0;
}
