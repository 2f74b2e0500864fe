/** A role token kept for this browser tab, so that a reload rejoins the same drill. */
export interface SavedSession {
  token: string;
  drillId: string;
  code?: string;
  /** a director's join codes by position, as issued to this tab (the server shows them once) */
  positionCodes?: Record<string, string>;
}

export type SessionSlot = 'director' | 'trainee';

const key = (slot: SessionSlot) => `yanlian.session.${slot}`;

/** Per tab (sessionStorage): two tabs of one browser can hold different roles. */
export function loadSession(slot: SessionSlot): SavedSession | null {
  try {
    const raw = sessionStorage.getItem(key(slot));
    const s = raw ? (JSON.parse(raw) as SavedSession) : null;
    return s && typeof s.token === 'string' ? s : null;
  } catch {
    return null;
  }
}

export function saveSession(slot: SessionSlot, s: SavedSession | null): void {
  try {
    if (s) sessionStorage.setItem(key(slot), JSON.stringify(s));
    else sessionStorage.removeItem(key(slot));
  } catch {
    // storage blocked: the session lasts until the page is left
  }
}

/** A client id for an action, so a retry is applied once; works outside secure contexts. */
export function newClientId(): string {
  const b = new Uint8Array(12);
  crypto.getRandomValues(b);
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}
