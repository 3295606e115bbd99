import { useEffect, useRef, useState } from 'react';
import type { AppErrorDto } from '../../../../src/contract';
import type { ForestRows } from '../components/tree/forestIndex';
import { perfMark } from './perfMark';
import { useServices } from './ServicesContext';

export type ForestLoad =
  | { status: 'loading' }
  | { status: 'error'; error: AppErrorDto }
  | {
      status: 'ready';
      forest: ForestRows;
      hiddenRows: number;
      version: number;
      /** Set while later pages are still on their way: the rows so far are a pre-order prefix, shown at once. */
      more?: { loaded: number; total: number };
    };

/**
 * The forest the viewer may see, page by page (10k rows a page keeps each answer small). The first
 * page is shown as soon as it arrives: a prefix of a pre-order forest is itself a forest.
 */
/**
 * `refresh` changes reload quietly: the rows on show stay until the new ones arrive (after an edit, so
 * the view keeps its place); `generation` changes show the loading state.
 */
export function useForest(structureId: string, generation: number, refresh = 0): ForestLoad {
  const { invoke } = useServices();
  const [state, setState] = useState<ForestLoad>({ status: 'loading' });
  const shown = useRef({ structureId, generation });
  useEffect(() => {
    let live = true;
    const quiet = shown.current.structureId === structureId && shown.current.generation === generation;
    shown.current = { structureId, generation };
    if (!quiet) setState({ status: 'loading' });
    void (async () => {
      let forest: ForestRows = { rowIds: [], depths: [], issueIds: [] };
      let cursor: string | undefined;
      let hiddenRows = 0;
      do {
        const answer = await invoke('getForest', { structureId, cursor, limit: 10000 });
        if (!live) return;
        if (!answer.ok) {
          setState({ status: 'error', error: answer.error });
          return;
        }
        const page = answer.data;
        // A new object per page, so the tree re-indexes; copying 10 pages of 10k rows is cheap.
        forest = {
          rowIds: forest.rowIds.concat(page.rowIds),
          depths: forest.depths.concat(page.depths),
          issueIds: forest.issueIds.concat(page.issueIds),
          ...(forest.folderNames || page.folderNames
            ? { folderNames: { ...forest.folderNames, ...page.folderNames } }
            : {}),
        };
        hiddenRows += page.hiddenRows;
        cursor = page.nextCursor;
        if (!cursor) {
          // Marks for the benchmark in test/e2e: from the last page received to the first screen of rows.
          perfMark('structure:forest-received', { rows: forest.rowIds.length });
        }
        setState({
          status: 'ready',
          forest,
          hiddenRows,
          version: page.version,
          more: cursor ? { loaded: forest.rowIds.length, total: page.totalRows } : undefined,
        });
      } while (cursor);
    })();
    return () => {
      live = false;
    };
  }, [invoke, structureId, generation, refresh]);
  return state;
}
