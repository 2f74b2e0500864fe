/**
 * "新建县域情景" in the planner workbench, end to end in Debian's Chromium (playwright-core, no
 * browser download), the app built with Vite and served by the real server. The shipped 乐至
 * scenario is exported with `yanlian export-gis` (roads.geojson and the five register workbooks);
 * the page imports those files from its file input with the same importer as the CLI, and must
 * show the CLI's summary lines and problems and offer the same YAML bytes as the `yanlian import`
 * command it names (run here in the same folder). Saved, the scenario is the planner's current
 * one: `yanlian validate` accepts the YAML and a 50-trial Monte Carlo in the page gives the summary
 * `yanlian simulate --json` gives for it. A GBK shapefile named 道路.shp, dropped on the page with
 * CSV registers, gives the CLI's bytes and its encoding note too. Faulty files (a register with 「五十」 as a population, a
 * road file that is not a FeatureCollection) show their located errors, zh and en, and save
 * nothing. Screenshots (1366×768) go to $YANLIAN_E2E_SHOTS or a temp folder.
 *
 * Skips, saying why, only when no Chromium binary exists (CHROMIUM_PATH or /usr/bin/chromium).
 */
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/startServer.ts';
import { writeShapefile, type ShpFeature } from '../import/writeShapefile.ts';

const run = promisify(execFile);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const FLAGS = ['--headless', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'];
const ROOT = new URL('../../', import.meta.url).pathname;
const YANLIAN = join(ROOT, 'bin/yanlian.js');
const REGISTERS = ['villages', 'sites', 'stores', 'teams', 'shelters'];

if (!HAVE_CHROMIUM) process.stderr.write(`\n[e2e] SKIPPED: no Chromium at ${CHROMIUM}. Install it (apt-get install -y chromium fonts-noto-cjk) or set CHROMIUM_PATH.\n\n`);

/** `yanlian ARGS` in a folder; exit code and output (a failing exit is returned, not thrown). */
async function cli(cwd: string, args: string[]): Promise<{ code: number; out: string }> {
  try {
    const r = await run(process.execPath, [YANLIAN, ...args], { cwd, maxBuffer: 1 << 24 });
    return { code: 0, out: r.stdout + r.stderr };
  } catch (e) {
    const x = e as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof x.code === 'number' ? x.code : -1, out: `${x.stdout ?? ''}${x.stderr ?? ''}` };
  }
}

