/**
 * The discrete-event kernel's agenda: a binary min-heap ordered by
 * (time, priority, insertion counter), so simultaneous events fire in a total,
 * reproducible order (SimPy/Mesa style). Time is simulated minutes. Pure data structure.
 */
export class EventQueue<E> {
  private times: number[] = [];
  private prios: number[] = [];
  private seqs: number[] = [];
  private items: E[] = [];
  private counter = 0;

  get size(): number {
    return this.items.length;
  }

  /** Schedules `item` at `time` (minutes); lower priority numbers fire first among equal times. */
  push(time: number, priority: number, item: E): void {
    if (!Number.isFinite(time)) throw new RangeError(`event time must be finite, got ${time}`);
    const i = this.items.length;
    this.times.push(time);
    this.prios.push(priority);
    this.seqs.push(this.counter++);
    this.items.push(item);
    this.up(i);
  }

  /**
   * Empties the queue and restarts the insertion counter: then it orders what is pushed exactly as
   * a new queue would, in the arrays it already has (TrialArena hands one queue to every trial).
   */
  clear(): void {
    this.times.length = 0;
    this.prios.length = 0;
    this.seqs.length = 0;
    this.items.length = 0;
    this.counter = 0;
  }

  /** Time of the next event, or Infinity when empty. */
  peekTime(): number {
    return this.items.length > 0 ? this.times[0]! : Infinity;
  }

  /** Priority of the next event, or Infinity when empty. */
  peekPriority(): number {
    return this.items.length > 0 ? this.prios[0]! : Infinity;
  }

  /** Removes and returns the next event with its time, or undefined when empty. */
  pop(): { time: number; item: E } | undefined {
    if (this.items.length === 0) return undefined;
    const time = this.times[0]!;
    return { time, item: this.popItem()! };
  }

  /**
   * Removes and returns the next event, or undefined when empty; its time is what `peekTime`
   * said just before. The kernel's path: no `{ time, item }` record per event.
   */
  popItem(): E | undefined {
    const n = this.items.length;
    if (n === 0) return undefined;
    const item = this.items[0]!;
    this.swap(0, n - 1);
    this.times.pop();
    this.prios.pop();
    this.seqs.pop();
    this.items.pop();
    if (n > 1) this.down(0);
    return item;
  }

  private less(a: number, b: number): boolean {
    const ta = this.times[a]!;
    const tb = this.times[b]!;
    if (ta !== tb) return ta < tb;
    const pa = this.prios[a]!;
    const pb = this.prios[b]!;
    if (pa !== pb) return pa < pb;
    return this.seqs[a]! < this.seqs[b]!;
  }

  private swap(a: number, b: number): void {
    const t = this.times[a]!;
    this.times[a] = this.times[b]!;
    this.times[b] = t;
    const p = this.prios[a]!;
    this.prios[a] = this.prios[b]!;
    this.prios[b] = p;
    const q = this.seqs[a]!;
    this.seqs[a] = this.seqs[b]!;
    this.seqs[b] = q;
    const e = this.items[a]!;
    this.items[a] = this.items[b]!;
    this.items[b] = e;
  }

  private up(i: number): void {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(i, p)) break;
      this.swap(i, p);
      i = p;
    }
  }

  private down(i: number): void {
    const n = this.items.length;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < n && this.less(l, m)) m = l;
      if (r < n && this.less(r, m)) m = r;
      if (m === i) return;
      this.swap(i, m);
      i = m;
    }
  }
}
