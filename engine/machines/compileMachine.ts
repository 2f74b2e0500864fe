import type { AnyStateMachine } from 'xstate';
import type { MachineInstance } from './host.ts';

type Ctx = Record<string, unknown>;
type Ev = { type: string };
/* eslint-disable @typescript-eslint/no-explicit-any */
type Node = any;

/** One row of the flat table: guard, context updates, target state index (−1 = stay). */
export interface CompiledTransition {
  guard: ((ctx: Ctx, ev: Ev) => boolean) | null;
  actions: ((ctx: Ctx, ev: Ev) => Ctx)[];
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

  const guardOf = (g: any): CompiledTransition['guard'] => {
    if (g === undefined) return null;
    if (typeof g === 'function') return (ctx, ev) => g({ context: ctx, event: ev }, undefined);
    const type = typeof g === 'string' ? g : g.type;
    const params = typeof g === 'string' ? undefined : g.params;
    const fn = impl.guards[type];
    if (typeof fn !== 'function' || fn.check) throw new Error(`compileMachine(${m.id}): guard "${type}" is not a plain guard`);
    // one argument object per guard, reused: guards are pure and synchronous
    const args = { context: undefined as unknown as Ctx, event: undefined as unknown as Ev };
    return (ctx, ev) => {
      args.context = ctx;
      args.event = ev;
      return fn(args, params);
    };
  };
  const actionOf = (a: any): CompiledTransition['actions'][number] => {
    const type = typeof a === 'string' ? a : a.type;
    const params = typeof a === 'string' ? undefined : a.params;
    const fn = typeof a === 'function' ? a : impl.actions[type];
    if (!fn || fn.type !== 'xstate.assign') throw new Error(`compileMachine(${m.id}): action "${type}" is not an assign`);
    const assignment = fn.assignment;
    // The instance owns its context object and nobody else holds it (the engine reads no
    // context; `context` is for tests, read between sends), so an assign writes into it instead
    // of copying it (the hourly response assessment assigned a fresh copy every hour of a
    // 120-day season). Every new value is computed from the context as it was before the
    // action, as XState's assign does, and only then written.
    if (typeof assignment === 'function')
      return (ctx, ev) => Object.assign(ctx, assignment({ context: ctx, event: ev }, params));
    const keys = Object.keys(assignment);
    const values: unknown[] = new Array(keys.length);
    // one argument object per action, reused: assigners are pure and synchronous
    const args = { context: undefined as unknown as Ctx, event: undefined as unknown as Ev };
    return (ctx, ev) => {
      args.context = ctx;
      args.event = ev;
      for (let i = 0; i < keys.length; i++) {
        const v = assignment[keys[i]!];
        values[i] = typeof v === 'function' ? v(args, params) : v;
      }
      for (let i = 0; i < keys.length; i++) ctx[keys[i]!] = values[i];
      return ctx;
    };
  };

  const table = leaves.map((leaf) => {
    const row: Record<string, CompiledTransition[]> = {};
    for (let n: Node = leaf; n; n = n.parent) {
      for (const [type, list] of n.transitions as Map<string, any[]>) {
        const out = (row[type] ??= []);
        for (const t of list)
          out.push({
            guard: guardOf(t.guard),
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
    if (!list) return false;
    for (let i = 0; i < list.length; i++) {
      const t = list[i]!;
      if (t.guard && !t.guard(this.ctx, event)) continue;
      for (let j = 0; j < t.actions.length; j++) this.ctx = t.actions[j]!(this.ctx, event);
      if (t.target < 0 || t.target === this.state) return false;
      this.state = t.target;
      return true;
    }
    return false;
  }
}

/** A compiled machine's instance in its initial state (see CompiledInstance). */
export function compiledInstance<E extends Ev>(cm: CompiledMachine, input?: unknown): MachineInstance<E> & { readonly context: Ctx } {
  return new CompiledInstance<E>(cm, input);
}
