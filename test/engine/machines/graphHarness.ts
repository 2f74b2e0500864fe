/**
 * Shared helpers for the statechart tests: enumerate a machine's reachable states with
 * `xstate/graph`, replay each path on a fresh live actor, and check every explored transition
 * against a hand-written reference model.
 */
import { expect, vi } from 'vitest';
import { createActor, type AnyMachineSnapshot, type AnyStateMachine, type EventObject } from 'xstate';
import { getAdjacencyMap, getShortestPaths, getSimplePaths, type StatePath } from 'xstate/graph';
import { flattenStateValue } from '../../../engine/machines/host.ts';

export type Snap = AnyMachineSnapshot;
export type Path = StatePath<Snap, EventObject>;

export interface Exploration {
  /** serialises a snapshot for the traversal; must include whatever context matters */
  serializeState?: (snapshot: Snap) => string;
  /** every event payload to try in every state */
  events: readonly EventObject[];
  input?: unknown;
}

/** What a path step claims about the machine: value, context and whether it is done. */
export function observe(s: Snap): { value: string; context: unknown; status: string } {
  return { value: flattenStateValue(s.value), context: s.context, status: s.status };
}

/** Default serialisation: flattened value plus the full context (context drives guards). */
export function serializeWithContext(s: Snap): string {
  return JSON.stringify({ v: flattenStateValue(s.value), c: s.context ?? null });
}

// The xstate/graph generics are precise per machine; these helpers are machine-agnostic.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type LooseOptions = any;

function options(x: Exploration): LooseOptions {
  return {
    events: x.events,
    serializeState: x.serializeState ?? serializeWithContext,
    ...(x.input === undefined ? {} : { input: x.input }),
  };
}

export function shortestPaths(machine: AnyStateMachine, x: Exploration): Path[] {
  return getShortestPaths(machine, options(x)) as unknown as Path[];
}

export function simplePaths(machine: AnyStateMachine, x: Exploration): Path[] {
  return getSimplePaths(machine, options(x)) as unknown as Path[];
}

/** Every explored edge (state, event, next state) of the traversal. */
export function edges(machine: AnyStateMachine, x: Exploration): { state: Snap; event: EventObject; next: Snap }[] {
  const adj = getAdjacencyMap(machine, options(x)) as unknown as Record<
    string,
    { state: Snap; transitions: Record<string, { event: EventObject; state: Snap }> }
  >;
  const out: { state: Snap; event: EventObject; next: Snap }[] = [];
  for (const v of Object.values(adj)) for (const t of Object.values(v.transitions)) out.push({ state: v.state, event: t.event, next: t.state });
  return out;
}

/** Number of distinct states the traversal visits (under its serialisation). */
export function vertexCount(machine: AnyStateMachine, x: Exploration): number {
  return Object.keys(getAdjacencyMap(machine, options(x)) as object).length;
}

/** The set of flattened state values over all paths' end states. */
export function reachedValues(paths: Path[]): string[] {
  return [...new Set(paths.map((p) => flattenStateValue(p.state.value)))].sort();
}

/** A started live actor, exactly as engine/machines/host.ts starts one. */
export function startActor(machine: AnyStateMachine, input?: unknown) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return (createActor as any)(machine, input === undefined ? {} : { input }).start() as ReturnType<typeof createActor<AnyStateMachine>>;
}

/**
 * Replays a path on a fresh actor: the first step is xstate.init (the initial state); each later
 * step's event is sent and the actor must land in the step's state: same flattened value, same
 * status and same serialisation (which is the full context unless the exploration abstracts it).
 * Returns the number of events sent.
 */
