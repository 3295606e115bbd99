/**
 * Positions (ascending) of one longest strictly increasing subsequence of `values`, in
 * O(m log m). Used to keep the largest set of siblings in place so a diff moves as few rows as it can.
 */
export function longestIncreasingSubsequence(values: ArrayLike<number>): number[] {
  const m = values.length;
  if (m === 0) return [];
  // tails[k] = position of the smallest tail of an increasing run of length k + 1.
  const tails = new Int32Array(m);
  const previous = new Int32Array(m);
  let length = 0;
  for (let i = 0; i < m; i++) {
    let lo = 0;
    let hi = length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (values[tails[mid]] < values[i]) lo = mid + 1;
      else hi = mid;
    }
    previous[i] = lo > 0 ? tails[lo - 1] : -1;
    tails[lo] = i;
    if (lo === length) length++;
  }
  const out = new Array<number>(length);
  for (let k = length - 1, i = tails[length - 1]; k >= 0; k--, i = previous[i]) out[k] = i;
  return out;
}
