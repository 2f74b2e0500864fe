/**
 * Rewrites the golden fixed-seed runs in test/golden/ (the only way they change).
 * Review the diff before committing: every changed line is a behaviour change.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { writeFileAtomic } from '../engine/node/atomicWrite.ts';
import { goldenCases } from '../test/golden/cases.ts';
import { goldenDir, renderGolden } from '../test/golden/render.ts';

for (const c of goldenCases) {
  if (!existsSync(resolve(goldenDir, '../..', c.scenario))) {
    process.stdout.write(`skip ${c.name}: ${c.scenario} missing\n`);
    continue;
  }
  const { log, outcome } = renderGolden(c.scenario, c.seed);
  writeFileAtomic(join(goldenDir, `${c.name}.jsonl`), log);
  writeFileAtomic(join(goldenDir, `${c.name}.outcome.json`), outcome);
  process.stdout.write(`wrote ${c.name} (${log.split('\n').length - 3} events)\n`);
}
