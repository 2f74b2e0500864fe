import type { AnyStateMachine } from 'xstate';
import type { MachineInstance } from './host.ts';

type Ctx = Record<string, unknown>;
type Ev = { type: string };
/* eslint-disable @typescript-eslint/no-explicit-any */
type Node = any;

/** What a guard or an assigner is called with: XState's `{ context, event }` (one object per send, reused). */
export interface GuardArgs {
  context: Ctx;
  event: Ev;
}
type Guard = (args: GuardArgs, params: unknown) => boolean;
type Assigner = (args: GuardArgs, params: unknown) => unknown;

/**
 * One `assign` action: per key of its assignment object, an assigner or (`fns[k]` null) the
 * constant `consts[k]`; or, for `assign(fn)`, `whole`, whose result is merged into the context.
 */
export interface CompiledAssign {
  keys: string[];
  fns: (Assigner | null)[];
  consts: unknown[];
  params: unknown;
  whole: ((args: GuardArgs, params: unknown) => Ctx) | null;
}

/** One row of the flat table: guard (the implementation and its params), assigns, target state index (−1 = stay). */
export interface CompiledTransition {
  guard: Guard | null;
  guardParams: unknown;
  actions: CompiledAssign[];
  target: number;
}

/**
 * A statechart flattened to a transition table: state × event type → ordered transitions
 * (the leaf's own, then its ancestors', as XState selects them). Guards and context updates
 * are the very implementations named in the machine's `setup({...})`, so the table cannot
 * drift from the chart; the property test in test/engine/machines proves equal states and
 * contexts for random event sequences.
 */
export interface CompiledMachine {
  id: string;
  /** flattened leaf state values, e.g. "watch.evacuated" */
  states: string[];
  initial: number;
  initialContext: (input: unknown) => Ctx;
  table: Record<string, CompiledTransition[]>[];
}

/**
 * Compiles a machine built with `setup({...}).createMachine(...)`. Supports what yanlian's
 * machines use — nested (non-parallel) states, guards with params, `assign` actions — and
 * throws on anything it would get wrong (entry/exit actions, invoke, delays, always, history,
 * parallel states, custom actions), rather than silently diverging. Pure.
 */
export function compileMachine(machine: AnyStateMachine): CompiledMachine {
  const m = machine as any;
  const impl = m.implementations as { guards: Record<string, any>; actions: Record<string, any> };
  const leaves: Node[] = [];
  const walk = (node: Node) => {
    if (node.type === 'parallel' || node.type === 'history') throw unsupported(node, node.type + ' states');
    if (node.entry?.length || node.exit?.length) throw unsupported(node, 'entry/exit actions');
    if (node.invoke?.length) throw unsupported(node, 'invoke');
    if (node.always?.length) throw unsupported(node, 'always transitions');
    for (const key of node.transitions.keys())
      if (typeof key !== 'string' || key.startsWith('xstate.after') || key === '*') throw unsupported(node, `event "${String(key)}"`);
    const children = Object.values(node.states ?? {}) as Node[];
    if (children.length === 0) leaves.push(node);
    else children.forEach(walk);
  };
  walk(m.root);
  const name = (leaf: Node) => (leaf.path as string[]).join('.');
  const states = leaves.map(name);
  const leafOf = (node: Node): number => {
    let n = node;
    while (n.type === 'compound') n = n.initial.target[0];
    return states.indexOf(name(n));
  };

  // guards and assigners are the machine's own implementations, called as XState calls them
  // (`{ context, event }`, params); the instance passes one reused argument object
  const guardOf = (g: any): { guard: Guard | null; guardParams: unknown } => {
    if (g === undefined) return { guard: null, guardParams: undefined };
    if (typeof g === 'function') return { guard: (args) => g(args, undefined), guardParams: undefined };
    const type = typeof g === 'string' ? g : g.type;
    const fn = impl.guards[type];
    if (typeof fn !== 'function' || fn.check) throw new Error(`compileMachine(${m.id}): guard "${type}" is not a plain guard`);
    return { guard: fn, guardParams: typeof g === 'string' ? undefined : g.params };
  };
  const actionOf = (a: any): CompiledAssign => {
    const type = typeof a === 'string' ? a : a.type;
    const params = typeof a === 'string' ? undefined : a.params;
    const fn = typeof a === 'function' ? a : impl.actions[type];
    if (!fn || fn.type !== 'xstate.assign') throw new Error(`compileMachine(${m.id}): action "${type}" is not an assign`);
    const assignment = fn.assignment;
    if (typeof assignment === 'function') return { keys: [], fns: [], consts: [], params, whole: assignment };
    const keys = Object.keys(assignment);
    return {
      keys,
      fns: keys.map((k) => (typeof assignment[k] === 'function' ? assignment[k] : null)),
      consts: keys.map((k) => (typeof assignment[k] === 'function' ? undefined : assignment[k])),
      params,
      whole: null,
    };
  };

  const table = leaves.map((leaf) => {
    const row: Record<string, CompiledTransition[]> = {};
    for (let n: Node = leaf; n; n = n.parent) {
      for (const [type, list] of n.transitions as Map<string, any[]>) {
        const out = (row[type] ??= []);
        for (const t of list)
          out.push({
            ...guardOf(t.guard),
            actions: (t.actions as any[]).map(actionOf),
            target: t.target?.length ? leafOf(t.target[0]) : -1,
          });
      }
    }
    return row;
  });
  const contextConfig = m.config.context;
  // a fresh object per instance, which its assigns then write into
  const initialContext = (input: unknown): Ctx =>
    typeof contextConfig === 'function' ? { ...contextConfig({ input }) } : { ...(contextConfig ?? {}) };
  return { id: m.id, states, initial: leafOf(m.root), initialContext, table };
}

