import { useCallback, useRef, useSyncExternalStore } from 'react';
import type { DrillConnection, DrillSnapshot } from './DrillConnection.ts';

/**
 * Reads a value derived from the connection's snapshot (STYLE.md 10: UI reads state by
 * selector). The selector runs again only when the snapshot changes, so it may build new
 * arrays; the component re-renders only when the selected value changes (`Object.is`, or
 * `equal` when given).
 */
export function useDrillSelector<T>(conn: DrillConnection, selector: (s: DrillSnapshot) => T, equal: (a: T, b: T) => boolean = Object.is): T {
  const memo = useRef<{ snap: DrillSnapshot; value: T; selector: (s: DrillSnapshot) => T } | null>(null);
  const get = useCallback(() => {
    const snap = conn.getSnapshot();
    const m = memo.current;
    if (m && m.snap === snap && m.selector === selector) return m.value;
    const value = selector(snap);
    if (m && equal(m.value, value)) {
      memo.current = { snap, value: m.value, selector };
      return m.value;
    }
    memo.current = { snap, value, selector };
    return value;
  }, [conn, selector, equal]);
  return useSyncExternalStore(conn.subscribe, get, get);
}
