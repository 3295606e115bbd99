import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppErrorDto, PayloadIn, ResolverKey, ResolverResults } from '../../../../src/contract';
import { useServices } from './ServicesContext';

export type Loadable<T> =
  { status: 'loading' } | { status: 'error'; error: AppErrorDto } | { status: 'ready'; data: T };

/**
 * Loads one resolver result for a page. `payloadKey` is the identity of the payload (pages pass a
 * fresh object each render); a change of it reloads. `reload()` keeps the old data on screen.
 */
export function useResolver<K extends ResolverKey>(
  key: K,
  payload: PayloadIn<K>,
  payloadKey: string = JSON.stringify(payload),
): { state: Loadable<ResolverResults[K]>; reload: () => void; setData: (data: ResolverResults[K]) => void } {
  const { invoke } = useServices();
  const [state, setState] = useState<Loadable<ResolverResults[K]>>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  const payloadRef = useRef(payload);
  payloadRef.current = payload;

  useEffect(() => {
    let live = true;
    invoke(key, payloadRef.current).then(
      (answer) => {
        if (!live) return;
        setState(answer.ok ? { status: 'ready', data: answer.data } : { status: 'error', error: answer.error });
      },
      (e: unknown) => {
        if (live)
          setState({
            status: 'error',
            error: { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) },
          });
      },
    );
    return () => {
      live = false;
    };
  }, [invoke, key, payloadKey, generation]);

  const reload = useCallback(() => {
    // After an error, "Try again" shows the spinner; otherwise the data stays on screen meanwhile.
    setState((s) => (s.status === 'error' ? { status: 'loading' } : s));
    setGeneration((g) => g + 1);
  }, []);
  const setData = useCallback((data: ResolverResults[K]) => setState({ status: 'ready', data }), []);
  return { state, reload, setData };
}
