import type { MachineInstance } from '../machines/host.ts';

/**
 * A row of statechart instances created only when first sent an event: an instance never
 * touched is in its initial state, so most of a county's 300+ road links cost nothing.
 */
export class LazyMachines<E extends { type: string }> {
  private readonly items: (MachineInstance<E> | undefined)[];

  /** `storage`: an array to hold the instances (emptied here; TrialArena lends one per row), else a new one */
  constructor(
    readonly length: number,
    private readonly make: () => MachineInstance<E>,
    private readonly initial: string,
    storage?: unknown[],
  ) {
    if (storage) {
      storage.length = length;
      storage.fill(undefined);
      this.items = storage as (MachineInstance<E> | undefined)[];
    } else this.items = new Array<MachineInstance<E> | undefined>(length);
  }

  /** The instance, created on first use. */
  get(i: number): MachineInstance<E> {
    let m = this.items[i];
    if (!m) {
      m = this.make();
      this.items[i] = m;
    }
    return m;
  }

  /** Its state value, without creating it. */
  value(i: number): string {
    return this.items[i]?.value ?? this.initial;
  }
}
