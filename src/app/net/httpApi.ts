import type { ApiError } from './types.ts';

/** The outcome of one API call: the server's JSON, or its error (or a network error). */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; status: number; error: ApiError };

/** The error shown when the server cannot be reached at all. */
export const NETWORK_ERROR: ApiError = { code: 'network', zh: '无法连接演练服务器，请检查网络后重试', en: 'cannot reach the drill server; check the network and retry' };

/**
 * Calls the drill server's HTTP API (same origin). Never throws: a refusal comes back with the
 * server's bilingual error, a lost network as NETWORK_ERROR.
 */
export async function apiCall<T>(method: 'GET' | 'POST' | 'DELETE', path: string, opts: { body?: unknown; token?: string | null } = {}): Promise<ApiResult<T>> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers: {
        ...(opts.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      },
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    });
  } catch {
    return { ok: false, status: 0, error: NETWORK_ERROR };
  }
  let json: unknown = null;
  try {
    json = await res.json();
  } catch {
    // an empty or non-JSON body: reported below by status
  }
  if (res.ok) return { ok: true, value: json as T };
  const e = (json as { error?: ApiError } | null)?.error;
  return { ok: false, status: res.status, error: e && typeof e.code === 'string' ? e : statusError(res.status, res.headers.get('retry-after')) };
}

/**
 * A readable error for a refusal without the server's JSON (a proxy's page, an empty body): by
 * status, in both languages. The drill server itself always sends its own bilingual error.
 */
export function statusError(status: number, retryAfter: string | null = null): ApiError {
  const wait = Number(retryAfter);
  const later = Number.isFinite(wait) && wait > 0 ? { zh: `，请 ${Math.ceil(wait)} 秒后再试`, en: `; try again in ${Math.ceil(wait)} s` } : { zh: '，请稍后再试', en: '; try again later' };
  if (status === 401 || status === 403) return { code: `http${status}`, zh: '没有权限：口令或令牌无效', en: 'not allowed: the token is missing or wrong' };
  if (status === 413) return { code: 'http413', zh: '上传的内容过大', en: 'the upload is too large' };
  if (status === 429) return { code: 'http429', zh: `请求过于频繁${later.zh}`, en: `too many requests${later.en}` };
  if (status >= 500) return { code: `http${status}`, zh: `演练服务器出错（${status}）${later.zh}`, en: `the drill server failed (${status})${later.en}` };
  return { code: `http${status}`, zh: `服务器返回错误 ${status}`, en: `server error ${status}` };
}
