/**
 * A deliberately naive forest — nested arrays, every edit a linear search — used as the oracle for
 * the batched `applyUpdate` and to generate random valid updates.
 */
import { AddedRow, Forest, ForestAction, Placement, Row } from '../../../../src/domain/forest';
import { random } from '../builders';

interface Node {
  rowId: number;
  issueId: number;
  children: Node[];
}

export class Model {
  root: Node = { rowId: 0, issueId: 0, children: [] };
  nextRowId: number;

  constructor(forest: Forest) {
    this.nextRowId = forest.nextRowId;
    const stack: Node[] = [this.root];
    for (const r of forest.rows()) {
      const node = { rowId: r.rowId, issueId: r.issueId, children: [] };
      stack[r.depth].children.push(node);
      stack[r.depth + 1] = node;
    }
  }

  nodes(): Node[] {
    const out: Node[] = [];
    const walk = (n: Node): void => n.children.forEach((c) => (out.push(c), walk(c)));
    walk(this.root);
    return out;
  }

  find(rowId: number): { node: Node; parent: Node } {
    const visit = (parent: Node): { node: Node; parent: Node } | undefined => {
      for (const c of parent.children) {
        if (c.rowId === rowId) return { node: c, parent };
        const hit = visit(c);
        if (hit) return hit;
      }
      return undefined;
    };
    const hit = visit(this.root);
    if (!hit) throw new Error(`model has no row ${rowId}`);
    return hit;
  }

  toForest(): Forest {
    const rows: Row[] = [];
    const walk = (n: Node, depth: number): void =>
      n.children.forEach((c) => {
        rows.push({ rowId: c.rowId, depth, issueId: c.issueId });
        walk(c, depth + 1);
      });
    walk(this.root, 0);
    return Forest.fromRows(rows, this.nextRowId);
  }

  /** A random valid action, applied to the model as it is made. */
  randomAction(rnd: ReturnType<typeof random>, issuePool: number): ForestAction {
    const nodes = this.nodes();
    const kind = nodes.length === 0 ? 'add' : rnd.pick(['add', 'add', 'move', 'move', 'move', 'remove'] as const);
    if (kind === 'remove') {
      const { node, parent } = this.find(rnd.pick(nodes).rowId);
      const children = rnd.next() < 0.5 ? 'lift' : 'remove';
      const i = parent.children.indexOf(node);
      parent.children.splice(i, 1, ...(children === 'lift' ? node.children : []));
      return { kind: 'remove', rowId: node.rowId, children };
    }
    if (kind === 'move') {
      const { node, parent } = this.find(rnd.pick(nodes).rowId);
      const inside = new Set<number>();
      const mark = (n: Node): void => (inside.add(n.rowId), n.children.forEach(mark));
      mark(node);
      parent.children.splice(parent.children.indexOf(node), 1);
      const targets = [this.root, ...this.nodes().filter((n) => !inside.has(n.rowId))];
      const target = rnd.pick(targets);
      const placement = this.place(rnd, target, node);
      return { kind: 'move', rowId: node.rowId, ...placement };
    }
    const target = rnd.pick([this.root, ...nodes]);
    const rows: AddedRow[] = [];
    const count = 1 + rnd.int(4);
    for (let i = 0; i < count; i++) {
      const depth = i === 0 ? 0 : rnd.int(rows[i - 1].depth + 2);
      rows.push({ depth, issueId: 1 + rnd.int(issuePool) });
    }
    const tops: Node[] = [];
    const stack: Node[] = [];
    for (const r of rows) {
      const n: Node = { rowId: this.nextRowId++, issueId: r.issueId, children: [] };
      if (r.depth === 0) tops.push(n);
      else stack[r.depth - 1].children.push(n);
      stack[r.depth] = n;
    }
    const placement = this.place(rnd, target, ...tops);
    return { kind: 'add', ...placement, rows };
  }

  /** Inserts nodes among target's children at a random slot and says so in a random coordinate style. */
  private place(rnd: ReturnType<typeof random>, target: Node, ...nodes: Node[]): Placement {
    const siblings = target.children;
    const at = rnd.int(siblings.length + 1);
    siblings.splice(at, 0, ...nodes);
    const prev = at > 0 ? siblings[at - 1].rowId : 0;
    const next = at + nodes.length < siblings.length ? siblings[at + nodes.length].rowId : 0;
    const under = target.rowId;
    const style = rnd.int(4);
    if (style === 0) return prev === 0 ? { under, after: 0 } : { under, after: prev };
    if (style === 1) return next === 0 ? { under, before: 0 } : { under, before: next };
    if (style === 2) return { under, after: prev, before: next };
    return prev === 0 ? { under, after: 0 } : next === 0 ? { under } : { under, after: prev };
  }
}

/** A random forest of about `size` rows over `issuePool` issues. */
export function randomForest(rnd: ReturnType<typeof random>, size: number, issuePool: number): Forest {
  const rows: Row[] = [];
  let depth = 0;
  for (let i = 0; i < size; i++) {
    depth = i === 0 ? 0 : rnd.int(depth + 2);
    rows.push({ rowId: i + 1, depth, issueId: 1 + rnd.int(issuePool) });
  }
  return Forest.fromRows(rows, size + 1 + rnd.int(3));
}
