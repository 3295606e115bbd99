// The structure's saved columns for the view: read once when the view opens, replaced when the viewer
// saves others. Until they arrive (or when they cannot be read) the view shows the default columns.
import { useCallback, useEffect, useState } from 'react';
import { DEFAULT_COLUMNS, type StructureColumn } from '../../../../../../src/contract';
import { useServices } from '../../../api/ServicesContext';

export interface StructureColumnsState {
  columns: StructureColumn[];
  /** Whether the viewer may change them (edit level). */
  canChange: boolean;
  /** Whether the answer is in (always, without a structure): until then the rows wait, so they are read once. */
  loaded: boolean;
  /** Why the saved columns could not be read: the default ones show meanwhile. */
  error?: string;
  /** Saves for everyone; answers the message to show when it could not. */
  save: (columns: StructureColumn[]) => Promise<string | undefined>;
}

export function useStructureColumns(structureId: string | undefined): StructureColumnsState {
  const { invoke } = useServices();
  const [state, setState] = useState<Omit<StructureColumnsState, 'save'>>({
    columns: DEFAULT_COLUMNS,
    canChange: false,
    loaded: structureId === undefined,
  });
  useEffect(() => {
    if (!structureId) return;
    let live = true;
    void invoke('getStructureColumns', { structureId }).then((answer) => {
      if (!live) return;
      setState(
        answer.ok
          ? { columns: answer.data.columns, canChange: answer.data.canChange, loaded: true }
          : { columns: DEFAULT_COLUMNS, canChange: false, loaded: true, error: answer.error.message },
      );
    });
    return () => {
      live = false;
    };
  }, [invoke, structureId]);
  const save = useCallback(
    async (columns: StructureColumn[]) => {
      if (!structureId) return 'This view belongs to no structure.';
      const answer = await invoke('setStructureColumns', { structureId, columns });
      if (!answer.ok) return answer.error.message;
      setState({ columns: answer.data.columns, canChange: answer.data.canChange, loaded: true });
      return undefined;
    },
    [invoke, structureId],
  );
  return { ...state, save };
}
