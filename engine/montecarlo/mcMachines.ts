/** The statechart implementation Monte Carlo trials run on (the compiled fast path replaces this). */
export { xstateMachines as mcMachines } from '../sim/trial.ts';
