import { useEffect, useState } from 'react';
import type { AppErrorDto } from '../../../../src/contract';
import type { ForestRows } from '../components/tree/forestIndex';
import { perfMark } from './perfMark';
import { useServices } from './ServicesContext';

export type ForestLoad =
  | { status: 'loading'; loaded: number; total?: number }
  | { status: 'error'; error: AppErrorDto }
  | { status: 'ready'; forest: ForestRows; hiddenRows: number; version: number };

/** The whole forest the viewer may see, page by page (10k rows a page keeps each answer small). */
export function useForest(structureId: string, generation: number): ForestLoad {
  const { invoke } = useServices();
  const [state, setState] = useState<ForestLoad>({ status: 'loading', loaded: 0 });
  useEffect(() => {
    let live = true;
    setState({ status: 'loading', loaded: 0 });
    void (async () => {
      const forest: ForestRows = { rowIds: [], depths: [], issueIds: [] };
      let cursor: string | undefined;
      let hiddenRows = 0;
      let version = 0;
      do {
        const answer = await invoke('getForest', { structureId, cursor, limit: 10000 });
        if (!live) return;
        if (!answer.ok) {
          setState({ status: 'error', error: answer.error });
          return;
        }
        const page = answer.data;
        // push(...) of 10k items is within every engine's argument limit.
        forest.rowIds.push(...page.rowIds);
        forest.depths.push(...page.depths);
        forest.issueIds.push(...page.issueIds);
        hiddenRows += page.hiddenRows;
        version = page.version;
        cursor = page.nextCursor;
        if (cursor) setState({ status: 'loading', loaded: forest.rowIds.length, total: page.totalRows });
      } while (cursor);
      // Marks for the benchmark in test/e2e: from the last page received to the first screen of rows.
      perfMark('structure:forest-received', { rows: forest.rowIds.length });
      setState({ status: 'ready', forest, hiddenRows, version });
    })();
    return () => {
      live = false;
    };
  }, [invoke, structureId, generation]);
  return state;
}
