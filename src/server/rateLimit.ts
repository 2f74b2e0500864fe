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
