import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EventQueue } from '../../../engine/sim/eventQueue.ts';

interface Entry {
  time: number;
  priority: number;
  seq: number;
  item: { id: number };
}

/** The order the queue promises: time, then priority, then insertion. */
function before(a: Entry, b: Entry): boolean {
  if (a.time !== b.time) return a.time < b.time;
  if (a.priority !== b.priority) return a.priority < b.priority;
  return a.seq < b.seq;
}

/** Reference: a plain list, scanned for the first entry on each pop. */
class ListQueue {
  entries: Entry[] = [];
  private seq = 0;
  push(time: number, priority: number, item: { id: number }): void {
    this.entries.push({ time, priority, seq: this.seq++, item });
  }
  private first(): number {
    let best = 0;
    for (let i = 1; i < this.entries.length; i++) if (before(this.entries[i]!, this.entries[best]!)) best = i;
    return best;
  }
  pop(): Entry | undefined {
    if (this.entries.length === 0) return undefined;
    return this.entries.splice(this.first(), 1)[0];
  }
  /** The time of the event that pops next (so -0 and +0 stay apart, as pushed). */
  peekTime(): number {
    return this.entries.length === 0 ? Infinity : this.entries[this.first()]!.time;
  }
}

const timeArb = fc.oneof(
  fc.integer({ min: 0, max: 10 }), // many simultaneous events
  fc.integer({ min: -1000, max: 100_000 }),
  fc.double({ min: -1e6, max: 1e9, noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -0, 0.1 + 0.2, 0.3, Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE),
);
const priorityArb = fc.oneof(
  fc.integer({ min: 0, max: 3 }),
  fc.integer({ min: -50, max: 50 }),
  fc.constantFrom(Infinity, -Infinity),
  fc.double({ min: -10, max: 10, noNaN: true }),
);
type Op = { kind: 'push'; time: number; priority: number } | { kind: 'pop' };
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('push' as const), time: timeArb, priority: priorityArb }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'pop' as const }) },
);

describe('EventQueue', () => {
  it('is empty to begin with', () => {
    const q = new EventQueue<string>();
    expect(q.size).toBe(0);
    expect(q.peekTime()).toBe(Infinity);
    expect(q.pop()).toBeUndefined();
  });

  it('orders by time, then priority, then insertion', () => {
    const q = new EventQueue<string>();
    q.push(5, 0, 'late');
    q.push(1, 2, 'early-p2-first');
    q.push(1, 1, 'early-p1');
    q.push(1, 2, 'early-p2-second');
    q.push(0, 9, 'earliest');
    q.push(1, 2, 'early-p2-third');
    const out: string[] = [];
    for (let e = q.pop(); e; e = q.pop()) out.push(e.item);
    expect(out).toEqual(['earliest', 'early-p1', 'early-p2-first', 'early-p2-second', 'early-p2-third', 'late']);
  });

  it('fires 1 000 simultaneous equal-priority events first in, first out', () => {
    const q = new EventQueue<number>();
    for (let i = 0; i < 1000; i++) q.push(42, 0, i);
    const out: number[] = [];
    for (let e = q.pop(); e; e = q.pop()) out.push(e.item);
    expect(out).toEqual(Array.from({ length: 1000 }, (_, i) => i));
  });

  it('returns the time with the item, and the same item object', () => {
    const q = new EventQueue<{ n: number }>();
    const a = { n: 1 };
    q.push(2.5, 0, a);
    expect(q.peekTime()).toBe(2.5);
    const e = q.pop()!;
    expect(e.time).toBe(2.5);
    expect(e.item).toBe(a);
  });

  it.each([NaN, Infinity, -Infinity])('rejects a non-finite time (%s) and stays intact', (t) => {
    const q = new EventQueue<string>();
    q.push(1, 0, 'a');
    expect(() => q.push(t, 0, 'bad')).toThrow(RangeError);
    expect(q.size).toBe(1);
    q.push(1, 0, 'b');
    expect(q.pop()!.item).toBe('a');
    expect(q.pop()!.item).toBe('b');
    expect(q.pop()).toBeUndefined();
  });

  it('property: pushes interleaved with pops come out in (time, priority, insertion) order', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 400 }), (ops) => {
        const q = new EventQueue<{ id: number }>();
        const ref = new ListQueue();
        let id = 0;
        const check = () => {
          expect(q.size).toBe(ref.entries.length);
          expect(Object.is(q.peekTime(), ref.peekTime()), `peekTime ${q.peekTime()} vs ${ref.peekTime()}`).toBe(true);
        };
        for (const op of ops) {
          if (op.kind === 'push') {
            const item = { id: id++ };
            q.push(op.time, op.priority, item);
            ref.push(op.time, op.priority, item);
          } else {
            const got = q.pop();
            const want = ref.pop();
            if (want === undefined) expect(got).toBeUndefined();
            else {
              expect(got!.item).toBe(want.item);
              expect(Object.is(got!.time, want.time)).toBe(true);
            }
          }
          check();
        }
        // drain: what is left comes out sorted, each item exactly once
        const drained: Entry[] = [];
        for (let e = q.pop(); e; e = q.pop()) {
          const want = ref.pop()!;
          expect(e.item).toBe(want.item);
          drained.push(want);
        }
        expect(ref.entries.length).toBe(0);
        for (let i = 1; i < drained.length; i++) expect(before(drained[i - 1]!, drained[i]!)).toBe(true);
        check();
      }),
      { numRuns: 500 },
    );
  });

  it('property: popItem (after peekTime) gives what pop gives, and a cleared queue orders as a new one', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 300 }), fc.array(opArb, { maxLength: 300 }), (earlier, ops) => {
        const a = new EventQueue<number>();
        const b = new EventQueue<number>();
        // b has had other events, some left in it, before it is cleared
        for (const [i, op] of earlier.entries()) if (op.kind === 'push') b.push(op.time, op.priority, -1 - i);
        else b.popItem();
        b.clear();
        expect(b.size).toBe(0);
        expect(b.peekTime()).toBe(Infinity);
        let id = 0;
        for (const op of ops) {
          if (op.kind === 'push') {
            a.push(op.time, op.priority, id);
            b.push(op.time, op.priority, id++);
          } else {
            const t = b.peekTime();
            const want = a.pop();
            const got = b.popItem();
            if (want === undefined) expect(got).toBeUndefined();
            else {
              expect(got).toBe(want.item);
              expect(Object.is(t, want.time)).toBe(true);
            }
          }
          expect(b.size).toBe(a.size);
        }
        for (let e = a.pop(); e; e = a.pop()) expect(b.popItem()).toBe(e.item);
        expect(b.popItem()).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });

  it('property: a failed push (non-finite time) disturbs neither the order nor the insertion counter', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.record({ time: timeArb, priority: priorityArb }), fc.constantFrom(NaN, Infinity, -Infinity)), { maxLength: 200 }),
        (pushes) => {
          const q = new EventQueue<number>();
          const ref = new ListQueue();
          pushes.forEach((p, i) => {
            if (typeof p === 'number') expect(() => q.push(p, 0, i)).toThrow(RangeError);
            else {
              q.push(p.time, p.priority, i);
              ref.push(p.time, p.priority, { id: i });
            }
          });
          expect(q.size).toBe(ref.entries.length);
          for (let e = q.pop(); e; e = q.pop()) expect(e.item).toBe(ref.pop()!.item.id);
          expect(ref.entries.length).toBe(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});
