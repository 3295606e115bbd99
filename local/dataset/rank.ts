// Rank strings in the shape of Jira's LexoRank ("0|i0000f:"): a bucket, a fixed-width base-36 body and a
// trailing colon. Fixed width matters: with it, plain string comparison orders ranks numerically, which
// is all the emulator does with them (ORDER BY Rank, board order, rank PUT).

const BASE = 36;

/** Base-36 of n, left-padded with zeros to `width` characters. Throws if n does not fit. */
export function base36(n: number, width: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`Rank position ${n} is not a non-negative integer`);
  const text = n.toString(BASE);
  if (text.length > width) throw new RangeError(`Rank position ${n} does not fit in ${width} base-36 digits`);
  return text.padStart(width, '0');
}

/** A rank from one or more position parts, each rendered at its own fixed width. */
export function lexoRank(parts: readonly (readonly [position: number, width: number])[]): string {
  return `0|${parts.map(([position, width]) => base36(position, width)).join('')}:`;
}
