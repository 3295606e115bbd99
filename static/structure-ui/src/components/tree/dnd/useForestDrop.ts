// A drop on the structure view, from the rows it carries to the move the backend is asked for: the
// forest it makes (shown at once), its words, and the row it opens. Refusals are said, nothing is sent.
import { perfMark } from '../../../api/perfMark';
import type { EditAction } from '../editActions';
import type { ForestIndex, ForestRows } from '../forestIndex';
import { useDragController, type DragController } from './dragController';
import { moveRows, sameForest } from './dropPlace';
import { movedWords } from './dropWords';
import type { MenuMove } from './RowMoveMenu';

export interface ForestMove {
  action: Extract<EditAction, { kind: 'move' }>;
  /** The forest after the move, as the backend will make it. */
  forest: ForestRows;
  said: string;
  /** The row id the rows were dropped into, which must be open to show them. */
  into?: number;
}

export function useForestDrop(args: {
  enabled: boolean;
  forest: ForestRows;
  index: ForestIndex;
  selected: ReadonlySet<number>;
  keyOf: (issueId: string) => string | undefined;
  onRefused: (reason: string) => void;
  onMove: (move: ForestMove) => void;
  onMenuMove: (i: number, move: MenuMove) => void;
}): DragController | undefined {
  const { forest, index } = args;
  return useDragController({
    forest,
    index,
    selected: args.selected,
    enabled: args.enabled,
    onMenuMove: args.onMenuMove,
    onDrop: (dragged, outcome) => {
      // The benchmark's start mark (test/e2e/bench-structure-view.ts): drop → the moved rows on screen.
      perfMark('structure:drop', { rows: forest.rowIds.length });
      if ('reason' in outcome) return args.onRefused(outcome.reason);
      const moved = moveRows(forest, index, dragged, outcome.place);
      if (sameForest(moved, forest)) return;
      args.onMove({
        action: { kind: 'move', rowIds: dragged.map((d) => forest.rowIds[d]!), ...outcome.place },
        forest: moved,
        said: movedWords(forest, dragged, outcome, args.keyOf),
        into: outcome.relation === 'under' ? forest.rowIds[outcome.target] : undefined,
      });
    },
  });
}
