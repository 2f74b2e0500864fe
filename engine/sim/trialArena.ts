import type { LazyTree } from '../world/lazyTree.ts';
import type { World } from '../world/world.ts';
import type { Agenda } from './agenda.ts';
import { EventQueue } from './eventQueue.ts';
import { openingStockSeries, TrialArrays, type StockPoint } from './trialArrays.ts';

/**
 * One thread's storage for the trials of one world that run strictly one after another (Monte
 * Carlo's `runChunk`): each `take` hands back the same typed arrays, tree memo, stock series and agenda,
 * reset to exactly what a fresh `Trial` starts with, so a trial allocates none of them. The
 * trial taken last keeps them as it left them until the next `take` (its row is read from them),
 * which overwrites them: a trial built on the arena must be finished with before the next one
 * starts. Engine-deciding trials only (mode 'auto'); drills, `run`, playback and tests make
 * fresh trials. Single-threaded scratch, one per world per worker.
 */
export class TrialArena {
  private readonly arrays: TrialArrays;
  /** the arrays' bytes as a fresh trial has them */
  private readonly initial: Uint8Array;
  /** TrialRouting's tree memo: `take` sets every entry undefined, as a fresh trial's `[]` reads */
  readonly memoTree: (LazyTree | undefined)[] = [];
  /**
   * Trial.stockSeries' storage, cut back to its opening points by `take`: the series is only ever
   * appended to (`recordStock`), so those points, made once, serve every trial
   */
  readonly stockSeries: StockPoint[];
  private readonly opening: readonly StockPoint[];
  /** storage of the trial's rows of lazily made statecharts (LazyMachines empties them) and of its team slots (Trial fills them) */
  readonly siteMachines: unknown[] = [];
  readonly linkMachines: unknown[] = [];
  readonly teamMachines: unknown[] = [];
  readonly teamTask: unknown[] = [];
  readonly teamTravel: unknown[] = [];
  readonly teamStreams: unknown[] = [];
  /** Trial.queue: emptied by `take` (events past the last trial's horizon are still in it) */
  readonly queue = new EventQueue<Agenda>();

  private constructor(readonly world: World) {
    this.arrays = new TrialArrays(world, true);
    this.initial = this.arrays.bytes.slice();
    this.opening = openingStockSeries(world);
    this.stockSeries = this.opening.slice();
  }

  private static readonly byWorld = new WeakMap<World, TrialArena>();

  /** The arena of `world` in this thread, made on first use. */
  static of(world: World): TrialArena {
    let a = TrialArena.byWorld.get(world);
    if (!a) {
      a = new TrialArena(world);
      TrialArena.byWorld.set(world, a);
    }
    return a;
  }

  /** The arrays for the next trial, reset to their starting values (the last trial's are gone). */
  take(): TrialArrays {
    this.arrays.bytes.set(this.initial);
    this.memoTree.fill(undefined);
    this.queue.clear();
    const series = this.stockSeries;
    const n = this.opening.length;
    series.length = n;
    for (let i = 0; i < n; i++) series[i] = this.opening[i]!;
    return this.arrays;
  }
}
