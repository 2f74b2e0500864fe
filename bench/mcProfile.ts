/**
 * Profiling aid for the Monte Carlo fast path as `simulate` runs it: `runChunk` (trial, trial
 * row, aggregate) over N trials in this thread after a warm-up, reporting CPU µs per trial
 * (process.cpuUsage, user + system) and, with --check, a hash of the aggregate so that a change
 * can be shown to leave results bit-identical. Usage: npx tsx bench/mcProfile.ts FILE N [--check]
 * (add `node --cpu-prof --import tsx` to profile).
 */
import { createHash } from 'node:crypto';
import { loadScenarioFile } from '../engine/node/scenarioFile.ts';
import { createAggregate, mcLayout, mcMachines, mergeAggregate, runChunk } from '../engine/montecarlo/index.ts';

const file = process.argv[2] ?? 'scenarios/lezhi-rainstorm.yaml';
const n = Number(process.argv[3] ?? 2000);
const r = loadScenarioFile(file);
if (!r.ok) process.exit(2);
const layout = mcLayout(r.scenario);
const warm = Math.min(300, n);
runChunk(r.scenario, layout, 2, { index: 0, start: 0, count: warm }, mcMachines, false);
const agg = createAggregate(layout);
const t0 = performance.now();
const c0 = process.cpuUsage();
const chunk = 200;
for (let s = 0; s < n; s += chunk)
  mergeAggregate(agg, runChunk(r.scenario, layout, 1, { index: s / chunk, start: s, count: Math.min(chunk, n - s) }, mcMachines, false).agg);
const c = process.cpuUsage(c0);
const hash = process.argv.includes('--check') ? ' ' + createHash('sha256').update(new Uint8Array(agg.counts.buffer)).digest('hex').slice(0, 16) : '';
console.log(`${file}: ${((performance.now() - t0) * 1000 / n).toFixed(0)} µs/trial wall, ${((c.user + c.system) / n).toFixed(0)} µs/trial CPU${hash}`);
