// Folder rows in the view: named rows that are not issues. The backend sends them with no issue (null,
// like a placeholder) and their name in `folderNames`, so a row is a placeholder only when it is neither.
import type { ForestRows } from './forestIndex';

/** The folder name of row `i`, or undefined when it holds an issue (or is a placeholder). */
export function folderNameAt(forest: ForestRows, i: number): string | undefined {
  const rowId = forest.rowIds[i];
  return rowId === undefined ? undefined : forest.folderNames?.[String(rowId)];
}

/** Row `i` stands in for an issue the viewer cannot see. */
export function isPlaceholder(forest: ForestRows, i: number): boolean {
  return forest.issueIds[i] === null && folderNameAt(forest, i) === undefined;
}

/** How many rows are placeholders. */
export function placeholderCount(forest: ForestRows): number {
  let n = 0;
  for (let i = 0; i < forest.issueIds.length; i++) if (isPlaceholder(forest, i)) n++;
  return n;
}

/** Folder names the backend takes: 1 to 255 characters once trimmed; the backend says the same. */
export const MAX_FOLDER_NAME = 255;
export function folderNameProblem(raw: string): string | undefined {
  const name = raw.trim();
  if (name === '') return 'A folder needs a name.';
  if (name.length > MAX_FOLDER_NAME) return `A folder name is at most ${MAX_FOLDER_NAME} characters.`;
  return undefined;
}
