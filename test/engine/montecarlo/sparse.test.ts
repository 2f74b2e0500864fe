import { describe, expect, it } from 'vitest';
import {
  addTrial,
  checkSparse,
  createAggregate,
  denseOf,
  mcLayout,
  mcMachines,
  mergeAggregate,
  runChunk,
  sparseOf,
  trialRow,
  trialSeed,
} from '../../../engine/montecarlo/index.ts';
import { runTrial } from '../../../engine/sim/runTrial.ts';
import type { MachineFactory } from '../../../engine/sim/trial.ts';
import { loadScenarioFile } from '../../../engine/node/scenarioFile.ts';

const repo = new URL('../../..', import.meta.url).pathname;
const loaded = loadScenarioFile(`${repo}test/fixtures/scenarios/tiny.yaml`, 'en');
if (!loaded.ok) throw new Error('tiny.yaml should load');
const scenario = loaded.scenario;
const layout = mcLayout(scenario);
const MASTER = 91;

/** The reference: every trial added into one fresh dense aggregate, trial by trial. */
function denseReference(trials: number): Float64Array {
  const agg = createAggregate(layout);
  for (let i = 0; i < trials; i++) addTrial(layout, agg, trialRow(layout, i, runTrial(scenario, trialSeed(MASTER, i), mcMachines, { log: false }).outcome));
  return agg.counts;
}

const bytes = (a: Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

describe('sparse chunk results', () => {
  it('runChunk gives the non-zero counters of the dense aggregate, indices increasing, and merging them is bit-identical to the dense merge', () => {
    // 16 trials: chunks of 16 take the batched stock fans (FanBatch), chunks of 3 the trial-by-trial path
    const trials = 16;
    const ref = denseReference(trials);
    for (const size of [3, 16]) {
      const sparse = createAggregate(layout);
      const dense = createAggregate(layout);
      for (let start = 0, index = 0; start < trials; start += size, index++) {
        const r = runChunk(scenario, layout, MASTER, { index, start, count: Math.min(size, trials - start) }, mcMachines, false);
        expect('at' in r.agg, 'runChunk returns the sparse form').toBe(true);
        checkSparse(r.agg as never, layout.size);
        const d = denseOf(r.agg);
        expect(d.length).toBe(layout.size);
        mergeAggregate(sparse, r.agg);
        mergeAggregate(dense, { counts: d });
      }
      expect(bytes(sparse.counts), `chunks of ${size}`).toEqual(bytes(ref));
      expect(bytes(dense.counts), `chunks of ${size}`).toEqual(bytes(ref));
    }
  }, 180_000);

  it('the reused scratch aggregate starts empty after a chunk that threw', () => {
    const first = runChunk(scenario, layout, MASTER, { index: 0, start: 0, count: 8 }, mcMachines, false);
    // a factory that fails in the 6th trial: the first five trials' counts are left in the scratch
    let trialsMade = 0;
    const failing: MachineFactory = {
      ...mcMachines,
      rainWarning: (input) => {
        if (++trialsMade > 5) throw new Error('boom');
        return mcMachines.rainWarning(input);
      },
    };
    expect(() => runChunk(scenario, layout, MASTER, { index: 0, start: 0, count: 8 }, failing, false)).toThrow('boom');
    expect(trialsMade).toBe(6);
    const again = runChunk(scenario, layout, MASTER, { index: 0, start: 0, count: 8 }, mcMachines, false);
    expect(bytes(denseOf(again.agg))).toEqual(bytes(denseOf(first.agg)));
  }, 120_000);

  it('sparseOf with clear empties the dense array; checkSparse refuses damaged results', () => {
    const c = new Float64Array(10);
    c[2] = 3;
    c[9] = 2 ** 52 + 1;
    const s = sparseOf(c, true);
    expect([...s.at]).toEqual([2, 9]);
    expect([...s.v]).toEqual([3, 2 ** 52 + 1]);
    expect([...c].every((x) => x === 0)).toBe(true);
    expect(() => checkSparse(s, 11)).toThrow(/10 counters, the layout 11/);
    expect(() => checkSparse({ size: 10, at: new Uint32Array([3, 2]), v: new Float64Array(2) }, 10)).toThrow(/out of order/);
    expect(() => checkSparse({ size: 10, at: new Uint32Array([10]), v: new Float64Array(1) }, 10)).toThrow(/out of range/);
    expect(() => checkSparse({ size: 10, at: new Uint32Array([1]), v: new Float64Array(2) }, 10)).toThrow(/damaged/);
  });

  it('sparseOf finds every non-zero counter whatever its place in a group of four and the length (-0 is zero, NaN is not)', () => {
    for (let n = 0; n <= 13; n++)
      for (let at = 0; at < n; at++) {
        const c = new Float64Array(n);
        c[at] = 1;
        if (n - 1 !== at) c[n - 1] = at % 2 ? NaN : -0;
        const want = [...c.keys()].filter((i) => c[i] !== 0);
        expect([...sparseOf(c).at], `${n} counters, one at ${at}`).toEqual(want);
      }
  });
});
