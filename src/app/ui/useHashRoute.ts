import { useEffect, useState } from 'react';

/** A route read from the location hash: `#/trainee?code=…` → { path: 'trainee', query }. */
export interface HashRoute {
  path: string;
  query: URLSearchParams;
}

export function parseHash(hash: string): HashRoute {
  const h = hash.replace(/^#\/?/, '');
  const [path = '', q = ''] = h.split('?');
  return { path, query: new URLSearchParams(q) };
}

/** The current hash route; follows back/forward and links. */
export function useHashRoute(): HashRoute {
  const [hash, setHash] = useState(() => location.hash);
  useEffect(() => {
    const on = () => setHash(location.hash);
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return parseHash(hash);
}
