import { useCallback, useEffect, useState } from 'react';

export type AsyncState<T> = { data: T | undefined; error: unknown; isLoading: boolean; reload: () => void };

/** Runs a loader when its dependencies change; the latest call wins so a slow answer cannot overwrite a newer one. */
export function useAsync<T>(load: () => Promise<T>, deps: readonly unknown[]): AsyncState<T> {
  const [state, setState] = useState<{ data: T | undefined; error: unknown; isLoading: boolean }>({ data: undefined, error: null, isLoading: true });
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  useEffect(() => {
    let isCurrent = true;
    setState((s) => ({ ...s, isLoading: true, error: null }));
    load().then(
      (data) => isCurrent && setState({ data, error: null, isLoading: false }),
      (error: unknown) => isCurrent && setState((s) => ({ ...s, error, isLoading: false })),
    );
    return () => {
      isCurrent = false;
    };
  }, [...deps, version]);
  return { ...state, reload };
}
