import { useCallback, useState } from 'react';
import { apiCall } from '../../net/httpApi.ts';
import { newClientId } from '../../net/savedSession.ts';
import type { ApiError, Decision } from '../../net/types.ts';

/** The state of one action form: sending, and the server's last answer. */
export interface DecisionState {
  busy: boolean;
  error: ApiError | null;
  /** the last decision was accepted */
  accepted: boolean;
  submit: (d: Decision) => Promise<boolean>;
}

/**
 * Sends a trainee decision (`POST /api/drill/actions`) with a fresh client id; a lost network
 * is retried once with the same id, which the server applies at most once. The refusal, if
 * any, stays with the form that sent it.
 */
export function useDecision(token: string): DecisionState {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [accepted, setAccepted] = useState(false);
  const submit = useCallback(
    async (decision: Decision) => {
      setBusy(true);
      setError(null);
      setAccepted(false);
      const clientId = newClientId();
      let r = await apiCall('POST', '/api/drill/actions', { token, body: { decision, clientId } });
      if (!r.ok && r.status === 0) r = await apiCall('POST', '/api/drill/actions', { token, body: { decision, clientId } });
      setBusy(false);
      if (r.ok) setAccepted(true);
      else setError(r.error);
      return r.ok;
    },
    [token],
  );
  return { busy, error, accepted, submit };
}
