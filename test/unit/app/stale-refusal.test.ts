import { staleRefusal } from '../../../src/app/edit/edit-structure';

describe('staleRefusal', () => {
  it("says planEdit's reason as a refreshed view, without asking to reload again", () => {
    expect(staleRefusal('Row 7 is not in the structure any more: reload the structure and try again.')).toBe(
      'The structure changed since you loaded it and your change no longer fits: your view was refreshed. Row 7 is not in the structure any more.',
    );
    expect(staleRefusal('A row cannot move under itself or one of its own sub-rows.')).toMatch(
      /refreshed\. A row cannot move under itself/,
    );
  });
});
