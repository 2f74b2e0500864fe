/**
 * `npx tsx bench/plannerSpeed.ts`: the planner workbench's Monte Carlo in Debian's Chromium against
 * `yanlian simulate` on the same machine, in one run, alternating (CLI, browser, CLI, browser …) so
 * both see the same load; the load average is printed beside each figure. Default scenario
 * (lezhi-rainstorm), seed 1, no CSV. A benchmark, not a test.
 *
 *   BENCH_TRIALS=400 BENCH_WORKERS=2 BENCH_ROUNDS=2 BENCH_CHUNKS=",20" npx tsx bench/plannerSpeed.ts
 *
 * BENCH_CHUNKS lists the browser's chunk sizes to try ("" = the CLI's default, defaultChunkSize).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';
import { startServer } from '../src/server/startServer.ts';

const run = promisify(execFile);
const ROOT = new URL('../', import.meta.url).pathname;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TRIALS = process.env.BENCH_TRIALS ?? '400';
const WORKERS = process.env.BENCH_WORKERS ?? '2';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? '2');
const CHUNKS = (process.env.BENCH_CHUNKS ?? '').split(',');
const FILE = 'scenarios/lezhi-rainstorm.yaml';
const load = () => loadavg()[0]!.toFixed(1);

const work = mkdtempSync(join(tmpdir(), 'yanlian-bench-pl-'));
const { build } = await import('vite');
const appDir = join(work, 'app');
await build({ configFile: join(ROOT, 'vite.config.ts'), root: join(ROOT, 'src/app'), logLevel: 'warn', build: { outDir: appDir, emptyOutDir: true } });
const server = await startServer({ port: 0, host: '127.0.0.1', db: join(work, 'd.sqlite'), appDir, out: () => {} });
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-background-networking', '--no-first-run'], headless: true });
const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
page.setDefaultTimeout(600_000);
await page.goto(`http://127.0.0.1:${server.port}/#/planner`);
await page.getByTestId('pl-scenario-lezhi-rainstorm').click();
await page.getByTestId('pl-loaded').waitFor();

/** The CLI's wall time (process start, TypeScript loader and all) and the time it reports itself ("用时 X 秒": the run from the scenario loaded). */
async function cli(): Promise<{ wall: number; own: number }> {
  const t0 = performance.now();
  const { stderr } = await run(process.execPath, [join(ROOT, 'bin/yanlian.js'), 'simulate', join(ROOT, FILE), '--trials', TRIALS, '--seed', '1', '--workers', WORKERS, '--json', join(work, 'cli.json')], { cwd: ROOT, maxBuffer: 1 << 24 });
  return { wall: (performance.now() - t0) / 1000, own: Number(/用时 ([\d.]+) 秒/.exec(stderr)?.[1] ?? NaN) };
}

async function inPage(chunk: string): Promise<number> {
  await page.getByTestId('pl-trials').fill(TRIALS);
  await page.getByTestId('pl-seed').fill('1');
  await page.getByTestId('pl-chunk').fill(chunk);
  await page.getByTestId('pl-workers').fill(WORKERS);
  if (await page.getByTestId('pl-csv').isChecked()) await page.getByTestId('pl-csv').uncheck();
  const t0 = performance.now();
  await page.getByTestId('pl-run').click();
  // the old results go as the run starts (React flushes the click's update before click() returns)
  await page.waitForFunction("document.querySelector('[data-testid=pl-stopped]') === null", undefined, { polling: 20 });
  await page.waitForFunction("document.querySelector('[data-testid=pl-stopped]') !== null", undefined, { polling: 50, timeout: 600_000 });
  return (performance.now() - t0) / 1000;
}

const rows: string[] = [];
for (let r = 0; r < ROUNDS; r++) {
  const l0 = load();
  const c = await cli();
  rows.push(`round ${r + 1} CLI --workers ${WORKERS}: ${c.wall.toFixed(1)} s wall, ${c.own.toFixed(1)} s reported by the CLI (${(Number(TRIALS) / c.own).toFixed(1)} trials/s) (load ${l0} → ${load()})`);
  for (const ch of CHUNKS) {
    const l1 = load();
    const b = await inPage(ch);
    rows.push(`round ${r + 1} Chromium ${WORKERS} workers chunk ${ch || 'default'}: ${b.toFixed(1)} s, ${(Number(TRIALS) / b).toFixed(1)} trials/s, ${(b / c.wall).toFixed(2)}× the CLI's wall time, ${(b / c.own).toFixed(2)}× its reported time (load ${l1} → ${load()})`);
  }
  process.stdout.write(rows.slice(-1 - CHUNKS.length).join('\n') + '\n');
}
process.stdout.write(`\nlezhi-rainstorm, ${TRIALS} trials, seed 1, ${WORKERS} workers, no CSV, ${(await import('node:os')).availableParallelism()} cores\n${rows.join('\n')}\n`);
await browser.close();
await server.close();
rmSync(work, { recursive: true, force: true });
