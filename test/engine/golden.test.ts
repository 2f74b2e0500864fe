import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { goldenCases } from '../golden/cases.ts';
import { goldenDir, renderGolden } from '../golden/render.ts';

function firstDifference(a: string, b: string): string {
  const la = a.split('\n');
  const lb = b.split('\n');
  for (let i = 0; i < Math.max(la.length, lb.length); i++)
    if (la[i] !== lb[i]) return `line ${i + 1}\n  golden: ${la[i]}\n  now:    ${lb[i]}`;
  return 'identical';
}

describe('golden fixed-seed runs (rewrite with `npm run golden`, review the diff)', () => {
  for (const c of goldenCases) {
    it(`${c.name} reproduces its event log and outcome byte for byte`, () => {
      const golden = readFileSync(join(goldenDir, `${c.name}.jsonl`), 'utf8');
      const goldenOutcome = readFileSync(join(goldenDir, `${c.name}.outcome.json`), 'utf8');
      const now = renderGolden(c.scenario, c.seed);
      if (now.log !== golden) expect.fail(firstDifference(golden, now.log));
      expect(now.outcome).toBe(goldenOutcome);
    });
  }
});
