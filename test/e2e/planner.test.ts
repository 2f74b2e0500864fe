/**
 * The planner workbench (#/planner) end to end in Debian's Chromium (playwright-core, no browser
 * download): the app built with Vite and served by the real server. A planner picks a shipped
 * scenario, runs its Monte Carlo on Web Workers in the page and downloads the summary JSON, which
 * must equal `yanlian simulate --json` (spawned here) byte for byte — the default county scenario
 * (200 trials) and the school building (100 trials, a text seed; then with "stop at ±x pp" and a
 * chunk size, which stops early). A broken upload lists its problems at the CLI's lines and columns and loads
 * nothing; a valid upload carries the file's SHA-256; cancel stops the run and marks it partial.
 * The production build keeps the planner out of the main chunk. Screenshots (1366×768) go to
 * $YANLIAN_E2E_SHOTS or a temp folder.
 *
 * Skips, saying why, only when no Chromium binary exists (CHROMIUM_PATH or /usr/bin/chromium).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/startServer.ts';

const run = promisify(execFile);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const FLAGS = ['--headless', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'];
const ROOT = new URL('../../', import.meta.url).pathname;

if (!HAVE_CHROMIUM) process.stderr.write(`\n[e2e] SKIPPED: no Chromium at ${CHROMIUM}. Install it (apt-get install -y chromium fonts-noto-cjk) or set CHROMIUM_PATH.\n\n`);

/** `yanlian simulate FILE … --json OUT` in a child process; the JSON file's bytes. */
async function cliSummary(work: string, file: string, args: string[]): Promise<Buffer> {
  const out = join(work, `cli-${Math.random().toString(36).slice(2)}.json`);
  await run(process.execPath, [join(ROOT, 'bin/yanlian.js'), 'simulate', join(ROOT, file), ...args, '--json', out], { cwd: ROOT, maxBuffer: 1 << 24 });
  return readFileSync(out);
}

