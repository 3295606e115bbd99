import type { Direction } from '../../../../../src/contract';

/**
 * What the Import and Export pages say around their editor, per direction: the gate is shared,
 * so only these words tell the two pages apart.
 */
export const RUN_GATE_WORDS: Record<
  Direction,
  { title: string; description: (structureName: string) => string; cannot: string; noneTitle: string; noneText: string }
> = {
  import: {
    title: 'Import',
    description: (name) => `Fill “${name}” from Jira with a synchronizer, once, as you.`,
    cannot: 'You cannot import into this structure',
    noneTitle: 'No synchronizer can import',
    noneText: 'None are installed or none supports import.',
  },
  export: {
    title: 'Export',
    description: (name) => `Write “${name}” into Jira with a synchronizer, once, as you.`,
    cannot: 'You cannot export from this structure',
    noneTitle: 'No synchronizer can export',
    noneText: "None are installed or none supports export. Import is still available from the structure's Operations.",
  },
};
