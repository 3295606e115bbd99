import { applyUpdate, Forest, ForestAction, Row } from '../../../../src/domain/forest';
import { random } from '../builders';

/**
 * A forest shaped like a big customer's: epics at the top, stories under them, sub-tasks under
 * stories, issue ids clustered by project and creation time; then `churn` of the rows moved and
 * added by later edits, so rowIds are no longer perfectly sequential.
 */
export function realisticForest(size: number, seed = 7, churn = 0.02): Forest {
  const rnd = random(seed);
  const edited = Math.floor(size * churn);
  const baseSize = size - edited;
  const rows: Row[] = [];
  let rowId = 1;
  let project = 0;
  let issueId = 10_000;
  while (rows.length < baseSize) {
    if (rnd.next() < 0.01) {
      project++;
      issueId = 10_000 + project * 1_000_000;
    }
    issueId += 1 + rnd.int(5);
    rows.push({ rowId: rowId++, depth: 0, issueId });
    const stories = 3 + rnd.int(25);
    for (let s = 0; s < stories && rows.length < baseSize; s++) {
      issueId += 1 + rnd.int(20);
      rows.push({ rowId: rowId++, depth: 1, issueId });
      const subtasks = rnd.int(5);
      for (let t = 0; t < subtasks && rows.length < baseSize; t++) {
        issueId += 1 + rnd.int(3);
        rows.push({ rowId: rowId++, depth: 2, issueId });
      }
    }
  }
  const forest = Forest.fromRows(rows);
  const edits: ForestAction[] = [];
  const topLevel = forest.childrenOf(0);
  for (let k = edited; k > 0;) {
    const i = rnd.int(baseSize);
    if (forest.depthAt(i) === 0) continue;
    edits.push({ kind: 'move', rowId: forest.rowIdAt(i), under: rnd.pick(topLevel) });
    edits.push({ kind: 'add', under: forest.rowIdAt(i), rows: [{ depth: 0, issueId: issueId + rnd.int(1000) }] });
    k--;
  }
  return size === 0 ? forest : applyUpdate(forest, edits);
}
