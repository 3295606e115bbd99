// One row of the structure view as a Pragmatic drag and drop draggable (by its handle) and drop target
// (the whole row, with the tree-item hitbox). Only mounted rows register: with windowed rows, those on
// screen are the ones a pointer can reach.
import { useEffect, useRef, useState, type RefObject } from 'react';
import { combine } from '@atlaskit/pragmatic-drag-and-drop/combine';
import { draggable, dropTargetForElements } from '@atlaskit/pragmatic-drag-and-drop/element/adapter';
import {
  attachInstruction,
  extractInstruction,
  type Instruction,
  type ItemMode,
} from '@atlaskit/pragmatic-drag-and-drop-hitbox/tree-item';
import type { DragController } from './dragController';
import { severalRowsPreview } from './severalRowsPreview';

const CARRIED = 'structure-sync/rows';

function carriedRows(data: Record<string | symbol, unknown>): number[] | undefined {
  const rows = data[CARRIED];
  return Array.isArray(rows) ? (rows as number[]) : undefined;
}

export interface RowDragItem {
  rowId: number;
  depth: number;
  /** Where the hitbox offers "make child" and "reparent": open rows, and the last row of a group. */
  mode: ItemMode;
  /** Pixels per level of indentation, for "reparent" from the pointer's x. */
  indentPerLevel: number;
}

/** The drop indicator to draw on the row (null: none) and whether the row is being dragged. */
export function useRowDragAndDrop(
  row: RefObject<HTMLElement | null>,
  handle: RefObject<HTMLElement | null>,
  item: RowDragItem,
  controller: DragController | undefined,
): { instruction: Instruction | null; dragging: boolean } {
  const [instruction, setInstruction] = useState<Instruction | null>(null);
  const [dragging, setDragging] = useState(false);
  const latest = useRef(item);
  latest.current = item;

  useEffect(() => {
    const element = row.current;
    const dragHandle = handle.current;
    if (!controller || !element || !dragHandle) return;
    const rowId = item.rowId;
    return combine(
      draggable({
        element,
        dragHandle,
        canDrag: () => controller.grab(rowId) !== undefined,
        getInitialData: () => ({ [CARRIED]: controller.grab(rowId) ?? [] }),
        onGenerateDragPreview: ({ source, nativeSetDragImage }) => {
          const carried = carriedRows(source.data) ?? [];
          if (carried.length > 1) severalRowsPreview(carried.length, nativeSetDragImage);
        },
        onDragStart: () => setDragging(true),
        onDrop: () => setDragging(false),
      }),
      dropTargetForElements({
        element,
        canDrop: ({ source }) => {
          const carried = carriedRows(source.data);
          return carried !== undefined && controller.canDrop(carried, rowId);
        },
        getData: ({ input, element: target }) =>
          attachInstruction(
            { rowId },
            {
              input,
              element: target,
              currentLevel: latest.current.depth,
              indentPerLevel: latest.current.indentPerLevel,
              mode: latest.current.mode,
              block: controller.blocked(rowId),
            },
          ),
        // Entering shows the indicator at once: `onDrag` waits for the pointer to move again.
        onDragEnter: ({ self }) => setInstruction(extractInstruction(self.data)),
        onDrag: ({ self }) => setInstruction(extractInstruction(self.data)),
        onDragLeave: () => setInstruction(null),
        onDrop: ({ self, source }) => {
          setInstruction(null);
          const dropped = extractInstruction(self.data);
          const carried = carriedRows(source.data);
          if (dropped && carried) controller.drop(carried, rowId, dropped);
        },
      }),
    );
    // Registered once per row: what changes between renders is read through `latest` and the controller.
  }, [controller, item.rowId, row, handle]);

  return { instruction, dragging };
}
