/**
 * Failure limiter for passwords and drill codes: after `max` failures within `windowMs` a key
 * (an address, or an address and a drill) is blocked for `blockMs`, doubling on each further
 * block up to an hour. The clock is injected.
 */
export class FailureLimiter {
  private readonly entries = new Map<string, { fails: number[]; blockedUntil: number; blocks: number }>();

  constructor(
    private readonly now: () => number,
    private readonly max = 5,
    private readonly windowMs = 60_000,
    private readonly blockMs = 60_000,
  ) {}

  /** Milliseconds until the key may try again (0: now). */
  retryAfter(key: string): number {
    const e = this.entries.get(key);
    return e ? Math.max(0, e.blockedUntil - this.now()) : 0;
  }

  fail(key: string): void {
    const now = this.now();
    const e = this.entries.get(key) ?? { fails: [], blockedUntil: 0, blocks: 0 };
    e.fails = e.fails.filter((t) => now - t < this.windowMs);
    e.fails.push(now);
    if (e.fails.length >= this.max) {
      e.blockedUntil = now + Math.min(3_600_000, this.blockMs * 2 ** e.blocks);
      e.blocks++;
      e.fails = [];
    }
    this.entries.set(key, e);
    if (this.entries.size > 100_000) this.sweep();
  }

  succeed(key: string): void {
    this.entries.delete(key);
  }

  private sweep(): void {
    const now = this.now();
    for (const [k, e] of this.entries) if (e.blockedUntil < now && e.fails.every((t) => now - t >= this.windowMs)) this.entries.delete(k);
  }
}

/** Token bucket for messages on one connection: `rate` per second, bursts up to `burst`. */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly now: () => number,
    private readonly rate = 20,
    private readonly burst = 60,
  ) {
    this.tokens = burst;
    this.last = now();
  }

  take(): boolean {
    const now = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.rate);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/**
 * Token buckets by key (a participant id): one budget per participant, whatever the transport,
 * so HTTP requests and WebSocket messages draw on the same `rate` per second and `burst`.
 * Idle full buckets are dropped when the map grows past `maxKeys`.
 */
export class KeyedBuckets {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(
    private readonly now: () => number,
    private readonly rate = 20,
    private readonly burst = 60,
    private readonly maxKeys = 100_000,
  ) {}

  /** Takes one token for `key`; returns 0 when allowed, else the milliseconds until one is free. */
  take(key: string): number {
    let b = this.buckets.get(key);
    if (!b) {
      if (this.buckets.size >= this.maxKeys) this.buckets.clear();
      b = new TokenBucket(this.now, this.rate, this.burst);
      this.buckets.set(key, b);
    }
    return b.take() ? 0 : Math.max(1, Math.ceil(1000 / this.rate));
  }
}

/** What a limit is counted on. */
export type FailureKind = 'token' | 'code' | 'password' | 'admin';

export interface LimitOptions {
  /** per participant, both transports: requests or messages per second and burst (default 20/s, 60) */
  actionRate?: number;
  actionBurst?: number;
  /** wrong codes from one address per minute before a block (default 20: a classroom behind one NAT mistypes) */
  maxCodeFailures?: number;
  /** drill creations: burst and per minute, over the whole server (default 10 and 10/min) */
  createBurst?: number;
  createPerMin?: number;
}

/**
 * The drill server's limits, one object for HTTP and WebSocket alike (pure policy; the clock
 * is injected):
 * - **actions**: every authenticated request or message draws on its participant's bucket;
 * - **tokens** (256-bit, unguessable): failures are counted per address; once blocked, an
 *   address gets 429/4029 for wrong tokens, but a valid token is still accepted from it, so one
 *   pupil's stale token does not lock out a classroom behind one NAT;
 * - **codes** (per address) and **passwords** (per address and drill) and the **admin token**
 *   (per address) are guessable: a blocked key is refused before the secret is checked.
 */
export class ServerLimits {
  private readonly failures: Record<FailureKind, FailureLimiter>;
  private readonly actions: KeyedBuckets;
  private readonly creations: TokenBucket;

  constructor(now: () => number, o: LimitOptions = {}) {
    this.failures = {
      token: new FailureLimiter(now),
      code: new FailureLimiter(now, o.maxCodeFailures ?? 20),
      password: new FailureLimiter(now),
      admin: new FailureLimiter(now),
    };
    this.actions = new KeyedBuckets(now, o.actionRate ?? 20, o.actionBurst ?? 60);
    this.creations = new TokenBucket(now, (o.createPerMin ?? 10) / 60, o.createBurst ?? 10);
  }

  /** Milliseconds before a failure-prone check of `kind` may run for `key` (0: now). */
  blocked(kind: FailureKind, key: string): number {
    return this.failures[kind].retryAfter(key);
  }

  failed(kind: FailureKind, key: string): void {
    this.failures[kind].fail(key);
  }

  /** A right password or code clears its key; valid tokens clear nothing (a valid token of one's own must not wipe a guessing record). */
  succeeded(kind: Exclude<FailureKind, 'token'>, key: string): void {
    this.failures[kind].succeed(key);
  }

  /** One request or message by a participant: 0 when allowed, else ms until the next is. */
  action(participantId: string): number {
    return this.actions.take(participantId);
  }

  /** One drill creation: false when over the server's creation rate. */
  create(): boolean {
    return this.creations.take();
  }
}
