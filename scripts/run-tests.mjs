#!/usr/bin/env node
// `npm test`: runs the whole Vitest suite, then prints the plain closing line
// "Tests: N passed, N failed, N skipped" that CI reads, and exits with Vitest's code.
// The tests' own temporary folders (mkdtemp under os.tmpdir(), Chromium profiles, spawned CLIs)
// go under this run's folder through TMPDIR and are removed with it: a run leaves nothing in /tmp.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'yanlian-tests-'));
const report = join(dir, 'report.json');
const scratch = join(dir, 'tmp');
mkdirSync(scratch);
const vitest = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..', 'node_modules', 'vitest', 'vitest.mjs');
const r = spawnSync(
  process.execPath,
  [vitest, 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)],
  { stdio: 'inherit', env: { ...process.env, TMPDIR: scratch } },
);
let code = r.status ?? 1;
try {
  const j = JSON.parse(readFileSync(report, 'utf8'));
  const skipped = (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0);
  process.stdout.write(`\nTests: ${j.numPassedTests} passed, ${j.numFailedTests} failed, ${skipped} skipped\n`);
  if (j.numTotalTests === 0) code = 1;
} catch {
  process.stdout.write('\nTests: 0 passed, 1 failed\n');
  code = code || 1;
}
rmSync(dir, { recursive: true, force: true });
process.exit(code);
