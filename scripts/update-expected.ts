/**
 * Rewrites scenarios/expected/*.summary.json: the Monte Carlo summary of each shipped scenario
 * (1,000 trials, seed 1) — the same as `yanlian simulate FILE --trials 1000 --seed 1 --json`.
 * Review the diff: a changed figure is a behaviour change.
 */
import { join, resolve } from 'node:path';
import { writeFileAtomic } from '../engine/node/atomicWrite.ts';
import { expectedCases, expectedSummary } from './expectedSummary.ts';

const dir = resolve(new URL('../scenarios/expected', import.meta.url).pathname);
for (const c of expectedCases) {
  const s = await expectedSummary(c.file);
  writeFileAtomic(join(dir, `${c.name}.summary.json`), JSON.stringify(s, null, 2) + '\n');
  process.stdout.write(`wrote ${c.name}\n`);
}
