// What every row's drag and drop asks of the forest it is in, behind one stable object: rows register
// with Pragmatic drag and drop once, and each question reads the forest as it is now (a drop may have
// changed it since the row mounted).
import { useMemo, useRef } from 'react';
import { isPlaceholder } from '../folders';
import type { Instruction } from '@atlaskit/pragmatic-drag-and-drop-hitbox/tree-item';
import type { ForestIndex, ForestRows } from '../forestIndex';
import type { MenuMove } from './RowMoveMenu';
import { draggedRows, dragRefusal, insideDragged, placeFor, type DropOutcome } from './dropPlace';

export interface DragController {
  /** Row ids a drag from this row carries, or undefined when it cannot be dragged. */
  grab(rowId: number): number[] | undefined;
  canDrop(carried: readonly number[], targetRowId: number): boolean;
  /** Instructions a row refuses whoever is dragged: nothing goes under an issue the viewer cannot see. */
  blocked(targetRowId: number): Array<Instruction['type']>;
  drop(carried: readonly number[], targetRowId: number, instruction: Instruction): void;
  /** A move chosen from the grip's menu, for whoever cannot drag. */
  menuMove(rowId: number, move: MenuMove): void;
}

export interface DragSource {
  forest: ForestRows;
  index: ForestIndex;
  /** Row ids selected with Shift/Ctrl: a drag from one of them carries them all. */
  selected: ReadonlySet<number>;
  /** False while an edit is on its way: one at a time, as with the keyboard. */
  enabled: boolean;
  /** The carried rows (forest indices, pre-order) and what the drop asks, or why it cannot be. */
  onDrop: (dragged: number[], outcome: DropOutcome) => void;
  /** The row (forest index) and the move chosen from its grip's menu. */
  onMenuMove: (i: number, move: MenuMove) => void;
}

/** One controller for the tree's lifetime; undefined for viewers who cannot edit. */
export function useDragController(source: DragSource | undefined): DragController | undefined {
  const latest = useRef(source);
  latest.current = source;
  const controller = useMemo<DragController>(() => {
    // Row id → forest index, built once per forest on the first question about it.
    let positions: { forest: ForestRows; at: Map<number, number> } | undefined;
    const indexOf = (s: DragSource, rowId: number) => {
      if (positions?.forest !== s.forest) {
        const at = new Map<number, number>();
        s.forest.rowIds.forEach((r, i) => at.set(r, i));
        positions = { forest: s.forest, at };
      }
      return positions.at.get(rowId) ?? -1;
    };
    const carriedAt = (s: DragSource, carried: readonly number[]) =>
      carried.map((r) => indexOf(s, r)).filter((i) => i >= 0);
    return {
      grab(rowId) {
        const s = latest.current;
        if (!s?.enabled) return undefined;
        const i = indexOf(s, rowId);
        if (i < 0) return undefined;
        const dragged = draggedRows(s.forest, s.index, i, s.selected);
        return dragRefusal(s.forest, dragged) ? undefined : dragged.map((d) => s.forest.rowIds[d]!);
      },
      canDrop(carried, targetRowId) {
        const s = latest.current;
        if (!s?.enabled) return false;
        const target = indexOf(s, targetRowId);
        const dragged = carriedAt(s, carried);
        return target >= 0 && dragged.length === carried.length && !insideDragged(s.index, dragged, target);
      },
      blocked(targetRowId) {
        const s = latest.current;
        if (!s) return [];
        const target = indexOf(s, targetRowId);
        if (target < 0) return [];
        const parent = s.index.parent[target]!;
        const blocked: Array<Instruction['type']> = [];
        if (isPlaceholder(s.forest, target)) blocked.push('make-child');
        if (parent >= 0 && isPlaceholder(s.forest, parent)) blocked.push('reorder-above', 'reorder-below');
        return blocked;
      },
      drop(carried, targetRowId, instruction) {
        const s = latest.current;
        if (!s) return;
        const dragged = carriedAt(s, carried);
        const target = indexOf(s, targetRowId);
        s.onDrop(dragged, placeFor(s.forest, s.index, dragged, target, instruction));
      },
      menuMove(rowId, move) {
        const s = latest.current;
        const i = s ? indexOf(s, rowId) : -1;
        if (s?.enabled && i >= 0) s.onMenuMove(i, move);
      },
    };
  }, []);
  return source ? controller : undefined;
}
