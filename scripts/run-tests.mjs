#!/usr/bin/env node
// `npm test`: runs the whole Vitest suite, then prints the plain closing line
// "Tests: N passed, N failed, N skipped" that CI reads, and exits with Vitest's code.
// The tests' own temporary folders (mkdtemp under os.tmpdir(), Chromium profiles, spawned CLIs)
// go under this run's folder through TMPDIR and are removed with it when every test passed: a
// passing run leaves nothing in /tmp, a failing one keeps them and says where.
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
let closing;
try {
  const j = JSON.parse(readFileSync(report, 'utf8'));
  const skipped = (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0);
  closing = `Tests: ${j.numPassedTests} passed, ${j.numFailedTests} failed, ${skipped} skipped`;
  if (j.numTotalTests === 0) code = 1;
} catch {
  closing = 'Tests: 0 passed, 1 failed';
  code = code || 1;
}
// a failed run keeps its folders (e2e screenshots, a test's files) for whoever looks into it
if (code === 0) rmSync(dir, { recursive: true, force: true });
else process.stdout.write(`\nThe tests' temporary folders (screenshots included) are kept in ${scratch}\n`);
process.stdout.write(`\n${closing}\n`);
process.exit(code);
