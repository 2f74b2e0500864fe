/**
 * The debrief playback page (#/playback) end to end in Debian's Chromium (playwright-core, no
 * browser download): the app built with Vite in `test` mode (which keeps the test hook
 * `window.__yanlianPlayback`; a production build is checked not to contain it), served by the
 * real server. A county log and a building log render a non-blank 3D scene (pixel variance of a
 * canvas screenshot); scrubbing to chosen times shows exactly the state the engine's reducer
 * gives for that time (computed here in Node from the same log); a truncated log shows its
 * located error and nothing is drawn. Screenshots go to $YANLIAN_E2E_SHOTS or a temp folder.
 *
 * Skips, saying why, only when no Chromium binary exists (CHROMIUM_PATH or /usr/bin/chromium).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAnyScenario } from '../../engine/evacuation/index.ts';
import { buildPlayback, parsePlaybackLog, stateAt, type PlaybackIndex } from '../../engine/playback/index.ts';
import { startServer, type RunningServer } from '../../src/server/startServer.ts';
import { canvasVariance } from '../support/canvasVariance.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const FLAGS = ['--headless', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'];
const ROOT = new URL('../../', import.meta.url).pathname;
const COUNTY_LOG = join(ROOT, 'test/golden/lezhi-seed1.jsonl');
const BUILDING_LOG = join(ROOT, 'test/golden/school-seed1.jsonl');

if (!HAVE_CHROMIUM) process.stderr.write(`\n[e2e] SKIPPED: no Chromium at ${CHROMIUM}. Install it (apt-get install -y chromium fonts-noto-cjk) or set CHROMIUM_PATH.\n\n`);

/** The reducer's index for a golden log and its shipped scenario, built in Node. */
function indexFor(logFile: string, scenarioFile: string): PlaybackIndex {
  const log = parsePlaybackLog(readFileSync(logFile, 'utf8'));
  const sc = loadAnyScenario(readFileSync(join(ROOT, scenarioFile), 'utf8'), scenarioFile);
  if (!log.ok || !sc.ok) throw new Error('fixture');
  return buildPlayback(sc.model === 'county' ? { model: 'county', scenario: sc.scenario } : { model: 'building', scenario: sc.scenario }, log.events);
}

/**
 * Waits for a condition, not a fixed short time: on a loaded 2-core machine a step can take many
 * seconds, so every poll gets at least 60 s (a longer explicit timeout is kept).
 */
const poll = <T,>(fn: () => Promise<T> | T, o: { timeout?: number } = {}) => expect.poll(fn, { interval: 100, ...o, timeout: Math.max(60_000, o.timeout ?? 0) });

