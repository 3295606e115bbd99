import { Forest } from './forest';
import { ForestUpdate } from './actions';
import { ForestTree } from './tree';

/**
 * Applies a whole update in one pass: the forest is unfolded into an explicit tree once, every
 * action is an O(1) splice there (plus the rows it must visit), and the result is read back in
 * pre-order once — O(n + k) for k actions, with moves also paying their ancestor chain for the
 * cycle check. Returns the same forest object when the update changes nothing.
 *
 * Actions apply in order, all or nothing: the first bad action throws a RangeError that names the
 * action and the bad row, and the input forest is left as it was (it is immutable).
 */
export function applyUpdate(forest: Forest, update: ForestUpdate): Forest {
  if (update.length === 0) return forest;
  let added = 0;
  for (const action of update) if (action.kind === 'add') added += action.rows.length;
  const tree = new ForestTree(forest, added);
  update.forEach((action, i) => {
    try {
      switch (action.kind) {
        case 'add':
          tree.add(action, action.rows);
          break;
        case 'move':
          tree.move(action.rowId, action);
          break;
        case 'remove':
          tree.remove(action.rowId, action.children);
          break;
      }
    } catch (e) {
      if (e instanceof RangeError) throw new RangeError(`Action ${i} (${action.kind}): ${e.message}`);
      throw e;
    }
  });
  return tree.toForest();
}
