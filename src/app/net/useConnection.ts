import { useEffect, useMemo } from 'react';
import { DrillConnection } from './DrillConnection.ts';

/** One live connection per token while the component is mounted. */
export function useConnection(token: string): DrillConnection {
  const conn = useMemo(() => new DrillConnection(token), [token]);
  useEffect(() => {
    conn.start();
    return () => conn.stop();
  }, [conn]);
  return conn;
}
