import { compileMachine, compiledInstance } from '../machines/compileMachine.ts';
import { actorInstance, type MachineInstance } from '../machines/host.ts';
import { drillPhaseMachine, type DrillPhaseEvent } from './drillPhase.machine.ts';
import { evacGroupMachine, type EvacGroupEvent } from './evacGroup.machine.ts';

/** How the evacuation statecharts run: live XState actors, or their compiled flat tables (same results). */
export type EvacMachineMode = 'xstate' | 'compiled';

export interface EvacMachines {
  phase(): MachineInstance<DrillPhaseEvent>;
  group(): MachineInstance<EvacGroupEvent>;
}

let compiled: { phase: ReturnType<typeof compileMachine>; group: ReturnType<typeof compileMachine> } | undefined;

/** Machine instances for a run; 'compiled' (default, fast) or 'xstate' (the specification itself). */
export function evacMachines(mode: EvacMachineMode = 'compiled'): EvacMachines {
  if (mode === 'xstate') return { phase: () => actorInstance(drillPhaseMachine), group: () => actorInstance(evacGroupMachine) };
  // compiled once per process: tables are immutable
  compiled ??= { phase: compileMachine(drillPhaseMachine), group: compileMachine(evacGroupMachine) };
  const c = compiled;
  return { phase: () => compiledInstance<DrillPhaseEvent>(c.phase), group: () => compiledInstance<EvacGroupEvent>(c.group) };
}
