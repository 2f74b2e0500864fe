import { setup, transition } from 'xstate';

/** Phases of a drill (演练阶段): 草稿 → 情况介绍 → 进行中 ⇄ 暂停 → 结束 → 已复盘. */
export type DrillPhase = 'draft' | 'briefing' | 'running' | 'paused' | 'ended' | 'debriefed';
export const DRILL_PHASES: readonly DrillPhase[] = ['draft', 'briefing', 'running', 'paused', 'ended', 'debriefed'];

/**
 * What moves a drill on. END from running or paused is the director's early termination
 * (提前终止); HORIZON is the simulated time running out.
 */
export type DrillLifecycleEvent =
  | { type: 'BRIEF' }
  | { type: 'START' }
  | { type: 'PAUSE' }
  | { type: 'RESUME' }
  | { type: 'END' }
  | { type: 'HORIZON' }
  | { type: 'DEBRIEF' };

/**
 * The drill lifecycle statechart: draft → briefing → running ⇄ paused → ended → debriefed.
 * No context, no delays: the server keeps time and authorisation; this says only which
 * phase follows which.
 */
export const drillLifecycleMachine = setup({
  types: { events: {} as DrillLifecycleEvent },
}).createMachine({
  id: 'drillLifecycle',
  initial: 'draft',
  states: {
    draft: { on: { BRIEF: 'briefing' } },
    briefing: { on: { START: 'running', END: 'ended' } },
    running: { on: { PAUSE: 'paused', END: 'ended', HORIZON: 'ended' } },
    paused: { on: { RESUME: 'running', END: 'ended', HORIZON: 'ended' } },
    ended: { on: { DEBRIEF: 'debriefed' } },
    debriefed: { type: 'final' },
  },
});

/**
 * The phase after `event` in `phase`, or null when the statechart takes no such transition.
 * Pure: resolves the persisted phase and applies XState's `transition()`.
 */
export function nextPhase(phase: DrillPhase, event: DrillLifecycleEvent): DrillPhase | null {
  const from = drillLifecycleMachine.resolveState({ value: phase });
  const [to] = transition(drillLifecycleMachine, from, event);
  const value = to.value as DrillPhase;
  return value === phase ? null : value;
}
