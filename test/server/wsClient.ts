import type { FastifyInstance } from 'fastify';

type Ws = Awaited<ReturnType<FastifyInstance['injectWS']>>;

/** A test WebSocket client that records every frame it receives, raw and parsed. */
export class TestClient {
  readonly raw: string[] = [];
  readonly frames: Record<string, unknown>[] = [];
  closed: { code: number; reason: string } | null = null;
  private waiters: (() => void)[] = [];

  constructor(readonly ws: Ws) {
    ws.on('message', (data: Buffer) => {
      const s = data.toString('utf8');
      this.raw.push(s);
      this.frames.push(JSON.parse(s) as Record<string, unknown>);
      this.waiters.splice(0).forEach((w) => w());
    });
    ws.on('close', (code: number, reason: Buffer) => {
      this.closed = { code, reason: reason.toString() };
      this.waiters.splice(0).forEach((w) => w());
    });
  }

  static async open(app: FastifyInstance): Promise<TestClient> {
    await app.ready();
    return new TestClient(await app.injectWS('/ws'));
  }

  send(o: unknown): void {
    this.ws.send(typeof o === 'string' ? o : JSON.stringify(o));
  }

  /** Waits until a frame matches (checking those already received first). */
  async waitFor(pred: (f: Record<string, unknown>) => boolean, ms = 5000): Promise<Record<string, unknown>> {
    const deadline = Date.now() + ms;
    for (;;) {
      const hit = this.frames.find(pred);
      if (hit) return hit;
      if (this.closed) throw new Error(`socket closed (${this.closed.code} ${this.closed.reason}) while waiting`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error('timed out waiting for a frame; got ' + this.raw.slice(-5).join('\n'));
      await new Promise<void>((r) => {
        const t = setTimeout(r, Math.min(left, 50));
        this.waiters.push(() => {
          clearTimeout(t);
          r();
        });
      });
    }
  }

  async waitClosed(ms = 5000): Promise<{ code: number; reason: string }> {
    const deadline = Date.now() + ms;
    while (!this.closed) {
      if (Date.now() > deadline) throw new Error('socket did not close');
      await new Promise((r) => setTimeout(r, 10));
    }
    return this.closed;
  }

  /** Sends a request with an id and waits for its result frame. */
  async request(o: Record<string, unknown>): Promise<Record<string, unknown>> {
    const id = String(o.id ?? `r${Math.random().toString(36).slice(2)}`);
    this.send({ ...o, id });
    return this.waitFor((f) => f.type === 'result' && f.re === id);
  }

  events(): Record<string, unknown>[] {
    return this.frames.filter((f) => f.type === 'event');
  }

  close(): void {
    this.ws.terminate();
  }
}
