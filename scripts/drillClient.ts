/**
 * A small network client for the drill server (HTTP via fetch, WebSocket via `ws`), used by
 * the load script and the crash-recovery test. Records every frame it receives.
 */
// @ts-expect-error — `ws` ships no type declarations; the few members used are typed below
import WsImpl from 'ws';

interface RawSocket {
  readyState: number;
  send(data: string, cb?: (err?: Error) => void): void;
  close(code?: number): void;
  terminate(): void;
  on(event: 'open', cb: () => void): void;
  on(event: 'message', cb: (data: Buffer) => void): void;
  on(event: 'close', cb: (code: number, reason: Buffer) => void): void;
  on(event: 'error', cb: (err: Error) => void): void;
}
const WebSocketCtor = WsImpl as unknown as new (url: string, opts?: { maxPayload?: number }) => RawSocket;

export type Frame = Record<string, unknown>;

export async function api(base: string, method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(base + path, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    json = { text };
  }
  return { status: res.status, json };
}

export class NetClient {
  readonly frames: Frame[] = [];
  /** wall-clock receipt time (Date.now(), ms) of each frame, parallel to `frames`: the server stamps `at` with the same clock */
  readonly received: number[] = [];
  closed: { code: number } | null = null;
  private waiters: (() => void)[] = [];
  private n = 0;

  private constructor(private readonly ws: RawSocket) {
    ws.on('message', (data) => {
      this.received.push(Date.now());
      this.frames.push(JSON.parse(data.toString('utf8')) as Frame);
      this.wake();
    });
    ws.on('close', (code) => {
      this.closed = { code };
      this.wake();
    });
    ws.on('error', () => {});
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    w.forEach((f) => f());
  }

  static connect(wsUrl: string): Promise<NetClient> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocketCtor(wsUrl);
      const c = new NetClient(ws);
      ws.on('open', () => resolve(c));
      ws.on('error', reject);
    });
  }

  send(o: unknown): void {
    if (this.ws.readyState === 1) this.ws.send(JSON.stringify(o));
  }

  async waitFor(pred: (f: Frame) => boolean, ms = 10_000, from = 0): Promise<Frame> {
    const deadline = Date.now() + ms;
    let i = from;
    for (;;) {
      for (; i < this.frames.length; i++) if (pred(this.frames[i]!)) return this.frames[i]!;
      if (this.closed) throw new Error(`socket closed (${this.closed.code}) while waiting`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error('timed out waiting for a frame');
      await new Promise<void>((r) => {
        const t = setTimeout(r, Math.min(left, 100));
        this.waiters.push(() => {
          clearTimeout(t);
          r();
        });
      });
    }
  }

  async request(o: Frame, ms = 10_000): Promise<Frame> {
    const id = String(o.id ?? `q${++this.n}`);
    const from = this.frames.length;
    this.send({ ...o, id });
    return this.waitFor((f) => (f.type === 'result' || f.type === 'error') && f.re === id, ms, from);
  }

  async hello(token: string, since?: string | number): Promise<void> {
    const from = this.frames.length;
    this.send({ type: 'hello', token, ...(since === undefined ? {} : { since }) });
    await this.waitFor((f) => f.type === 'caughtUp', 10_000, from);
  }

  events(): Frame[] {
    return this.frames.filter((f) => f.type === 'event');
  }

  async waitClosed(ms = 10_000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!this.closed) {
      if (Date.now() > deadline) throw new Error('socket did not close');
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  close(): void {
    this.ws.terminate();
  }
}
