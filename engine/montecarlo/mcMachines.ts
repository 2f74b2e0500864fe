/**
 * The statechart implementation Monte Carlo trials run on: the compiled flat tables, proven
 * equivalent to the XState actors by test/engine/machines/compiledEquivalence.test.ts.
 */
export { compiledMachines as mcMachines } from '../machines/compiledMachines.ts';
