import type { ClockFrame, EventFrame, ServerFrame, You } from './types.ts';

/** Where the live stream stands. */
export type ConnectionStatus = 'connecting' | 'live' | 'reconnecting' | 'closed';

/** The clock as last told by the server, with the wall time (ms) it arrived. */
export interface ClockState extends ClockFrame {
  receivedAt: number;
}

/**
 * Everything the server has sent this client, as one immutable snapshot: the app renders
 * selectors of it and never changes it. `events` is the drill log as this viewer may see it, in
 * order, each record once (the server resumes from `cursor` after a reconnect).
 */
export interface DrillSnapshot {
  status: ConnectionStatus;
  /** why the stream stopped for good: a revoked or unknown token */
  closedReason: 'revoked' | 'badToken' | null;
  you: You | null;
  title: string;
  mode: 'open' | 'blind' | null;
  commitment: string | null;
  clock: ClockState | null;
  events: readonly EventFrame[];
  /** the resume cursor: the last record received */
  cursor: string | null;
  /** the catch-up after the latest (re)connect is complete */
  caughtUp: boolean;
  /** how many times the stream was re-established */
  reconnects: number;
}

const EMPTY: DrillSnapshot = {
  status: 'connecting',
  closedReason: null,
  you: null,
  title: '',
  mode: null,
  commitment: null,
  clock: null,
  events: [],
  cursor: null,
  caughtUp: false,
  reconnects: 0,
};

export interface ConnectionOptions {
  /** ws:// or wss:// URL of the server's `/ws` route (default: same origin) */
  url?: string;
  /** resume from this cursor (e.g. after a page reload) */
  since?: string | null;
  /** wall clock, ms (injected for tests) */
  now?: () => number;
  /** reconnect delays, ms (grows to the last and stays there) */
  backoffMs?: readonly number[];
  /** how often to ping the server, ms; a ping unanswered for as long again drops the socket */
  pingMs?: number;
}

/**
 * The live link to the drill server for one role token: says hello with the last cursor,
 * takes frames, reconnects with back-off and resumes from the cursor, so nothing is missed or
 * received twice. Incoming records are batched into a new snapshot at most every 50 ms.
 * Subscribe with `useSyncExternalStore(conn.subscribe, conn.getSnapshot)`.
 */
export class DrillConnection {
  private snap: DrillSnapshot;
  private readonly listeners = new Set<() => void>();
  private ws: WebSocket | null = null;
  private pending: EventFrame[] = [];
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private pingTimer: ReturnType<typeof setInterval> | null = null;
  private lastPong = 0;
  private attempt = 0;
  private stopped = false;
  private readonly url: string;
  private readonly now: () => number;
  private readonly backoff: readonly number[];
  private readonly pingMs: number;