describe.skipIf(!HAVE_CHROMIUM)(`planner "新建县域情景" in Chromium (${CHROMIUM})`, () => {
  let work: string;
  let gis: string;
  let bad: string;
  let shp: string;
  let shots: string;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let base: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'yanlian-pl-import-e2e-'));
    shots = process.env.YANLIAN_E2E_SHOTS ?? join(work, 'shots');
    mkdirSync(shots, { recursive: true });
    gis = join(work, 'gis');
    const exported = await cli(ROOT, ['export-gis', join(ROOT, 'scenarios/lezhi-rainstorm.yaml'), '--out', gis]);
    expect(exported.code, exported.out).toBe(0);
    // the fixture county with faults: a population written in words, and a road file that is one Feature
    bad = join(work, 'bad');
    mkdirSync(bad);
    for (const f of readdirSync(join(ROOT, 'test/fixtures/import'))) copyFileSync(join(ROOT, 'test/fixtures/import', f), join(bad, f));
    const villages = readFileSync(join(bad, 'villages.csv'), 'utf8').split('\n');
    villages[3] = villages[3]!.replace(/,(\d+),/, ',五十,');
    writeFileSync(join(bad, 'villages.csv'), villages.join('\n'));
    const roads = JSON.parse(readFileSync(join(bad, 'roads.geojson'), 'utf8')) as { features: unknown[] };
    writeFileSync(join(bad, 'one-road.geojson'), JSON.stringify(roads.features[0]));
    // the fixture county's roads as a GBK shapefile named in Chinese (道路.shp/.shx/.dbf), with its registers
    shp = join(work, 'shp');
    mkdirSync(shp);
    for (const k of REGISTERS) copyFileSync(join(ROOT, 'test/fixtures/import', `${k}.csv`), join(shp, `${k}.csv`));
    const lines = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/import/roads.geojson'), 'utf8')) as { features: { properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } }[] };
    const shpFeatures: ShpFeature[] = lines.features.map((f) => ({
      parts: (f.geometry.type === 'LineString' ? [f.geometry.coordinates] : f.geometry.coordinates) as [number, number][][],
      attributes: Object.fromEntries(Object.entries(f.properties).map(([k, v]) => [k, String(v)])),
    }));
    writeShapefile(join(shp, '道路'), shpFeatures, 'gbk');
    const { build } = await import('vite');
    const appDir = join(work, 'app');
    await build({ configFile: join(ROOT, 'vite.config.ts'), root: join(ROOT, 'src/app'), logLevel: 'warn', build: { outDir: appDir, emptyOutDir: true } });
    // the importer's panel, map and division tables are one lazy chunk: no other chunk (main, planner, kiosk) carries them
    const js = readdirSync(join(appDir, 'assets')).filter((f) => f.endsWith('.js'));
    const carrying = (s: string) => js.filter((f) => readFileSync(join(appDir, 'assets', f), 'utf8').includes(s));
    expect(carrying('pl-import-map')).toEqual([expect.stringMatching(/^ImportPanel-/)]);
    expect(carrying('Tianchi Subdistrict')).toEqual([expect.stringMatching(/^ImportPanel-/)]);
    server = await startServer({ port: 0, host: '127.0.0.1', db: join(work, 'drills.sqlite'), appDir, out: () => {} });
    base = `http://127.0.0.1:${server.port}/`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
    const ctx = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 768 }, acceptDownloads: true });
    page = await ctx.newPage();
    page.setDefaultTimeout(90_000);
    page.on('pageerror', (e) => pageErrors.push(e.message));
    process.stdout.write(`[e2e] planner import screenshots in ${shots}\n`);
  }, 360_000);

  afterAll(async () => {
    await browser?.close().catch(() => {});
    await server?.close().catch(() => {});
    if (!process.env.YANLIAN_E2E_SHOTS && work) rmSync(work, { recursive: true, force: true });
  });

  const openImport = async () => {
    await page.goto('about:blank');
    await page.goto(`${base}#/planner`);
    await expect.poll(() => page.getByTestId('planner-page').isVisible(), { timeout: 60_000 }).toBe(true);
    await page.getByTestId('pl-import-open').click();
    // the importer's chunk loads on first use: seconds on a loaded machine
    await expect.poll(() => page.getByTestId('pl-import-files').count(), { timeout: 60_000 }).toBe(1);
  };

  /** Drops the files in, runs the import and waits for its result. */
  const importFiles = async (files: string[]) => {
    await page.getByTestId('pl-import-files').setInputFiles(files);
    await expect.poll(() => page.getByTestId('pl-import-file').count(), { timeout: 60_000 }).toBe(files.length);
    await page.getByTestId('pl-import-run').click();
    await expect.poll(() => page.getByTestId('pl-import-result').count(), { timeout: 240_000, interval: 500 }).toBe(1);
  };

  /** The problems as the CLI prints them, in the CLI's order (the page lists errors first). */
  const shownProblems = async () =>
    (await page.getByTestId('pl-import-problem').evaluateAll((els) => els.map((e) => [Number(e.getAttribute('data-index')), e.getAttribute('data-text')!] as const)))
      .sort((a, b) => a[0] - b[0])
      .map((x) => x[1]);
  const cliProblems = (out: string) => out.split('\n').filter((l) => /^\S+\.(geojson|json|csv|xlsx|shp|tif)( |：)/.test(l) || l.startsWith('--villages'));

  it('imports the exported 乐至 layers: the CLI’s summary, problems and YAML bytes; the map shows the network and zooms to a problem', async () => {
    await openImport();
    // no county is preselected; picking 乐至 from the tables fills its code
    expect(await page.getByTestId('pl-import-county').inputValue()).toBe('');
    await page.getByTestId('pl-import-county').selectOption('512022');
    expect(await page.getByTestId('pl-import-code').inputValue()).toBe('512022');
    await importFiles([join(gis, 'roads.geojson'), ...REGISTERS.map((k) => join(gis, `${k}.xlsx`))]);
    const roles = await page.getByTestId('pl-import-file').evaluateAll((els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-name'), e.getAttribute('data-role')])));
    expect(roles).toEqual({ 'roads.geojson': 'roads', 'villages.xlsx': 'villages', 'sites.xlsx': 'sites', 'stores.xlsx': 'stores', 'teams.xlsx': 'teams', 'shelters.xlsx': 'shelters' });
    expect(await page.getByTestId('pl-import-result').getAttribute('data-ok')).toBe('true');

    // the command the page names, run in the files' folder, writes the same YAML and prints the same summary and problems
    const command = (await page.getByTestId('pl-import-command').textContent())!;
    expect(command).toBe('yanlian import --division 512022 --roads roads.geojson --villages villages.xlsx --sites sites.xlsx --stores stores.xlsx --teams teams.xlsx --shelters shelters.xlsx --out county-512022.yaml');
    const c = await cli(gis, command.split(' ').slice(1));
    expect(c.code, c.out).toBe(0);
    const summary = await page.getByTestId('pl-import-summary-line').allTextContents();
    expect(summary).toHaveLength(2);
    for (const line of summary) expect(c.out.split('\n')).toContain(line);
    expect(summary[0]).toContain('381 条要素 → 336 个节点、381 条路段');
    expect(await shownProblems()).toEqual(cliProblems(c.out));
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('pl-import-download').click()]);
    expect(download.suggestedFilename()).toBe('county-512022.yaml');
    const yaml = readFileSync((await download.path())!);
    expect(yaml.equals(readFileSync(join(gis, 'county-512022.yaml')))).toBe(true);
    writeFileSync(join(work, 'page-county.yaml'), yaml);

    // the map: every link drawn, the problems with a place marked; a warning's "show on map" zooms there
    expect(await page.locator('[data-testid="pl-import-map"] path.pl-im-road').count()).toBe(381);
    expect(await page.getByTestId('pl-import-mark').count()).toBeGreaterThan(0);
    await page.getByTestId('pl-import').evaluate((e) => e.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: join(shots, 'planner-import-form.png') });
    await page.getByTestId('pl-import-verdict').evaluate((e) => e.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: join(shots, 'planner-import-lezhi.png') });
    await page.getByTestId('pl-import-locate').first().click();
    await expect.poll(() => page.locator('[data-testid="pl-import-map"] svg').getAttribute('data-zoomed')).toBe('true');
    await page.getByTestId('pl-import-verdict').evaluate((e) => e.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: join(shots, 'planner-import-zoomed.png') });
    expect(pageErrors).toEqual([]);
  });

  it('saves it as the current scenario: yanlian validate accepts the YAML, and 50 trials in the page equal yanlian simulate', async () => {
    expect(await page.getByTestId('pl-loaded').count()).toBe(0);
    await page.getByTestId('pl-import-save').click();
    await expect.poll(() => page.getByTestId('pl-loaded').textContent(), { timeout: 60_000 }).toContain('county-512022.yaml');
    expect(await page.getByTestId('pl-loaded').getAttribute('data-model')).toBe('county');
    expect(await page.getByTestId('pl-import-save').isDisabled()).toBe(true);
    const file = join(work, 'page-county.yaml');
    const v = await cli(work, ['validate', file]);
    expect(v.code, v.out).toBe(0);
    const { createHash } = await import('node:crypto');
    expect(await page.getByTestId('pl-loaded').getAttribute('data-sha256')).toBe(createHash('sha256').update(readFileSync(file)).digest('hex'));

    await page.getByTestId('pl-trials').fill('50');
    await page.getByTestId('pl-seed').fill('5');
    await page.getByTestId('pl-chunk').fill('');
    await page.getByTestId('pl-until-se').fill('');
    await page.getByTestId('pl-run').click();
    await expect.poll(() => page.getByTestId('pl-results').count(), { timeout: 240_000, interval: 500 }).toBe(1);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('pl-download-json').click()]);
    const browserJson = readFileSync((await download.path())!);
    const out = join(work, 'cli-summary.json');
    const s = await cli(work, ['simulate', file, '--trials', '50', '--seed', '5', '--json', out]);
    expect(s.code, s.out).toBe(0);
    expect(browserJson.equals(readFileSync(out))).toBe(true);
    await page.getByTestId('pl-results').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, 'planner-import-run.png') });
    expect(pageErrors).toEqual([]);
  });

  it('a GBK shapefile and CSV registers dropped on the page: the same YAML bytes, summary and encoding note as the CLI', async () => {
    await openImport();
    await page.getByTestId('pl-import-code').fill('512022');
    const names = readdirSync(shp).sort();
    // a real drop: the files in a DataTransfer on the drop zone
    const payload = names.map((name) => ({ name, b64: readFileSync(join(shp, name)).toString('base64') }));
    const dt = await page.evaluateHandle((files: { name: string; b64: string }[]) => {
      // in the page: the browser's DataTransfer and File (the test's own types have no DOM)
      const w = globalThis as unknown as { DataTransfer: new () => { items: { add(f: unknown): void } }; File: new (parts: unknown[], name: string) => unknown };
      const d = new w.DataTransfer();
      for (const f of files) d.items.add(new w.File([Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0))], f.name));
      return d;
    }, payload);
    await page.getByTestId('pl-import-drop').dispatchEvent('drop', { dataTransfer: dt });
    await expect.poll(() => page.getByTestId('pl-import-file').count(), { timeout: 60_000 }).toBe(names.length);
    const roles = await page.getByTestId('pl-import-file').evaluateAll((els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-name'), e.getAttribute('data-role')])));
    expect(roles).toMatchObject({ '道路.shp': 'roads', '道路.dbf': 'sidecar', '道路.shx': 'sidecar', 'villages.csv': 'villages', 'shelters.csv': 'shelters' });
    await page.getByTestId('pl-import-run').click();
    await expect.poll(() => page.getByTestId('pl-import-result').count(), { timeout: 240_000, interval: 500 }).toBe(1);
    expect(await page.getByTestId('pl-import-result').getAttribute('data-ok')).toBe('true');
    const command = (await page.getByTestId('pl-import-command').textContent())!;
    expect(command).toContain('--roads 道路.shp --villages villages.csv');
    const c = await cli(shp, command.split(' ').slice(1));
    expect(c.code, c.out).toBe(0);
    const summary = await page.getByTestId('pl-import-summary-line').allTextContents();
    expect(summary[0]).toBe('属性编码 道路.dbf: GBK (detected)');
    for (const line of summary) expect(c.out.split('\n')).toContain(line);
    expect(await shownProblems()).toEqual(cliProblems(c.out));
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('pl-import-download').click()]);
    expect(readFileSync((await download.path())!).equals(readFileSync(join(shp, 'county-512022.yaml')))).toBe(true);
    await page.getByTestId('pl-import-verdict').evaluate((e) => e.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: join(shots, 'planner-import-shapefile.png') });
    expect(pageErrors).toEqual([]);
  });

  it('a register with 「五十」 as a population shows its located error (zh, then en) on the list and the map, and saves nothing', async () => {
    await openImport();
    await page.getByTestId('pl-import-code').fill('512022');
    const files = ['roads.geojson', ...REGISTERS.map((k) => `${k}.csv`)];
    await importFiles(files.map((f) => join(bad, f)));
    expect(await page.getByTestId('pl-import-result').getAttribute('data-ok')).toBe('false');
    expect(await page.getByTestId('pl-import-save').count()).toBe(0);
    expect(await page.getByTestId('pl-import-download').count()).toBe(0);
    const c = await cli(bad, ['import', '--division', '512022', '--roads', 'roads.geojson', ...REGISTERS.flatMap((k) => [`--${k}`, `${k}.csv`]), '--out', 'never.yaml']);
    expect(c.code).toBe(2);
    expect(existsSync(join(bad, 'never.yaml'))).toBe(false);
    const shown = await shownProblems();
    expect(shown).toEqual(cliProblems(c.out));
    expect(shown).toContain('villages.csv 第 4 行 人口（人）：“五十”不是数字');
    const row = page.locator('[data-testid="pl-import-problem"][data-severity="error"]').first();
    expect(await row.getAttribute('data-row')).toBe('4');
    // the faulty row has a position: it is marked on the map and "show on map" zooms to it
    await row.getByTestId('pl-import-locate').click();
    await expect.poll(() => page.locator('[data-testid="pl-import-map"] svg').getAttribute('data-zoomed')).toBe('true');
    await page.getByTestId('pl-import-verdict').evaluate((e) => e.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: join(shots, 'planner-import-bad-register.png') });
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.locator('[data-testid="pl-import-problem"][data-severity="error"]').first().textContent()).toContain('"五十" is not a number');
    expect(await page.getByTestId('pl-import-problem').first().getAttribute('data-text')).toBe('villages.csv row 4, 人口（人）: "五十" is not a number');
    await page.getByTestId('pl-import-verdict').evaluate((e) => e.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: join(shots, 'planner-import-bad-register-en.png') });
    await page.getByTestId('lang-switch').click();
    expect(await page.getByTestId('pl-loaded').count()).toBe(0);
  });

  it('a road file that is not a FeatureCollection is refused at the file, with no map, and saves nothing', async () => {
    await openImport();
    expect(await page.getByTestId('pl-import-run').isDisabled()).toBe(true);
    await page.getByTestId('pl-import-code').fill('512022');
    await importFiles([join(bad, 'one-road.geojson'), join(bad, 'villages.csv')]);
    expect(await page.getByTestId('pl-import-result').getAttribute('data-ok')).toBe('false');
    const shown = await shownProblems();
    expect(shown[0]).toBe('one-road.geojson：不是有效的 GeoJSON：type must be FeatureCollection with features');
    const c = await cli(bad, ['import', '--division', '512022', '--roads', 'one-road.geojson', '--villages', 'villages.csv', '--out', 'never.yaml']);
    expect(c.code).toBe(2);
    expect(shown).toEqual(cliProblems(c.out));
    expect(await page.getByTestId('pl-import-map').count()).toBe(0);
    expect(await page.getByTestId('pl-import-save').count()).toBe(0);
    expect(await page.getByTestId('pl-loaded').count()).toBe(0);
    await page.getByTestId('pl-import-verdict').evaluate((e) => e.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: join(shots, 'planner-import-bad-roads.png') });
    expect(pageErrors).toEqual([]);
  });
});
