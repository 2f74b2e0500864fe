/** Profiling aid: runs N fast-path trials in-process (use with node --cpu-prof). */
import { loadScenarioFile } from '../engine/node/scenarioFile.ts';
import { compiledMachines, deriveSeed, runTrial } from '../engine/index.ts';

const file = process.argv[2] ?? 'scenarios/lezhi-rainstorm.yaml';
const n = Number(process.argv[3] ?? 2000);
const r = loadScenarioFile(file);
if (!r.ok) process.exit(2);
for (let i = 0; i < 300; i++) runTrial(r.scenario, deriveSeed(2, 'trial', i), compiledMachines, { log: false }); // warm-up
const t0 = performance.now();
const c0 = process.cpuUsage();
for (let i = 0; i < n; i++) runTrial(r.scenario, deriveSeed(1, 'trial', i), compiledMachines, { log: false });
const c = process.cpuUsage(c0);
console.log(`${((performance.now() - t0) * 1000 / n).toFixed(0)} µs/trial wall, ${((c.user + c.system) / n).toFixed(0)} µs/trial CPU`);
