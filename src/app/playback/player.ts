import { countAt, PlaybackCursor, type PlaybackIndex, type PlaybackState } from '../../../engine/playback/index.ts';

/**
 * The playback clock, outside React: the time lives here (a plain field, read by the scene in
 * useFrame), a requestAnimationFrame loop advances it while playing, and React subscribes only
 * to changes of the applied event count (useSyncExternalStore), never to each frame. `speed` is
 * simulated seconds per real second (1×…3600×); the log's unit is minutes (county) or seconds.
 */
export class Player {
  t = 0;
  playing = false;
  speed = 60;
  private cursor: PlaybackCursor;
  /** a position's view ("what did they know?"): its own index, read at the same time */
  private view: PlaybackCursor | null = null;
  private listeners = new Set<() => void>();
  private frameListeners = new Set<() => void>();
  private raf = 0;
  private last = 0;
  private n = 0;
  private viewN = 0;
  private viewIndex: PlaybackIndex | null = null;

  /** `end`: where the timeline ends (default the log's last event; later when a position's view has records after it, e.g. a report released after the last engine event) */
  constructor(
    readonly index: PlaybackIndex,
    private readonly end: number = index.endT,
  ) {
    this.cursor = new PlaybackCursor(index);
  }

  /** the log's time unit per real second at speed 1 */
  private get unitPerSecond(): number {
    return this.index.model.unit === 'min' ? 1 / 60 : 1;
  }

  get endT(): number {
    return Math.max(this.index.endT, this.end);
  }

  /** the state at the current time (the cursor's working copy: read, never change): the ground truth, or the chosen position's view */
  state(): PlaybackState {
    return this.view ? this.view.seek(this.t) : this.cursor.seek(this.t);
  }

  /**
   * Shows a position's view — the state its received records fold to at the same time — or the
   * ground truth again (null). The clock, the timeline and the event list stay the ground truth's.
   */
  setView(index: PlaybackIndex | null): void {
    this.view = index ? new PlaybackCursor(index) : null;
    this.viewIndex = index;
    this.viewN = index ? countAt(index, this.t) : 0;
    for (const f of this.frameListeners) f();
    this.notify();
  }

  private version = 0;

  /** records the shown position had received by the current time (0 for the ground truth) */
  get viewApplied(): number {
    return this.viewN;
  }

  /** events applied at the current time */
  get applied(): number {
    return this.n;
  }

  /** changes when the applied event count or play/pause changes (what React re-renders on) */
  snapshot = (): number => this.version;

  private notify(): void {
    this.version++;
    for (const l of this.listeners) l();
  }

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  /** called on every time change (the scene's invalidate, the clock text) */
  onFrame(fn: () => void): () => void {
    this.frameListeners.add(fn);
    return () => this.frameListeners.delete(fn);
  }

  seek(t: number): void {
    this.t = Math.max(0, Math.min(this.endT, t));
    this.cursor.seek(this.t);
    for (const f of this.frameListeners) f();
    const n = countAt(this.index, this.t);
    const vn = this.viewIndex ? countAt(this.viewIndex, this.t) : 0;
    if (n !== this.n || vn !== this.viewN) {
      this.n = n;
      this.viewN = vn;
      this.notify();
    }
  }

  /** jump to the time of the k-th event (1-based: after it has happened) */
  seekEvent(k: number): void {
    const i = Math.max(0, Math.min(this.index.events.length, k));
    this.seek(i === 0 ? 0 : this.index.events[i - 1]!.t);
  }

  next(): void {
    const i = this.n;
    // skip events at the same time as the current one
    let j = i;
    while (j < this.index.events.length && this.index.events[j]!.t <= this.t) j++;
    if (j < this.index.events.length) this.seek(this.index.events[j]!.t);
  }

  prev(): void {
    let j = this.n - 1;
    while (j >= 0 && this.index.events[j]!.t >= this.t) j--;
    this.seek(j >= 0 ? this.index.events[j]!.t : 0);
  }

  play(): void {
    if (this.playing) return;
    if (this.t >= this.endT) this.seek(0);
    this.playing = true;
    this.last = performance.now();
    const step = (now: number) => {
      if (!this.playing) return;
      const dt = Math.min(0.25, (now - this.last) / 1000);
      this.last = now;
      this.seek(this.t + dt * this.speed * this.unitPerSecond);
      if (this.t >= this.endT) this.pause();
      else this.raf = requestAnimationFrame(step);
    };
    this.raf = requestAnimationFrame(step);
    this.notify();
  }

  pause(): void {
    this.playing = false;
    cancelAnimationFrame(this.raf);
    this.notify();
  }

  dispose(): void {
    this.pause();
    this.listeners.clear();
    this.frameListeners.clear();
  }
}
