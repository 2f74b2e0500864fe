import { useEffect, useState } from 'react';
import { apiCall } from './httpApi.ts';
import type { ApiError, DrillInfo } from './types.ts';

/**
 * The drill's summary, the caller's role and the map (`GET /api/drill`), fetched once per
 * token; retried every 2 s while the server is unreachable.
 */
export function useDrillInfo(token: string): { info: DrillInfo | null; error: ApiError | null } {
  const [state, setState] = useState<{ info: DrillInfo | null; error: ApiError | null }>({ info: null, error: null });
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async () => {
      const r = await apiCall<DrillInfo>('GET', '/api/drill', { token });
      if (!live) return;
      if (r.ok) setState({ info: r.value, error: null });
      else {
        setState((s) => ({ info: s.info, error: r.error }));
        if (r.status === 0) timer = setTimeout(() => void load(), 2000);
      }
    };
    void load();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [token]);
  return state;
}