describe.skipIf(!HAVE_CHROMIUM)(`planner workbench in Chromium (${CHROMIUM})`, () => {
  let work: string;
  let shots: string;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let base: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'yanlian-pl-e2e-'));
    shots = process.env.YANLIAN_E2E_SHOTS ?? join(work, 'shots');
    mkdirSync(shots, { recursive: true });
    const { build } = await import('vite');
    const appDir = join(work, 'app');
    await build({ configFile: join(ROOT, 'vite.config.ts'), root: join(ROOT, 'src/app'), logLevel: 'warn', build: { outDir: appDir, emptyOutDir: true } });
    // the planner is code-split: the main chunk carries neither the Monte Carlo summary nor the worker
    const js = readdirSync(join(appDir, 'assets')).filter((f) => f.endsWith('.js'));
    const main = readFileSync(join(appDir, 'assets', js.find((f) => f.startsWith('index-'))!), 'utf8');
    expect(main).not.toContain('yanlian-mc-summary');
    expect(main).not.toContain('mcWorker');
    expect(js.some((f) => f.startsWith('mcWorker-'))).toBe(true);
    server = await startServer({ port: 0, host: '127.0.0.1', db: join(work, 'drills.sqlite'), appDir, out: () => {} });
    base = `http://127.0.0.1:${server.port}/`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
    const ctx = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 768 }, acceptDownloads: true });
    page = await ctx.newPage();
    page.setDefaultTimeout(90_000);
    page.on('pageerror', (e) => pageErrors.push(e.message));
    process.stdout.write(`[e2e] planner screenshots in ${shots}\n`);
  }, 360_000);

  afterAll(async () => {
    await browser?.close().catch(() => {});
    await server?.close().catch(() => {});
    if (!process.env.YANLIAN_E2E_SHOTS && work) rmSync(work, { recursive: true, force: true });
  });

  const openPlanner = async () => {
    await page.goto('about:blank');
    await page.goto(`${base}#/planner`);
    await expect.poll(() => page.getByTestId('planner-page').isVisible(), { timeout: 60_000 }).toBe(true);
  };

  const pickShipped = async (name: string) => {
    await page.getByTestId(`pl-scenario-${name}`).click();
    await expect.poll(() => page.getByTestId('pl-loaded').textContent(), { timeout: 60_000 }).toContain(`${name}.yaml`);
  };

  /** Fills the form, runs, waits for the results and returns the downloaded summary's bytes. */
  const runInPage = async (f: { trials: string; seed: string; chunk?: string; untilSePp?: string }): Promise<Buffer> => {
    await page.getByTestId('pl-trials').fill(f.trials);
    await page.getByTestId('pl-seed').fill(f.seed);
    await page.getByTestId('pl-chunk').fill(f.chunk ?? '');
    await page.getByTestId('pl-until-se').fill(f.untilSePp ?? '');
    await page.getByTestId('pl-run').click();
    await expect.poll(() => page.getByTestId('pl-results').count(), { timeout: 240_000, interval: 500 }).toBe(1);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('pl-download-json').click()]);
    return readFileSync((await download.path())!);
  };

  it('the home page links to the planner workbench, which lists the shipped scenarios', async () => {
    await page.goto(base);
    await page.getByTestId('go-planner').click();
    // the planner's chunk loads on first use: on a loaded machine that is seconds, not one
    await expect.poll(() => page.getByTestId('planner-page').isVisible(), { timeout: 60_000 }).toBe(true);
    await expect.poll(() => page.getByTestId('pl-scenario-lezhi-rainstorm').count(), { timeout: 60_000 }).toBe(1);
    expect(await page.getByTestId('pl-scenario-school-fire-evacuation').textContent()).toContain('建筑疏散');
    expect(await page.getByTestId('pl-run').isDisabled()).toBe(true);
  });

  it('a broken upload shows its problems at the lines and columns the CLI gives, and loads nothing', async () => {
    const file = join(ROOT, 'test/fixtures/scenarios/school-broken.yaml');
    await openPlanner();
    await page.getByTestId('pl-file').setInputFiles(file);
    await expect.poll(() => page.getByTestId('pl-problem').count()).toBeGreaterThan(0);
    const shown = await page.getByTestId('pl-problem').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-line')}:${e.getAttribute('data-col')}`));
    const cli = await run(process.execPath, [join(ROOT, 'bin/yanlian.js'), 'validate', file], { cwd: ROOT }).catch((e: { stdout: string; stderr: string }) => e);
    const located = [...`${cli.stdout}${cli.stderr}`.matchAll(/school-broken\.yaml:(\d+):(\d+) /g)].map((m) => `${m[1]}:${m[2]}`);
    expect(located.length).toBeGreaterThan(0);
    expect(shown).toEqual(located);
    expect(await page.getByTestId('pl-problems').textContent()).toContain('第 17 行第 36 列');
    expect(await page.getByTestId('pl-loaded').count()).toBe(0);
    expect(await page.getByTestId('pl-run').isDisabled()).toBe(true);
    await page.screenshot({ path: join(shots, 'planner-broken-upload.png') });
  });

  it('a valid upload loads with the SHA-256 of its bytes', async () => {
    const file = join(ROOT, 'scenarios/school-fire-evacuation.yaml');
    const { createHash } = await import('node:crypto');
    await page.getByTestId('pl-file').setInputFiles(file);
    await expect.poll(() => page.getByTestId('pl-loaded').getAttribute('data-sha256')).toBe(createHash('sha256').update(readFileSync(file)).digest('hex'));
    expect(await page.getByTestId('pl-problems').count()).toBe(0);
    expect(await page.getByTestId('pl-loaded').getAttribute('data-model')).toBe('evacuation');
  });

  it('lezhi-rainstorm, 200 trials: the page’s summary JSON is byte-identical to yanlian simulate --json', async () => {
    const cli = await cliSummary(work, 'scenarios/lezhi-rainstorm.yaml', ['--trials', '200', '--seed', '7']);
    await openPlanner();
    await pickShipped('lezhi-rainstorm');
    const browserJson = await runInPage({ trials: '200', seed: '7' });
    expect(browserJson.length).toBe(cli.length);
    expect(browserJson.equals(cli)).toBe(true);
    expect(await page.getByTestId('pl-stockout').locator('tbody tr').count()).toBeGreaterThan(3);
    expect(await page.getByTestId('pl-stockout').textContent()).toContain('乡镇库');
    expect(await page.getByTestId('pl-targets').locator('tbody tr').count()).toBeGreaterThan(0);
    await expect.poll(() => page.locator('[data-testid=pl-chart-stockout] svg').count()).toBe(1);
    expect(await page.getByTestId('pl-command').textContent()).toBe('npx yanlian simulate lezhi-rainstorm.yaml --trials 200 --seed 7 --json summary.json');
    await page.screenshot({ path: join(shots, 'planner-lezhi-top.png') });
    await page.getByTestId('pl-results').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, 'planner-lezhi-results.png') });
    await page.getByTestId('pl-chart-stockout').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, 'planner-lezhi-charts.png') });
    // the CSV: BOM, header, one line per trial
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('pl-download-csv').click()]);
    const csv = readFileSync((await dl.path())!, 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.trimEnd().split('\n').length).toBe(201);
  }, 300_000);

  it('school-fire-evacuation, 100 trials with a text seed: byte-identical; then "stop at ±6 pp" with chunk 20, byte-identical too', async () => {
    const cli = await cliSummary(work, 'scenarios/school-fire-evacuation.yaml', ['--trials', '100', '--seed', 'drill-2025']);
    await openPlanner();
    await pickShipped('school-fire-evacuation');
    const browserJson = await runInPage({ trials: '100', seed: 'drill-2025' });
    expect(browserJson.equals(cli)).toBe(true);
    expect(JSON.parse(cli.toString('utf8')).seedInput).toBe('drill-2025');
    expect(await page.getByTestId('pl-from-alarm').textContent()).toMatch(/\d+ \/ \d+/);
    await page.getByTestId('pl-results').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, 'planner-school-results.png') });

    const cliSe = await cliSummary(work, 'scenarios/school-fire-evacuation.yaml', ['--trials', '300', '--seed', '3', '--chunk', '20', '--until-se', '0.06']);
    expect(JSON.parse(cliSe.toString('utf8')).stoppedBy).toBe('untilSe');
    const browserSe = await runInPage({ trials: '300', seed: '3', chunk: '20', untilSePp: '6' });
    expect(browserSe.equals(cliSe)).toBe(true);
    expect(await page.getByTestId('pl-stopped').getAttribute('data-stopped-by')).toBe('untilSe');
  }, 300_000);

  it('cancel stops the workers and shows the trials done as a partial summary', async () => {
    await openPlanner();
    await pickShipped('lezhi-rainstorm');
    await page.getByTestId('pl-trials').fill('100000');
    await page.getByTestId('pl-seed').fill('1');
    await page.getByTestId('pl-chunk').fill('10');
    await page.getByTestId('pl-run').click();
    await expect.poll(async () => Number(await page.getByTestId('pl-progress').getAttribute('data-done')), { timeout: 120_000 }).toBeGreaterThan(0);
    await page.getByTestId('pl-progress').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, 'planner-running.png') });
    await page.getByTestId('pl-cancel').click();
    await expect.poll(() => page.getByTestId('pl-stopped').getAttribute('data-stopped-by')).toBe('interrupted');
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('pl-download-json').click()]);
    const s = JSON.parse(readFileSync((await dl.path())!, 'utf8')) as { partial: boolean; trials: number; trialsRequested: number };
    expect(s.partial).toBe(true);
    expect(s.trials).toBeGreaterThan(0);
    expect(s.trials).toBeLessThan(s.trialsRequested);
    expect(s.trials % 10).toBe(0);
    expect(pageErrors).toEqual([]);
  }, 360_000);
  it('a planner journey: a bad spreadsheet changes nothing; the workbook raises a township store’s food; undo/redo; the edited plan equals the CLI on its YAML; A/B compared; the report is the CLI’s; a reload keeps the saved plan', async () => {
    const { tablesXlsx, xlsxSheets } = await import('../../src/app/planner/planSheets.ts');
    await openPlanner();
    await pickShipped('lezhi-rainstorm');
    await expect.poll(() => page.getByTestId('pl-editor').isVisible(), { timeout: 60_000 }).toBe(true);
    // the workbook, downloaded, edited as a planner would in Excel
    const [xl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('pl-sheets-xlsx').click()]);
    const sheets = await xlsxSheets(new Uint8Array(readFileSync((await xl.path())!)));
    const stores = sheets[0]!;
    const food = stores.header.findIndex((h) => h.endsWith('（food）'));
    const row = stores.rows.findIndex((r) => r[2] === '乡镇库');
    const before = Number(stores.rows[row]![food]);
    const write = async (name: string) => {
      writeFileSync(join(work, name), await tablesXlsx(sheets.map((x) => ({ sheet: x.sheet, header: x.header, rows: x.rows }))));
      return join(work, name);
    };
    stores.rows[row]![food] = '五十';
    await page.getByTestId('pl-sheets-file').setInputFiles(await write('bad.xlsx'));
    await expect.poll(() => page.getByTestId('pl-sheet-error').count(), { timeout: 60_000 }).toBe(1);
    expect(await page.getByTestId('pl-sheet-error').textContent()).toBe(`储备库!${String.fromCharCode(65 + food)}${row + 2}：数量应为非负整数，实际为「五十」`);
    expect(await page.getByTestId('pl-diff').count()).toBe(0);
    await page.getByTestId('pl-sheet-errors').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, 'planner-sheet-errors.png') });
    stores.rows[row]![food] = String(before + 1000);
    await page.getByTestId('pl-edit-source').fill('2026 年储备计划');
    await page.getByTestId('pl-sheets-file').setInputFiles(await write('good.xlsx'));
    await expect.poll(() => page.getByTestId('pl-plan-status').getAttribute('data-kind'), { timeout: 120_000 }).toBe('edited');
    expect(await page.getByTestId('pl-diff-row').count()).toBe(1);
    expect(await page.getByTestId('pl-diff').textContent()).toContain('2026 年储备计划');
    // a bad number typed in a form is located at its field and blocks the run; undo brings the valid plan back, redo the bad one
    await page.getByTestId('pl-tab-teams').click();
    await page.getByTestId('pf-open-teams.0').click();
    await page.getByTestId('pf-teams.0.size').fill('五十');
    await expect.poll(() => page.getByTestId('pl-plan-status').getAttribute('data-kind'), { timeout: 120_000 }).toBe('invalid');
    expect(await page.locator('[data-testid=pf-error][data-path="teams.0.size"]').count()).toBe(1);
    expect(await page.getByTestId('pl-run').isDisabled()).toBe(true);
    await page.getByTestId('pl-step-edit').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, 'planner-edit-invalid.png') });
    await page.getByTestId('pl-undo').click();
    await expect.poll(() => page.getByTestId('pl-plan-status').getAttribute('data-kind'), { timeout: 120_000 }).toBe('edited');
    await page.getByTestId('pl-redo').click();
    await expect.poll(() => page.getByTestId('pl-plan-status').getAttribute('data-kind'), { timeout: 120_000 }).toBe('invalid');
    await page.getByTestId('pl-undo').click();
    await expect.poll(() => page.getByTestId('pl-plan-status').getAttribute('data-kind'), { timeout: 120_000 }).toBe('edited');
    // the plan's YAML: yanlian simulate on it gives the page's summary byte for byte
    const [planDl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('pl-download-plan').click()]);
    const planFile = join(work, planDl.suggestedFilename());
    writeFileSync(planFile, readFileSync((await planDl.path())!));
    const out = join(work, 'plan-cli.json');
    await run(process.execPath, [join(ROOT, 'bin/yanlian.js'), 'simulate', planFile, '--trials', '20', '--seed', '5', '--json', out], { cwd: ROOT });
    const browserJson = await runInPage({ trials: '20', seed: '5' });
    expect(browserJson.equals(readFileSync(out))).toBe(true);
    // the report, as simulate --report writes it, plus the planner's source in the manifest
    const [rep] = await Promise.all([page.waitForEvent('download'), page.getByTestId('pl-download-report').click()]);
    const html = readFileSync((await rep.path())!, 'utf8');
    expect(html).toContain('规划来源（planner-1）');
    expect(html).toContain('2026 年储备计划');
    // A (original) and B (edited) under the same seeds
    await page.getByTestId('pl-compare-run').click();
    await expect.poll(() => page.getByTestId('pl-compare').count(), { timeout: 240_000, interval: 500 }).toBe(1);
    expect(await page.getByTestId('pl-compare-row').count()).toBeGreaterThan(3);
    await expect.poll(() => page.locator('[data-testid=pl-compare-chart] svg').count(), { timeout: 60_000 }).toBe(1);
    await page.getByTestId('pl-compare').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, 'planner-compare.png') });
    // saved in the browser, and still there after a reload
    await page.getByTestId('pl-save-name').fill('2026 年储备计划');
    await page.getByTestId('pl-save').click();
    await expect.poll(() => page.getByTestId('pl-save-note').count(), { timeout: 60_000 }).toBe(1);
    await page.reload();
    await expect.poll(() => page.locator('[data-testid=pl-saved-plan][data-name="2026 年储备计划"]').count(), { timeout: 60_000 }).toBe(1);
    await page.locator('[data-testid=pl-saved-plan][data-name="2026 年储备计划"] [data-testid^=pl-open-]').click();
    await expect.poll(() => page.getByTestId('pl-plan-status').getAttribute('data-kind'), { timeout: 120_000 }).toBe('edited');
    expect(await page.getByTestId('pl-diff').textContent()).toContain(String(before + 1000));
    expect(pageErrors).toEqual([]);
  }, 600_000);

  it('three plans compared: a sheet leaves every store one unit of food and water (B, put aside), the blank template adds a store and a shelter (C); paired verdicts against a base picked after the run; the charts overlay all three; the summary .xlsx holds the JSON’s numbers', async () => {
    const { tablesXlsx, xlsxSheets } = await import('../../src/app/planner/planSheets.ts');
    await openPlanner();
    await pickShipped('lezhi-rainstorm');
    await expect.poll(() => page.getByTestId('pl-editor').isVisible(), { timeout: 60_000 }).toBe(true);
    // B: every store left with one unit of food and of water, from the workbook
    const [xl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('pl-sheets-xlsx').click()]);
    const sheets = await xlsxSheets(new Uint8Array(readFileSync((await xl.path())!)));
    const stores = sheets[0]!;
    const cols = stores.header.map((h, i) => (h.endsWith('（food）') || h.endsWith('（water）') ? i : -1)).filter((i) => i >= 0);
    for (const r of stores.rows) for (const c of cols) if (r[c] !== '') r[c] = '1';
    writeFileSync(join(work, 'one-unit.xlsx'), await tablesXlsx(sheets));
    await page.getByTestId('pl-sheets-file').setInputFiles(join(work, 'one-unit.xlsx'));
    await expect.poll(() => page.getByTestId('pl-plan-status').getAttribute('data-kind'), { timeout: 120_000 }).toBe('edited');
    await page.getByTestId('pl-compare-add').click();
    await expect.poll(() => page.getByTestId('pl-compare-planned').count()).toBe(2);
    expect(await page.getByTestId('pl-compare-add').isDisabled()).toBe(true);
    // C: the blank template, filled with a new village store and a new shelter
    const [tp] = await Promise.all([page.waitForEvent('download'), page.getByTestId('pl-sheets-template').click()]);
    const tpl = await xlsxSheets(new Uint8Array(readFileSync((await tp.path())!)));
    expect(tpl.map((x) => x.sheet)).toEqual(['储备库', '救援队伍', '避难场所', '填写说明']);
    expect(tpl.slice(0, 3).every((x) => x.rows.every((r) => r.every((c) => c === '')))).toBe(true);
    const put = (sh: (typeof tpl)[number], cells: Record<string, string>) => sh.rows.push(sh.header.map((h) => cells[h] ?? ''));
    const village = stores.rows.find((r) => r[2] === '村储备点')!;
    const food = tpl[0]!.header.findIndex((h) => h.endsWith('（food）'));
    put(tpl[0]!, { 编号: 'wh-new-village', 名称: '新建村储备点', 层级: '村储备点', 所在节点: village[3]!, '上级库（编号）': village[4]!, '补货点（初始库存比例）': '0.3', [tpl[0]!.header[food]!]: '400' });
    put(tpl[2]!, { 编号: 'sh-new', 名称: '新建避难场所（学校）', 所在节点: village[3]!, 容纳人数: '600' });
    writeFileSync(join(work, 'template-filled.xlsx'), await tablesXlsx(tpl.map((x) => ({ sheet: x.sheet, header: x.header, rows: x.rows.filter((r) => r.some((c) => c !== '')) }))));
    await page.getByTestId('pl-sheets-file').setInputFiles(join(work, 'template-filled.xlsx'));
    await expect.poll(() => page.getByTestId('pl-sheets-added-row').count(), { timeout: 60_000 }).toBe(2);
    expect(await page.getByTestId('pl-sheets-added').textContent()).toContain('wh-new-village');
    await expect.poll(() => page.getByTestId('pl-compare-planned').count(), { timeout: 120_000 }).toBe(3);
    await expect.poll(() => page.getByTestId('pl-plan-status').getAttribute('data-kind'), { timeout: 120_000 }).toBe('edited');
    // A, B and C under the same seeds
    await page.getByTestId('pl-trials').fill('100');
    await page.getByTestId('pl-seed').fill('3');
    await page.getByTestId('pl-chunk').fill('');
    await page.getByTestId('pl-until-se').fill('');
    await page.getByTestId('pl-compare-run').click();
    await expect.poll(() => page.getByTestId('pl-compare').count(), { timeout: 300_000, interval: 500 }).toBe(1);
    expect(await page.getByTestId('pl-compare-plan').count()).toBe(3);
    const verdicts = () => page.getByTestId('pl-compare-row').evaluateAll((els) => els.map((e) => (e.getAttribute('data-verdicts') ?? '').split(',')));
    const againstA = await verdicts();
    expect(againstA.length).toBeGreaterThan(6);
    expect(againstA.every((v) => v[0] === 'base')).toBe(true);
    // one unit a store runs out wherever relief is needed: B is worse at food, and the verdict line counts what differs
    expect(await page.locator('[data-testid=pl-compare-row][data-column="item.food.stockout"]').getAttribute('data-verdicts')).toMatch(/^base,worse,/);
    const b = page.locator('[data-testid=pl-verdict][data-plan=B]');
    expect(Number(await b.getAttribute('data-better')) + Number(await b.getAttribute('data-worse'))).toBe(againstA.filter((v) => v[1] !== 'same').length);
    for (const id of ['pl-compare-exceedance-relief-6h', 'pl-compare-exceedance-trunk-6h', 'pl-compare-fan', 'pl-compare-chart', 'pl-compare-levels'])
      await expect.poll(() => page.locator(`[data-testid=${id}] svg`).count(), { timeout: 60_000 }).toBe(1);
    // three plans in the exceedance legend, and the target's line
    expect(await page.locator('[data-testid=pl-compare-exceedance-relief-6h] svg').textContent()).toMatch(/A[\s\S]*B[\s\S]*C[\s\S]*目标 6 小时/);
    await page.getByTestId('pl-compare-plan').first().evaluate((e) => e.scrollIntoView());
    await page.screenshot({ path: join(shots, 'planner-compare3-top.png') });
    await page.getByTestId('pl-compare-table').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, 'planner-compare3-table.png') });
    await page.getByTestId('pl-compare-exceedance-relief-6h').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, 'planner-compare3-exceedance.png') });
    await page.getByTestId('pl-compare-fan').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, 'planner-compare3-fan.png') });
    // B as the base, no new run: A and C are now the ones compared
    await page.getByTestId('pl-compare-base').selectOption('1');
    await expect.poll(async () => (await verdicts()).every((v) => v[1] === 'base')).toBe(true);
    // paired differences are antisymmetric: A against B is B against A mirrored
    const mirror: Record<string, string> = { better: 'worse', worse: 'better', same: 'same' };
    expect((await verdicts()).map((v) => v[0])).toEqual(againstA.map((v) => mirror[v[1]!]));
    expect(await page.getByTestId('pl-verdict').evaluateAll((els) => els.map((e) => e.getAttribute('data-plan')))).toEqual(['A', 'C']);
    // the comparison as a workbook: plans (B the base), probabilities and hours with the paired differences, each plan's own tables
    const [cmpDl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('pl-compare-xlsx').click()]);
    expect(cmpDl.suggestedFilename()).toBe('lezhi-rainstorm.compare.xlsx');
    const CmpExcel = ((await import('exceljs')) as unknown as { default: typeof import('exceljs') }).default;
    const cmp = new CmpExcel.Workbook();
    await cmp.xlsx.load(readFileSync((await cmpDl.path())!) as unknown as ArrayBuffer);
    expect(cmp.worksheets.map((w) => w.name).slice(0, 4)).toEqual(['方案', '概率对比', '时长对比', 'A 概况']);
    expect(cmp.getWorksheet('方案')!.getRow(3).getCell(4).value).toBe('基准');
    const rowCount = (await verdicts()).length;
    expect(cmp.getWorksheet('概率对比')!.rowCount - 1 + cmp.getWorksheet('时长对比')!.rowCount - 1).toBe(rowCount);
    expect(cmp.getWorksheet('概率对比')!.getRow(1).getCell(11).value).toBe('A − B');
    // the summary tables as a workbook: numbers as numbers, equal to the JSON's
    await page.getByTestId('pl-trials').fill('20');
    await page.getByTestId('pl-run').click();
    await expect.poll(() => page.getByTestId('pl-results').count(), { timeout: 240_000, interval: 500 }).toBe(1);
    const [js] = await Promise.all([page.waitForEvent('download'), page.getByTestId('pl-download-json').click()]);
    const summary = JSON.parse(readFileSync((await js.path())!, 'utf8'));
    const [wbDl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('pl-download-xlsx').click()]);
    const ExcelJS = ((await import('exceljs')) as unknown as { default: typeof import('exceljs') }).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync((await wbDl.path())!) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['概况', '物资缺货', '分级缺货', '目标达成', '响应级别', '干线公路', '影响']);
    const t0 = wb.getWorksheet('目标达成')!.getRow(2);
    expect(t0.getCell(1).value).toBe(summary.targets[0].name.zh);
    expect(t0.getCell(4).value).toBe(summary.targets[0].metProbability.estimate);
    expect(pageErrors).toEqual([]);
  }, 600_000);
});
