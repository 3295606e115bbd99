// rankBetween: any sequence of inserts keeps plain string order, including next to LexoRank-style
// neighbours, at either end, and between adjacent characters.
import { rankBetween } from '../../local/emulator/rank';

describe('rankBetween', () => {
  it.each<[string | undefined, string | undefined]>([
    ['0|i0000a:', '0|i0000b:'],
    ['0|i0000a:', '0|i0000a:i'],
    [undefined, '0|i0000a:'],
    ['0|i0000a:', undefined],
    ['a', 'b'],
    ['a', 'c'],
    ['ab', 'b'],
  ])('between %p and %p', (lower, upper) => {
    const r = rankBetween(lower, upper);
    if (lower !== undefined) expect(r > lower).toBe(true);
    if (upper !== undefined) expect(r < upper).toBe(true);
  });

  it('keeps order over many random inserts', () => {
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const ranks = ['0|i00000:', '0|i00001:'];
    for (let n = 0; n < 2000; n++) {
      const at = Math.floor(random() * (ranks.length + 1));
      ranks.splice(at, 0, rankBetween(ranks[at - 1], ranks[at]));
    }
    const sorted = [...ranks].sort();
    expect(ranks).toEqual(sorted);
    expect(new Set(ranks).size).toBe(ranks.length);
  });

  it('keeps finding room when issues are moved to the very top again and again', () => {
    let first = '0|i00000:';
    for (let n = 0; n < 500; n++) {
      const next = rankBetween(undefined, first);
      expect(next < first).toBe(true);
      first = next;
    }
  });

  it('grows slowly when issues are moved to the very bottom again and again', () => {
    let last = '0|i00000:';
    for (let n = 0; n < 500; n++) {
      const next = rankBetween(last, undefined);
      expect(next > last).toBe(true);
      last = next;
    }
    expect(last.length).toBeLessThan(150);
  });

  it('refuses bounds in the wrong order', () => {
    expect(() => rankBetween('b', 'a')).toThrow(RangeError);
  });
});