export function replay(machine: AnyStateMachine, path: Path, x: Pick<Exploration, 'input' | 'serializeState'> = {}): number {
  const key = x.serializeState ?? serializeWithContext;
  // one string per claim; expect() only on a mismatch (keeps 10⁴-path replays fast)
  const claim = (s: Snap) => `${flattenStateValue(s.value)} ${s.status} ${key(s)}`;
  const same = (actual: Snap, claimed: Snap, what: string) => {
    const a = claim(actual);
    const c = claim(claimed);
    if (a !== c) expect(a, `${what} (path: ${path.steps.map((st) => JSON.stringify(st.event)).join(' ')})`).toBe(c);
  };
  const [first, ...rest] = path.steps;
  expect(first, 'path has an init step').toBeDefined();
  expect(first!.event.type).toBe('xstate.init');
  const actor = startActor(machine, x.input);
  same(actor.getSnapshot(), first!.state, 'initial state');
  for (const step of rest) {
    actor.send(step.event);
    same(actor.getSnapshot(), step.state, `after ${JSON.stringify(step.event)}`);
  }
  same(actor.getSnapshot(), path.state, 'end state');
  actor.stop();
  return rest.length;
}

/** A transition table for an event-only machine: state → event type → next state (absent = ignored). */
export type Table = Record<string, Partial<Record<string, string>>>;

/** Next state per the table; an event the table does not list leaves the state unchanged. */
export function tableNext(table: Table, state: string, eventType: string): string {
  return table[state]?.[eventType] ?? state;
}

/** Reachability over explored edges: the flattened values reachable from `from`. */
export function reachableFrom(es: { state: Snap; next: Snap }[], from: string): Set<string> {
  const out = new Map<string, Set<string>>();
  for (const e of es) {
    const a = flattenStateValue(e.state.value);
    if (!out.has(a)) out.set(a, new Set());
    out.get(a)!.add(flattenStateValue(e.next.value));
  }
  const seen = new Set([from]);
  const stack = [from];
  while (stack.length > 0) {
    const v = stack.pop()!;
    for (const w of out.get(v) ?? []) if (!seen.has(w)) (seen.add(w), stack.push(w));
  }
  return seen;
}

/**
 * Sends events to an actor that has reached a final state and checks they change nothing.
 * XState warns on console about events sent to a stopped actor; that warning is expected here
 * and silenced (its presence is asserted).
 */
export function expectFinalIgnores(actor: ReturnType<typeof startActor>, events: readonly EventObject[]): void {
  const before = actor.getSnapshot();
  expect(before.status).toBe('done');
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  try {
    for (const ev of events) actor.send(ev);
    expect(warn).toHaveBeenCalled();
  } finally {
    warn.mockRestore();
  }
  const after = actor.getSnapshot();
  expect(after.status).toBe('done');
  expect(after.value).toEqual(before.value);
  expect(after.context).toEqual(before.context);
}

/**
 * The graph checks shared by the event-only machines: the reachable values are exactly
 * `table`'s states; every shortest and every simple path replays on a fresh actor; every explored
 * (state, event) pair lands where the table says; `done` exactly in the `finals`.
 */
export function checkTableMachine(machine: AnyStateMachine, table: Table, finals: readonly string[]): void {
  const eventTypes = [...new Set(Object.values(table).flatMap((row) => Object.keys(row)))].sort();
  const x: Exploration = { events: eventTypes.map((type) => ({ type })) };
  const shortest = shortestPaths(machine, x);
  expect(reachedValues(shortest)).toEqual(Object.keys(table).sort());
  expect(shortest.length).toBe(Object.keys(table).length);
  for (const p of shortest) replay(machine, p, x);
  const simple = simplePaths(machine, x);
  expect(reachedValues(simple)).toEqual(Object.keys(table).sort());
  expect(simple.length).toBeGreaterThanOrEqual(shortest.length);
  for (const p of simple) replay(machine, p, x);
  const es = edges(machine, x);
  expect(es.length).toBe(Object.keys(table).length * eventTypes.length);
  for (const { state, event, next } of es) {
    const from = flattenStateValue(state.value);
    expect(flattenStateValue(next.value), `${from} + ${event.type}`).toBe(tableNext(table, from, event.type));
    expect(next.status, flattenStateValue(next.value)).toBe(finals.includes(flattenStateValue(next.value)) ? 'done' : 'active');
  }
}