function unsupported(node: Node, what: string): Error {
  return new Error(`compileMachine: ${what} at "${node.id}" are not supported by the flat tables`);
}

/**
 * Runs a compiled machine: a state index and a plain context object. A class, not a closure
 * per instance: a Monte Carlo trial creates dozens of instances, and a plain object with
 * prototype methods is cheaper to make and to call than one holding three fresh closures.
 */
class CompiledInstance<E extends Ev> implements MachineInstance<E> {
  private state: number;
  private ctx: Ctx;

  constructor(
    private readonly cm: CompiledMachine,
    input: unknown,
  ) {
    this.state = cm.initial;
    this.ctx = cm.initialContext(input);
  }

  get value(): string {
    return this.cm.states[this.state]!;
  }

  get context(): Ctx {
    return this.ctx;
  }

  send(event: E): boolean {
    const list = this.cm.table[this.state]![event.type];
    if (list === undefined) return false;
    const args = ARGS;
    args.context = this.ctx;
    args.event = event;
    for (let i = 0; i < list.length; i++) {
      const t = list[i]!;
      if (t.guard !== null && !t.guard(args, t.guardParams)) continue;
      for (let j = 0; j < t.actions.length; j++) applyAssign(t.actions[j]!, args);
      if (t.target < 0 || t.target === this.state) return false;
      this.state = t.target;
      return true;
    }
    return false;
  }
}

/**
 * The argument object of every guard and assigner call, reused: they are pure and synchronous,
 * and one send finishes before the next starts.
 */
const ARGS: GuardArgs = { context: {}, event: { type: '' } };
/** values of one assign, computed before any is written */
const VALUES: unknown[] = [];

/**
 * Applies one assign to `args.context`. The instance owns its context object and nobody else
 * holds it (the engine reads no context; `context` is for tests, read between sends), so the
 * assign writes into it instead of copying it (the hourly response assessment assigned a fresh
 * copy every hour of a 120-day season). Every new value is computed from the context as it was
 * before the action, as XState's assign does, and only then written.
 */
function applyAssign(a: CompiledAssign, args: GuardArgs): void {
  const ctx = args.context;
  if (a.whole !== null) {
    Object.assign(ctx, a.whole(args, a.params));
    return;
  }
  const n = a.keys.length;
  if (n === 1) {
    ctx[a.keys[0]!] = valueOf(a, 0, args);
    return;
  }
  if (n === 2) {
    // the machines' assigns have one or two keys: no scratch array for them
    const v0 = valueOf(a, 0, args);
    const v1 = valueOf(a, 1, args);
    ctx[a.keys[0]!] = v0;
    ctx[a.keys[1]!] = v1;
    return;
  }
  for (let k = 0; k < n; k++) VALUES[k] = valueOf(a, k, args);
  for (let k = 0; k < n; k++) ctx[a.keys[k]!] = VALUES[k];
}

/** The new value of key k of assign `a`. */
function valueOf(a: CompiledAssign, k: number, args: GuardArgs): unknown {
  const fn = a.fns[k]!;
  return fn === null ? a.consts[k] : fn(args, a.params);
}

/** A compiled machine's instance in its initial state (see CompiledInstance). */
export function compiledInstance<E extends Ev>(cm: CompiledMachine, input?: unknown): MachineInstance<E> & { readonly context: Ctx } {
  return new CompiledInstance<E>(cm, input);
}
