import { createActor, type AnyActorRef, type AnyStateMachine, type EventFromLogic, type InputFrom } from 'xstate';

/** One running statechart as the simulation sees it: its state name and a way to send events. */
export interface MachineInstance<E extends { type: string }> {
  /** Flattened state value, e.g. "watch.evacuated". */
  readonly value: string;
  /** Sends an event; returns true when the state value changed. */
  send(event: E): boolean;
}

/** "a" for "a", "watch.monitoring" for { watch: "monitoring" }; pure. */
export function flattenStateValue(value: unknown): string {
  if (typeof value === 'string') return value;
  const entries = Object.entries(value as Record<string, unknown>);
  return entries.map(([k, v]) => `${k}.${flattenStateValue(v)}`).join('|');
}

/**
 * Runs a machine as a live XState actor — exactly as a drill runs it. The actor is started
 * at once; no delayed transitions are used, so no timers are involved.
 */
export function actorInstance<M extends AnyStateMachine>(
  machine: M,
  input?: InputFrom<M>,
): MachineInstance<EventFromLogic<M>> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const actor = (createActor as any)(machine, input === undefined ? {} : { input }) as AnyActorRef;
  actor.start();
  let value = flattenStateValue(actor.getSnapshot().value);
  return {
    get value() {
      return value;
    },
    send(event) {
      // a final state takes no more events (XState would only warn)
      if (actor.getSnapshot().status === 'done') return false;
      actor.send(event);
      const next = flattenStateValue(actor.getSnapshot().value);
      const changed = next !== value;
      value = next;
      return changed;
    },
  };
}
