import { useEffect, useRef } from 'react';

/**
 * A click on an entry of the director's event feed, passed to the situation map beside it
 * (the two are siblings in the console: the feed says which record, the map, which holds the
 * state, finds what it is about and flies there). One console per page: a module-level channel.
 */
type Listener = (data: Readonly<Record<string, unknown>>) => void;
const listeners = new Set<Listener>();

/** The feed's record `data` was clicked. */
export function pickFromFeed(data: Readonly<Record<string, unknown>>): void {
  for (const l of listeners) l(data);
}

/** Calls `fn` with each record clicked in the feed while the component is mounted. */
export function useFeedPicks(fn: Listener): void {
  const ref = useRef(fn);
  ref.current = fn;
  useEffect(() => {
    const l: Listener = (d) => ref.current(d);
    listeners.add(l);
    return () => {
      listeners.delete(l);
    };
  }, []);
}
