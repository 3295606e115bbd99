import type { Direction } from '../../../../../src/contract';

/** The words every resync control and confirmation uses for a direction. */
export const DIRECTION_WORDS: Record<Direction, { phrase: string; button: string }> = {
  import: { phrase: 'into the structure (import)', button: 'Resync: import' },
  export: { phrase: 'from the structure into Jira (export)', button: 'Resync: export' },
};