describe.skipIf(!HAVE_CHROMIUM)(`playback page in Chromium (${CHROMIUM})`, () => {
  let work: string;
  let shots: string;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let base: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'yanlian-pb-e2e-'));
    shots = process.env.YANLIAN_E2E_SHOTS ?? join(work, 'shots');
    mkdirSync(shots, { recursive: true });
    const { build } = await import('vite');
    // production: the test hook must not be in it
    const prod = join(work, 'prod');
    await build({ configFile: join(ROOT, 'vite.config.ts'), root: join(ROOT, 'src/app'), logLevel: 'warn', build: { outDir: prod, emptyOutDir: true } });
    const prodJs = readdirSync(join(prod, 'assets')).filter((f) => f.endsWith('.js'));
    expect(prodJs.some((f) => readFileSync(join(prod, 'assets', f), 'utf8').includes('WebGLRenderer'))).toBe(true);
    expect(prodJs.filter((f) => readFileSync(join(prod, 'assets', f), 'utf8').includes('__yanlianPlayback'))).toEqual([]);
    // the main chunk does not carry three.js (the route is code-split)
    const main = prodJs.find((f) => f.startsWith('index-'))!;
    expect(readFileSync(join(prod, 'assets', main), 'utf8')).not.toContain('WebGLRenderer');
    const appDir = join(work, 'app');
    await build({ configFile: join(ROOT, 'vite.config.ts'), root: join(ROOT, 'src/app'), mode: 'test', logLevel: 'warn', build: { outDir: appDir, emptyOutDir: true } });
    server = await startServer({ port: 0, host: '127.0.0.1', db: join(work, 'drills.sqlite'), appDir, out: () => {} });
    base = `http://127.0.0.1:${server.port}/`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
    const ctx = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 960 } });
    page = await ctx.newPage();
    page.setDefaultTimeout(90_000);
    page.on('pageerror', (e) => pageErrors.push(e.message));
    process.stdout.write(`[e2e] playback screenshots in ${shots}\n`);
  }, 360_000);

  afterAll(async () => {
    await browser?.close().catch(() => {});
    await server?.close().catch(() => {});
    if (!process.env.YANLIAN_E2E_SHOTS && work) rmSync(work, { recursive: true, force: true });
  });


  /** Moves the real scrubber to time t (log units) and waits for the scene to take it. */
  const scrubTo = async (t: number) => {
    await page.getByTestId('pb-scrub').evaluate((el, v) => {
      const input = el as unknown as { value: string; dispatchEvent(e: Event): boolean };
      input.value = String(v);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }, t);
    await poll(() => page.evaluate(() => (globalThis as unknown as { __yanlianPlayback: { t(): number } }).__yanlianPlayback.t())).toBeCloseTo(t, 3);
  };
  const hookState = () => page.evaluate(() => (globalThis as unknown as { __yanlianPlayback: { state(): unknown } }).__yanlianPlayback.state());

  const open = async (file: string) => {
    await page.goto('about:blank');
    await page.goto(`${base}#/playback`);
    await page.getByTestId('pb-file').setInputFiles(file);
  };

  it('the home page links to the playback page', async () => {
    await page.goto(base);
    await page.getByTestId('go-playback').click();
    await poll(() => page.getByTestId('playback-page').isVisible()).toBe(true);
    expect(await page.locator('input[type=file]').count()).toBe(1);
  });

  it('a county log: a non-blank scene; scrubbing shows the state the log implies (HUD included)', async () => {
    const idx = indexFor(COUNTY_LOG, 'scenarios/lezhi-rainstorm.yaml');
    await open(COUNTY_LOG);
    await poll(() => page.getByTestId('pb-view').getAttribute('data-model')).toBe('county');
    await poll(() => page.getByTestId('pb-sha-ok').count()).toBe(1);
    await page.waitForTimeout(800);
    expect(await canvasVariance(page, '[data-testid=pb-view] canvas')).toBeGreaterThan(8);
    // moments: the first road cut, the first failure, midway, the end
    const cut = idx.events.find((e) => e.type === 'road.cut')!;
    const fail = idx.events.find((e) => e.type === 'site.failed')!;
    for (const t of [cut.t, fail.t + 30, idx.endT / 2, idx.endT]) {
      await scrubTo(t);
      const expected = stateAt(idx, t);
      expect(await hookState()).toEqual(JSON.parse(JSON.stringify(expected)));
      if (expected.model !== 'county') throw new Error('county');
      await poll(() => page.getByTestId('pb-affected').textContent()).toContain(String(expected.affected));
      await poll(() => page.getByTestId('pb-dead').textContent()).toContain(String(expected.deadMissing));
      await poll(() => page.getByTestId('response-level').getAttribute('data-level')).toBe(expected.response === 'none' ? 'none' : expected.response);
    }
    await scrubTo(cut.t);
    const s = (await hookState()) as { links: Record<string, string> };
    expect(s.links[String(cut.link)]).toBe('cut');
    // the clock and the event list follow
    await poll(() => page.getByTestId('pb-clock').textContent()).toMatch(/^T\+\d\d:\d\d$/);
    await poll(() => page.locator('[data-testid=pb-events] li.current').getAttribute('data-seq')).toBe(String(idx.events.filter((e) => e.t <= cut.t).length));
    // no raw ids or JSON in the event list
    const list = (await page.getByTestId('pb-events').textContent()) ?? '';
    expect(list).not.toMatch(/[{}]|\bgh\d+|\br-v\d+|team-|wh-/);
    await scrubTo(fail.t + 120);
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(shots, 'playback-county.png') });
    // step to the next event and back
    const before = await page.evaluate(() => (globalThis as unknown as { __yanlianPlayback: { t(): number } }).__yanlianPlayback.t());
    await page.getByTestId('pb-next').click();
    await poll(() => page.evaluate(() => (globalThis as unknown as { __yanlianPlayback: { t(): number } }).__yanlianPlayback.t())).toBeGreaterThan(before);
    await page.getByTestId('pb-prev').click();
    await poll(() => page.evaluate(() => (globalThis as unknown as { __yanlianPlayback: { t(): number } }).__yanlianPlayback.t())).toBeLessThanOrEqual(before);
    // play a moment at 3600×: time moves on
    await page.getByTestId('pb-speed').selectOption('3600');
    await page.getByTestId('pb-play').click();
    await page.waitForTimeout(700);
    await page.getByTestId('pb-play').click();
    expect(await page.evaluate(() => (globalThis as unknown as { __yanlianPlayback: { t(): number } }).__yanlianPlayback.t())).toBeGreaterThan(before);
  }, 360_000);

  it('a county log: clicking an event flies the camera to its team, rings it and names it; village labels thicken as one zooms in; the warning frames the scene', async () => {
    const idx = indexFor(COUNTY_LOG, 'scenarios/lezhi-rainstorm.yaml');
    const sc = loadAnyScenario(readFileSync(join(ROOT, 'scenarios/lezhi-rainstorm.yaml'), 'utf8'), 'scenarios/lezhi-rainstorm.yaml');
    if (!sc.ok || sc.model !== 'county') throw new Error('fixture');
    await open(COUNTY_LOG);
    await poll(() => page.getByTestId('pb-view').getAttribute('data-model')).toBe('county');
    type Hook = { picked(): { kind: string; id: string } | null; cameraTarget(): number[] | null; state(): { warning: string; teams: Record<string, { leg: { via?: unknown[] } | null }> } };
    const hook = <T,>(f: (h: Hook) => T) => page.evaluate(`(${f.toString()})(globalThis.__yanlianPlayback)`) as Promise<T>;
    const visibleVillages = () => page.locator('.pb-label-village').evaluateAll((els) => els.filter((e) => (e as unknown as { style: { display: string } }).style.display === 'block').length);
    await poll(() => page.locator('.pb-label-seat').evaluateAll((els) => els.filter((e) => (e as unknown as { style: { display: string } }).style.display === 'block').length)).toBeGreaterThan(5);
    const overview = await visibleVillages();
    // a team on its way: the event that sent it, clicked in the list
    const dep = idx.events.find((e) => e.type === 'team.departed' && Number(e.minutes) > 10)!;
    await scrubTo(dep.t + Number(dep.minutes) / 2);
    expect((await hook((h) => h.state().teams))[String(dep.team)]!.leg!.via!.length).toBeGreaterThan(0);
    const before = await hook((h) => h.cameraTarget());
    await page.locator(`[data-testid=pb-events] li[data-seq='${dep.seq}']`).click();
    await poll(() => hook((h) => h.picked())).toEqual({ kind: 'team', id: String(dep.team) });
    const name = sc.scenario.teams.find((tm) => tm.id === dep.team)!.name.zh;
    await poll(() => page.getByTestId('pb-info-name').textContent()).toBe(name);
    expect(await page.getByTestId('pb-info').textContent()).toContain('前往途中');
    await poll(async () => {
      const a = await hook((h) => h.cameraTarget());
      return a && before ? Math.hypot(a[0]! - before[0]!, a[2]! - before[2]!) : 0;
    }).toBeGreaterThan(0.5);
    await page.waitForTimeout(1200);
    await page.screenshot({ path: join(shots, 'playback-fly-to-team.png') });
    // closer in, more village names
    await poll(() => visibleVillages()).toBeGreaterThan(overview);
    // the warning signal in force frames the scene
    await poll(() => page.getByTestId('pb-stage').getAttribute('data-warning')).toBe((await hook((h) => h.state().warning)));
  }, 360_000);

  it('a building log: floors, rooms and groups drawn; scrubbing matches the reducer', async () => {
    const idx = indexFor(BUILDING_LOG, 'scenarios/school-fire-evacuation.yaml');
    await open(BUILDING_LOG);
    await poll(() => page.getByTestId('pb-view').getAttribute('data-model')).toBe('building');
    await page.waitForTimeout(800);
    expect(await canvasVariance(page, '[data-testid=pb-view] canvas')).toBeGreaterThan(8);
    const alarm = idx.events.find((e) => e.type === 'alarm')!;
    for (const t of [alarm.t + 60, alarm.t + 150, idx.endT]) {
      await scrubTo(t);
      expect(await hookState()).toEqual(JSON.parse(JSON.stringify(stateAt(idx, t))));
    }
    await scrubTo(alarm.t + 150);
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(shots, 'playback-building.png') });
  }, 360_000);

  it('a truncated log shows where it breaks, and nothing is drawn', async () => {
    const lines = readFileSync(COUNTY_LOG, 'utf8').split('\n').slice(0, 120);
    const bad = join(work, 'truncated.jsonl');
    writeFileSync(bad, lines.join('\n') + '\n');
    await open(bad);
    await poll(() => page.getByTestId('pb-error').textContent()).toContain('第 120 行');
    expect(await page.getByTestId('pb-error').textContent()).toContain('truncated.jsonl');
    expect(await page.locator('canvas').count()).toBe(0);
    await page.screenshot({ path: join(shots, 'playback-bad-log.png') });
  });

  it('no uncaught errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
