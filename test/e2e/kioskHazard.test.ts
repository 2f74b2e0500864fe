/**
 * End to end, in a real browser: the kiosk's county experiences besides the rainstorm — the
 * earthquake (施甸), the forest fire (施甸) and the typhoon (平湖) — each played by touch alone from
 * the start screen to the result card, which comes by itself; the story the page tells and the
 * consequence of the visitor's answers (the same seed run again with them as engine decisions)
 * are checked against the engine run here in Node. The answer order differs between seeds and the
 * right answer is not always first. Screenshots go to $YANLIAN_E2E_SHOTS or a temp folder.
 *
 * The browser part skips, saying why, only when no Chromium binary exists (CHROMIUM_PATH or
 * /usr/bin/chromium).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODELS } from '../../engine/model/models.ts';
import type { TimedDecision } from '../../engine/sim/decision.ts';
import type { Scenario } from '../../engine/scenario/schema/scenario.ts';
import { startServer, type RunningServer } from '../../src/server/startServer.ts';
import { pickHazardRun, runVisitor, siteFate, type HazardSpec } from '../../src/app/kiosk/hazardSpec.ts';
import { HAZARD_SPECS, type HazardId } from '../../src/app/kiosk/hazardSpecs.ts';
import { optionOrder } from '../../src/app/kiosk/rainQuestions.ts';
import { distanceKm, IN_FA_TRACK, trackAt, trackTimeMs } from '../../src/app/kiosk/typhoonTrack.ts';
import { canvasVariance } from '../support/canvasVariance.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run', '--enable-unsafe-swiftshader'];
const ROOT = new URL('../../', import.meta.url).pathname;

const scenarios = new Map<string, Scenario>();
const scenarioOf = (name: string): Scenario => {
  if (!scenarios.has(name)) {
    const loaded = MODELS.county.load(readFileSync(join(ROOT, `scenarios/${name}.yaml`), 'utf8'), `${name}.yaml`, 'zh');
    if (!loaded.ok) throw new Error(`${name}.yaml does not load`);
    scenarios.set(name, loaded.scenario as Scenario);
  }
  return scenarios.get(name)!;
};
const run = (s: Scenario, seed: number, d?: readonly TimedDecision[]) => MODELS.county.run(s, seed, d ? { played: { mode: 'auto', decisions: [...d] } } : {});
const IDS = Object.keys(HAZARD_SPECS) as HazardId[];
const specOf = (id: HazardId) => HAZARD_SPECS[id] as HazardSpec;
const allRight = (spec: HazardSpec) => Object.fromEntries(spec.questions.map((q) => [q.id, q.right]));
const allWrong = (spec: HazardSpec) => Object.fromEntries(spec.questions.map((q) => [q.id, q.options.find((o) => o !== q.right)!]));

describe.each(IDS)('the %s story read from an engine run (pure)', (id) => {
  const spec = specOf(id);
  const s = scenarioOf(spec.scenario);

  it('seed 1: a story on a real village and site; the questions stop the replay in time order inside its span', () => {
    const r = pickHazardRun(spec, s, 1, run)!;
    expect(r).not.toBeNull();
    const st = r.story;
    const site = s.hazardSites.find((h) => h.id === st.focus.site)!;
    expect(site.village).toBe(st.focus.village);
    const stops = spec.questions.map((q) => st.stops[q.id]!);
    expect(stops.every((x) => Number.isFinite(x))).toBe(true);
    expect([...stops].sort((a, b) => a - b)).toEqual(stops);
    expect(stops[0]!).toBeGreaterThanOrEqual(st.start);
    expect(stops[stops.length - 1]!).toBeLessThan(st.end);
    expect(spec.story(s, [])).toBeNull();
  });

  it('the right answers are simulated: the same seed with them as decisions keeps the village safer than the plan; wrong answers change nothing', () => {
    const plan = pickHazardRun(spec, s, 1, run)!;
    const good = runVisitor(spec, s, plan, allRight(spec), run);
    const bad = runVisitor(spec, s, plan, allWrong(spec), run);
    expect(good.decisions.length).toBeGreaterThan(0);
    expect(bad.decisions).toEqual([]);
    expect(bad.events.length).toBe(plan.events.length);
    const site = plan.story.focus.site;
    const r = spec.result(s, plan, good, String);
    expect(r.yours).not.toBe(spec.result(s, plan, bad, String).yours);
    expect(good.events.some((e) => e.type === 'decision.applied')).toBe(true);
    expect(siteFate(good.events, good.outcome, site).deadMissing).toBeLessThanOrEqual(siteFate(plan.events, plan.outcome, site).deadMissing);
  });

  it('answer order is shuffled by seed: the right answer is not always first, the same seed shows the same order', () => {
    for (const q of spec.questions) {
      const firsts = new Set<string>();
      for (let sd = 0; sd < 40; sd++) firsts.add(optionOrder(q, sd)[0]!);
      expect(firsts.size).toBe(q.options.length);
      expect(optionOrder(q, 9)).toEqual(optionOrder(q, 9));
    }
  });
});

if (!HAVE_CHROMIUM) process.stderr.write(`\n[e2e] SKIPPED: no Chromium at ${CHROMIUM}. Install it (apt-get install -y chromium fonts-noto-cjk) or set CHROMIUM_PATH.\n\n`);

describe.skipIf(!HAVE_CHROMIUM)(`kiosk county experiences in Chromium (${CHROMIUM})`, () => {
  let work: string;
  let shots: string;
  let server: RunningServer;
  let base: string;
  let browser: Browser;
  const pageErrors: string[] = [];
  const foreign: string[] = [];

  const page = async (width: number, height: number): Promise<Page> => {
    const c = await browser.newContext({ locale: 'zh-CN', viewport: { width, height }, hasTouch: true });
    const p = await c.newPage();
    p.setDefaultTimeout(90_000);
    p.on('pageerror', (e) => pageErrors.push(e.message));
    p.on('request', (r) => {
      if (!r.url().startsWith(base)) foreign.push(r.url());
    });
    return p;
  };
  const shot = (p: Page, name: string) => p.screenshot({ path: join(shots, `${name}.png`) });

  /** Answers the current question with `opt` once it is `q`; returns the order the options were shown in. */
  const answer = async (p: Page, q: string, opt: string): Promise<string[]> => {
    await expect.poll(() => p.getByTestId('kiosk-hazard-question').getAttribute('data-question'), { timeout: 60_000 }).toBe(q);
    const sizes = await p.locator('.kiosk-option').evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => Math.min(r.width, r.height)));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(64);
    const order = await p.locator('[data-testid^=kiosk-hazard-option-]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.replace('kiosk-hazard-option-', '')));
    await p.getByTestId(`kiosk-hazard-option-${opt}`).tap();
    return order;
  };

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'yanlian-kiosk-hazard-e2e-'));
    shots = process.env.YANLIAN_E2E_SHOTS ?? join(work, 'shots');
    mkdirSync(shots, { recursive: true });
    const appDir = join(work, 'app');
    const { build } = await import('vite');
    await build({ configFile: join(ROOT, 'vite.config.ts'), root: join(ROOT, 'src/app'), logLevel: 'warn', build: { outDir: appDir, emptyOutDir: true } });
    server = await startServer({ port: 0, host: '127.0.0.1', db: join(work, 'drills.sqlite'), appDir, out: () => {} });
    base = `http://127.0.0.1:${server.port}/`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
    process.stdout.write(`[e2e] kiosk hazard screenshots in ${shots}\n`);
  }, 360_000);

  afterAll(async () => {
    await browser?.close().catch(() => {});
    await server?.close().catch(() => {});
    if (!process.env.YANLIAN_E2E_SHOTS && work) rmSync(work, { recursive: true, force: true });
  });

  const orders = new Map<string, string[][]>();

  it.each(IDS.flatMap((id) => [[id, 1920, 1080, 1] as const, [id, 1280, 800, 7] as const]))('%s at %i×%i (seed %i): from the start screen to the result card by touch', async (id, w, h, seed) => {
    const spec = specOf(id);
    const s = scenarioOf(spec.scenario);
    const plan = pickHazardRun(spec, s, seed, run)!;
    // at 1920 one answer is wrong (the first question's), at 1280 all are right, in English
    const en = w === 1280;
    const answers = en ? allRight(spec) : { ...allRight(spec), [spec.questions[0]!.id]: allWrong(spec)[spec.questions[0]!.id] };
    const p = await page(w, h);
    await p.goto(`${base}#/kiosk?seed=${seed}&idle=600`);
    await expect.poll(() => p.getByTestId(`kiosk-start-${id}`).isVisible(), { timeout: 15_000 }).toBe(true);
    if (en) {
      await p.getByTestId('kiosk-lang').tap();
      await expect.poll(() => p.getByTestId('kiosk-lang').textContent()).toBe('中文');
    }
    await p.getByTestId(`kiosk-start-${id}`).tap();
    await expect.poll(() => p.getByTestId('kiosk-hazard-intro').isVisible(), { timeout: 60_000 }).toBe(true);
    const village = s.region.villages.find((v) => v.id === plan.story.focus.village)!;
    expect(await p.getByTestId('kiosk-hazard-intro').textContent()).toContain(en ? village.name.en : village.name.zh);
    await p.waitForTimeout(1_000);
    expect(await canvasVariance(p, '[data-testid=kiosk-hazard-stage] canvas')).toBeGreaterThan(8);
    await shot(p, `${id}-${w}-01-intro`);
    // the typhoon's real track (烟花, 2021) over the replay: its centre far out at sea before the rain, then closer
    const eye = p.getByTestId('kiosk-typhoon-eye');
    const eye0 = id === 'typhoon' ? `${await eye.getAttribute('data-lat')},${await eye.getAttribute('data-lon')}` : '';
    if (id === 'typhoon') {
      expect(await p.getByTestId('kiosk-typhoon-track').textContent()).toContain(en ? 'In-Fa' : '烟花');
      expect(await p.getByTestId('kiosk-typhoon-distance').textContent()).toMatch(en ? /\d+ km from Pinghu · force \d+/ : /距平湖 \d+ 公里 · \d+ 级/);
    }
    await p.getByTestId('kiosk-hazard-go').tap();
    const order: string[][] = [];
    for (const [i, q] of spec.questions.entries()) {
      if (i === 0 || i === spec.questions.length - 1) {
        await expect.poll(() => p.getByTestId('kiosk-hazard-question').getAttribute('data-question'), { timeout: 60_000 }).toBe(q.id);
        await shot(p, `${id}-${w}-0${i + 2}-question`);
      }
      if (id === 'typhoon' && i === spec.questions.length - 1) {
        expect(`${await eye.getAttribute('data-lat')},${await eye.getAttribute('data-lon')}`).not.toBe(eye0);
        // the distance shown is the track's at this stop (the run's rain peak on the landfall at 平湖), computed here in Node
        const rain = (plan.story as unknown as { rain: { rain: [number, number][] } }).rain.rain;
        const s0 = scenarioOf(spec.scenario).region.townships;
        const home = { lon: s0.reduce((a, x) => a + x.position[0], 0) / s0.length, lat: s0.reduce((a, x) => a + x.position[1], 0) / s0.length };
        const km = distanceKm(trackAt(IN_FA_TRACK, trackTimeMs(IN_FA_TRACK, rain, plan.story.stops[q.id]!)), home);
        expect(Math.abs(Number(await p.getByTestId('kiosk-typhoon-distance').getAttribute('data-km')) - km)).toBeLessThanOrEqual(5);
      }
      order.push(await answer(p, q.id, answers[q.id]!));
    }
    orders.set(`${id}-${seed}`, order);
    await expect.poll(() => p.getByTestId('kiosk-hazard-result').isVisible(), { timeout: 60_000 }).toBe(true);
    const score = spec.questions.filter((q) => answers[q.id] === q.right).length;
    expect(await p.getByTestId('kiosk-hazard-result').getAttribute('data-score')).toBe(String(score));
    const visitor = runVisitor(spec, s, plan, answers, run);
    expect(await p.getByTestId('kiosk-hazard-yours').getAttribute('data-yours')).toBe(spec.result(s, plan, visitor, String).yours);
    expect(await p.getByTestId(`kiosk-hazard-choice-${spec.questions[0]!.id}`).getAttribute('data-right')).toBe(en ? '1' : '0');
    const small = await p.locator('[data-testid=kiosk-hazard-result] *').evaluateAll((els) => els.filter((e) => (e as any).offsetParent !== null && e.childNodes.length && parseFloat((globalThis as any).getComputedStyle(e).fontSize) < 14).length);
    expect(small).toBe(0);
    await shot(p, `${id}-${w}-09-result`);
    await p.screenshot({ path: join(shots, `${id}-${w}-09-result-full.png`), fullPage: true });
    await p.getByTestId('kiosk-hazard-again').tap();
    await expect.poll(() => p.getByTestId('kiosk').getAttribute('data-step')).toBe('start');
    // two seeds, two orders (the same questions)
    const other = orders.get(`${id}-${seed === 1 ? 7 : 1}`);
    if (other) expect(order).not.toEqual(other);
    expect(pageErrors).toEqual([]);
    expect(foreign).toEqual([]);
    await p.context().close();
  }, 360_000);
});
