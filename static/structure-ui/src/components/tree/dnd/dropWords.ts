// What a drop did, in words for the live region and the view's message: "SR-12 moved under SR-3".
import type { ForestRows } from '../forestIndex';
import { folderNameAt } from '../folders';
import type { DropOutcome } from './dropPlace';

/** `keyOf` names the issue of a row (its key once Jira has said it); a row without one is "the row". */
export function movedWords(
  forest: ForestRows,
  dragged: readonly number[],
  outcome: Extract<DropOutcome, { place: unknown }>,
  keyOf: (issueId: string) => string | undefined,
): string {
  const name = (i: number) => {
    const id = forest.issueIds[i];
    const folder = folderNameAt(forest, i);
    if (folder !== undefined) return `folder ${folder}`;
    return (id ? keyOf(id) : undefined) ?? 'the row';
  };
  const what = dragged.length === 1 ? name(dragged[0]!) : `${dragged.length} rows`;
  const sentence = `${what} moved ${outcome.relation} ${name(outcome.target)}.`;
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}
