// Rank strings: the dataset orders issues by plain string comparison (like LexoRank's text form),
// so a re-rank only has to find a string strictly between two neighbours.

/** A string strictly between `lower` and `upper` (either may be absent: no bound on that side). */
export function rankBetween(lower: string | undefined, upper: string | undefined): string {
  const a = lower ?? '';
  if (upper === undefined) {
    // Raise the last character towards '~' while there is room, so repeated moves to the bottom
    // grow the rank by a character only every few moves.
    const last = a.charCodeAt(a.length - 1);
    if (a.length > 0 && 0x7e - last > 1) return a.slice(0, -1) + String.fromCharCode(last + ((0x7e - last) >> 1));
    return a + 'i';
  }
  if (a >= upper) throw new RangeError(`Rank '${a}' is not below '${upper}'`);
  let i = 0;
  while (i < a.length && a[i] === upper[i]) i++;
  if (i === a.length) return upper.slice(0, i) + below(upper.slice(i));
  const ca = a.charCodeAt(i);
  const cb = upper.charCodeAt(i);
  if (cb - ca > 1) return a.slice(0, i) + String.fromCharCode(ca + ((cb - ca) >> 1));
  // Adjacent characters: keep a's character and go anywhere above the rest of a.
  return a + 'i';
}

/** A non-empty string smaller than `tail` (non-empty). */
function below(tail: string): string {
  const c = tail.charCodeAt(0);
  // Stay in printable ASCII (space is 0x20) so ranks remain readable in JSON.
  if (c - 0x20 > 1) return String.fromCharCode(0x20 + ((c - 0x20) >> 1));
  // Out of room in the first character: go one level deeper so repeated moves to the top never run out.
  if (c === 0x21) return ' i';
  if (tail.length > 1) return tail[0] + below(tail.slice(1));
  throw new RangeError(`No rank below '${tail}'`);
}