  constructor(
    private readonly token: string,
    opts: ConnectionOptions = {},
  ) {
    this.url = opts.url ?? `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;
    this.now = opts.now ?? Date.now;
    this.backoff = opts.backoffMs ?? [300, 1000, 2000, 4000];
    this.pingMs = opts.pingMs ?? 15_000;
    this.snap = { ...EMPTY, cursor: opts.since ?? null };
  }

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  getSnapshot = (): DrillSnapshot => this.snap;

  private set(patch: Partial<DrillSnapshot>): void {
    this.snap = { ...this.snap, ...patch };
    for (const l of this.listeners) l();
  }

  /** Opens the stream (again). */
  start(): void {
    this.stopped = false;
    this.open();
  }

  /** Closes the stream for good (leaving the drill, or unmounting). */
  stop(): void {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.pingTimer) clearInterval(this.pingTimer);
    this.flush();
    this.ws?.close(1000, 'bye');
    this.ws = null;
  }

  private open(): void {
    if (this.stopped) return;
    this.flush();
    this.set({ status: this.snap.reconnects || this.attempt ? 'reconnecting' : 'connecting', caughtUp: false });
    let ws: WebSocket;
    try {
      ws = new WebSocket(this.url);
    } catch {
      return this.retry();
    }
    this.ws = ws;
    ws.onopen = () => {
      // the cursor is read at this moment: everything before it is already in the snapshot
      this.flush();
      ws.send(JSON.stringify({ type: 'hello', token: this.token, ...(this.snap.cursor ? { since: this.snap.cursor } : {}) }));
      this.lastPong = this.now();
      if (this.pingTimer) clearInterval(this.pingTimer);
      this.pingTimer = setInterval(() => this.ping(), this.pingMs);
    };
    ws.onmessage = (m) => {
      let f: ServerFrame;
      try {
        f = JSON.parse(String(m.data)) as ServerFrame;
      } catch {
        return;
      }
      this.take(f);
    };
    ws.onclose = (e) => {
      if (this.ws !== ws) return;
      this.ws = null;
      if (this.pingTimer) clearInterval(this.pingTimer);
      this.flush();
      if (e.code === 4001) {
        this.stopped = true;
        return this.set({ status: 'closed', closedReason: e.reason === 'revoked' ? 'revoked' : 'badToken' });
      }
      if (e.code === 4002) {
        // the director changed what this observer may see: reload the whole view from the start
        this.pending = [];
        this.set({ events: [], cursor: null });
      }
      this.retry();
    };
    ws.onerror = () => {
      // onclose follows and schedules the retry
    };
  }

  private retry(): void {
    if (this.stopped) return;
    const wait = this.backoff[Math.min(this.attempt, this.backoff.length - 1)] ?? 2000;
    this.attempt++;
    this.set({ status: 'reconnecting', caughtUp: false });
    this.retryTimer = setTimeout(() => this.open(), wait);
  }

  private ping(): void {
    const ws = this.ws;
    if (!ws || ws.readyState !== WebSocket.OPEN) return;
    if (this.now() - this.lastPong > 2 * this.pingMs) {
      // a half-open link: drop it and reconnect
      ws.close(4000, 'no pong');
      return;
    }
    ws.send(JSON.stringify({ type: 'ping' }));
  }

  private take(f: ServerFrame): void {
    this.lastPong = this.now();
    switch (f.type) {
      case 'welcome':
        this.flush();
        this.set({
          status: 'live',
          you: f.you,
          title: f.drill.title,
          mode: f.drill.mode,
          commitment: f.drill.commitment,
          clock: { phase: f.drill.phase, t: f.drill.t, speed: f.drill.speed, running: f.drill.running, horizonMin: f.drill.horizonMin, receivedAt: this.now() },
        });
        return;
      case 'caughtUp':
        this.flush();
        if (this.snap.status === 'live' && this.attempt > 0) this.set({ caughtUp: true, reconnects: this.snap.reconnects + 1 });
        else this.set({ caughtUp: true });
        this.attempt = 0;
        return;
      case 'clock': {
        const { type: _t, ...c } = f;
        this.flush();
        this.set({ clock: { ...c, receivedAt: this.now() } });
        return;
      }
      case 'pong':
        this.flush();
        this.set({ clock: { ...f.clock, receivedAt: this.now() } });
        return;
      case 'event':
        this.pending.push(f);
        if (!this.flushTimer) this.flushTimer = setTimeout(() => this.flush(), 50);
        return;
      default:
        // results and errors of WebSocket commands: the app sends commands over HTTP
        return;
    }
  }

  /** Applies the records received since the last snapshot. */
  private flush(): void {
    if (this.flushTimer) {
      clearTimeout(this.flushTimer);
      this.flushTimer = null;
    }
    if (!this.pending.length) return;
    const batch = this.pending;
    this.pending = [];
    let clock = this.snap.clock;
    let commitment = this.snap.commitment;
    for (const e of batch) {
      if (e.kind === 'phase' && clock) {
        const to = e.data.to as ClockFrame['phase'];
        clock = { ...clock, phase: to, t: e.t, running: to === 'running', receivedAt: this.now() };
      } else if (e.kind === 'clock' && clock) clock = { ...clock, speed: Number(e.data.speed) || clock.speed, t: Math.max(clock.t, e.t), receivedAt: this.now() };
      else if (e.kind === 'commitment') commitment = String(e.data.commitment);
    }
    this.set({ events: [...this.snap.events, ...batch], cursor: batch.at(-1)!.cursor, clock, commitment });
  }
}

/**
 * Simulated minutes now, extrapolated from the last clock the server sent (display only: the
 * server's clock is the truth and corrects this every second). Pure.
 */
export function displayMinutes(clock: ClockState | null, nowMs: number): number {
  if (!clock) return 0;
  if (!clock.running) return clock.t;
  return Math.min(clock.horizonMin, clock.t + ((nowMs - clock.receivedAt) / 60_000) * clock.speed);
}
