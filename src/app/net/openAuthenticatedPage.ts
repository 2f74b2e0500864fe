import type { ApiError } from './types.ts';
import { NETWORK_ERROR, statusError } from './httpApi.ts';

/**
 * Fetches an authenticated HTML page (the after-action report) and opens it in a new tab: a
 * plain link cannot carry the bearer token. Returns the error when the server refuses.
 */
export async function openAuthenticatedPage(path: string, token: string): Promise<ApiError | null> {
  const win = window.open('', '_blank');
  let res: Response;
  try {
    res = await fetch(path, { headers: { authorization: `Bearer ${token}` } });
  } catch {
    win?.close();
    return NETWORK_ERROR;
  }
  if (!res.ok) {
    win?.close();
    const e = ((await res.json().catch(() => null)) as { error?: ApiError } | null)?.error;
    return e ?? statusError(res.status, res.headers.get('retry-after'));
  }
  const url = URL.createObjectURL(new Blob([await res.text()], { type: 'text/html;charset=utf-8' }));
  if (win) win.location.href = url;
  else window.location.href = url;
  return null;
}
