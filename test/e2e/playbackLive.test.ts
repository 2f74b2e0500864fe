/**
 * The live maps and the drill playback end to end in Debian's Chromium (playwright-core): the app
 * built in `test` mode (test hooks `__yanlianMap`, `__yanlianPlayback`), the real server, a
 * drill of the shipped Lezhi rainstorm run at 3600× over HTTP.
 * - the director's 态势图 draws the ground truth (non-blank canvas; cut roads);
 * - a township trainee's map never draws an object the position was not told about: every object
 *   it draws beyond the static map is matched by a frame that position received (read with its
 *   own token after the map was read), its teams and stock bars are its own only;
 * - clicking a road and a hazard site on the trainee map fills the action forms;
 * - `#/playback` lists the server's drills, opens one with its password, and switching to a
 *   position's view shows exactly the fold of the records it had received by then;
 * - the debrief panel embeds the same playback.
 * Screenshots go to $YANLIAN_E2E_SHOTS or a temp folder. Skips only when no Chromium exists.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlayback, knownScenario, recordsToEvents, stateAt, type ReceivedRecord } from '../../engine/playback/index.ts';
import type { Scenario } from '../../engine/scenario/schema/scenario.ts';
import type { LogEvent } from '../../engine/sim/eventLog.ts';
import { startServer, type RunningServer } from '../../src/server/startServer.ts';
import { canvasVariance } from '../support/canvasVariance.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const FLAGS = ['--headless', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'];
const ROOT = new URL('../../', import.meta.url).pathname;
const ADMIN = 'e2e-admin-token-live-map';
const PASSWORD = 'yanlian-2025';

/** expect.poll with a timeout that suits SwiftShader on a busy machine (vitest's default is 1 s). */
// waits for a condition: at least 60 s whatever a call site asks, for a loaded 2-core machine
const poll = <T,>(fn: () => Promise<T> | T, o: { timeout?: number } = {}) => expect.poll(fn, { interval: 100, ...o, timeout: Math.max(60_000, o.timeout ?? 0) });

if (!HAVE_CHROMIUM) process.stderr.write(`\n[e2e] SKIPPED: no Chromium at ${CHROMIUM}. Install it (apt-get install -y chromium fonts-noto-cjk) or set CHROMIUM_PATH.\n\n`);

type Frame = { t: number; kind: string; data: Record<string, unknown> };
type Position = { id: string; teams: string[]; warehouses: string[]; shelters: string[]; jurisdiction: 'county' | string[] };
type MapHook = { drawn(): string[]; applied(): number; locate(kind: string, id: string): { x: number; y: number; hit: { kind: string; id: string } | null } | null; picked(): { kind: string; id: string } | null; cameraTarget(): number[] | null };
type PbHook = { seek(t: number): void; state(): unknown; t(): number; endT: number; view(id: string): void; views: string[] };

describe.skipIf(!HAVE_CHROMIUM)(`live maps and drill playback in Chromium (${CHROMIUM})`, () => {
  let work: string;
  let shots: string;
  let server: RunningServer;
  let browser: Browser;
  let base: string;
  let director: Page;
  let trainee: Page;
  let drillId = '';
  let directorToken = '';
  let traineeToken = '';
  let pos: Position;
  const pageErrors: string[] = [];

  const api = async <T,>(method: string, path: string, body?: unknown, token?: string): Promise<T> => {
    const res = await fetch(base + path.slice(1), { method, headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: body === undefined ? undefined : JSON.stringify(body) });
    const j = (await res.json()) as T;
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(j)}`);
    return j;
  };
  const shot = (page: Page, name: string) => page.screenshot({ path: join(shots, `${name}.png`) });
  const mapHook = <T,>(page: Page, name: string, fn: string): Promise<T> => page.evaluate(([n, f]) => ((globalThis as unknown as { __yanlianMap: Record<string, Record<string, () => unknown>> }).__yanlianMap[n!]![f!]!() as T), [name, fn]);
  const hasHook = (page: Page, name: string) => page.evaluate((n) => !!(globalThis as unknown as { __yanlianMap?: Record<string, unknown> }).__yanlianMap?.[n], name);

  /** Standard deviation of a canvas's screenshot pixels (0 for a blank one). */

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'yanlian-live-e2e-'));
    shots = process.env.YANLIAN_E2E_SHOTS ?? join(work, 'shots');
    mkdirSync(shots, { recursive: true });
    const { build } = await import('vite');
    const appDir = join(work, 'app');
    await build({ configFile: join(ROOT, 'vite.config.ts'), root: join(ROOT, 'src/app'), mode: 'test', logLevel: 'warn', build: { outDir: appDir, emptyOutDir: true } });
    server = await startServer({ port: 0, host: '127.0.0.1', db: join(work, 'drills.sqlite'), appDir, tickMs: 50, adminToken: ADMIN, out: () => {} });
    base = `http://127.0.0.1:${server.port}/`;
    // a drill of the shipped county, run over HTTP at 3600× (an hour a second) for a while, then paused
    const created = await api<{ drillId: string; token: string; positionCodes: Record<string, string> }>('POST', '/api/drills', { title: '态势图演练', password: PASSWORD, scenario: 'lezhi-rainstorm', seed: 1, speed: 3600 }, ADMIN);
    drillId = created.drillId;
    directorToken = created.token;
    const script = await api<{ config: { positions: Position[] } }>('GET', '/api/drill/script', undefined, directorToken);
    pos = script.config.positions.find((p) => p.jurisdiction !== 'county' && p.teams.length > 0 && p.warehouses.length > 0)!;
    expect(pos).toBeTruthy();
    traineeToken = (await api<{ token: string }>('POST', '/api/join', { code: created.positionCodes[pos.id], role: 'trainee', name: '乡镇值班员' })).token;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
    const page = async (slot: 'director' | 'trainee', token: string, viewport: { width: number; height: number }) => {
      const ctx = await browser.newContext({ locale: 'zh-CN', viewport });
      await ctx.addInitScript(([s, v]) => (globalThis as unknown as { sessionStorage: { setItem(k: string, v: string): void } }).sessionStorage.setItem(`yanlian.session.${s}`, v!), [slot, JSON.stringify({ token, drillId })]);
      const p = await ctx.newPage();
      p.setDefaultTimeout(90_000);
      p.on('pageerror', (e) => pageErrors.push(e.message));
      return p;
    };
    director = await page('director', directorToken, { width: 1440, height: 1000 });
    trainee = await page('trainee', traineeToken, { width: 1280, height: 1100 });
    for (const op of ['brief', 'start']) await api('POST', '/api/drill/control', { op }, directorToken);
    // until the first report of a cut reaches everyone, at most a minute (60 simulated hours)
    for (let i = 0; i < 120; i++) {
      const ev = await api<{ events: Frame[] }>('GET', '/api/drill/events?limit=5000', undefined, traineeToken);
      if (ev.events.some((f) => f.kind === 'intel')) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    await api('POST', '/api/drill/control', { op: 'pause' }, directorToken);
    process.stdout.write(`[e2e] live-map screenshots in ${shots}\n`);
  }, 360_000);

  afterAll(async () => {
    await browser?.close().catch(() => {});
    await server?.close().catch(() => {});
    if (!process.env.YANLIAN_E2E_SHOTS && work) rmSync(work, { recursive: true, force: true });
  });

  it('the director’s console shows the ground truth on the 态势图, the feed beside it', async () => {
    await director.goto(`${base}#/trainer`);
    await poll(() => hasHook(director, 'director'), { timeout: 60_000 }).toBe(true);
    await poll(() => director.getByTestId('event-feed').isVisible()).toBe(true);
    const staffSim = (await api<{ events: Frame[] }>('GET', '/api/drill/events?limit=5000', undefined, directorToken)).events.filter((f) => f.kind === 'sim');
    await poll(() => mapHook<number>(director, 'director', 'applied'), { timeout: 20_000 }).toBe(staffSim.length);
    const drawn = await mapHook<string[]>(director, 'director', 'drawn');
    expect(drawn.some((k) => /^link:.*:cut$|^link:.*:clearing$|^link:.*:reopened$/.test(k))).toBe(true);
    await director.waitForTimeout(800);
    expect(await canvasVariance(director, '[data-testid=situation-canvas] canvas')).toBeGreaterThan(8);
    await shot(director, 'live-director-situation');
    // text only on request
    await director.getByTestId('situation-toggle').click();
    await poll(() => director.getByTestId('situation-text').textContent()).toContain('道路');
    await director.getByTestId('situation-toggle').click();
    await poll(() => hasHook(director, 'director')).toBe(true);
  }, 360_000);

  it('a road cut clicked in the director’s event feed flies the 态势图 there, with the ring and its card', async () => {
    await director.goto(`${base}#/trainer`);
    await poll(() => hasHook(director, 'director'), { timeout: 60_000 }).toBe(true);
    const staff = (await api<{ events: Frame[] }>('GET', '/api/drill/events?limit=5000', undefined, directorToken)).events;
    await poll(() => mapHook<number>(director, 'director', 'applied'), { timeout: 20_000 }).toBe(staff.filter((f) => f.kind === 'sim').length);
    // the feed is newest first: its first cut entry is the last cut logged
    const cut = staff.filter((f) => f.kind === 'sim' && f.data.type === 'road.cut').at(-1)!;
    const entry = director.locator('[data-testid=event-feed] li.feed-pick.sim-road-cut').first();
    await entry.scrollIntoViewIfNeeded();
    const before = await mapHook<number[] | null>(director, 'director', 'cameraTarget');
    await entry.click();
    await poll(() => mapHook<{ kind: string; id: string } | null>(director, 'director', 'picked')).toEqual({ kind: 'link', id: cut.data.link });
    // the camera eases to the road (its target leaves where it was) and the card names it in Chinese
    await poll(async () => {
      const now = await mapHook<number[] | null>(director, 'director', 'cameraTarget');
      return !!now && !!before && Math.hypot(now[0]! - before[0]!, now[2]! - before[2]!) > 0.5;
    }).toBe(true);
    const card = director.locator('[data-testid=situation-canvas] .pb-info');
    await poll(() => card.isVisible()).toBe(true);
    const text = (await card.textContent()) ?? '';
    expect(text).toMatch(/[\u4e00-\u9fff]/);
    expect(text).not.toContain(String(cut.data.link));
    // the legend names every mark: routes, barriers, fires among them
    const legend = (await director.getByTestId('county-legend').textContent()) ?? '';
    for (const w of ['中断', '抢通中', '路障', '队伍路线', '救灾物资车', '林火']) expect(legend).toContain(w);
    await director.waitForTimeout(1200);
    await shot(director, 'live-director-feed-flyto');
    // keyboard too: Enter on an entry about a place
    await entry.focus();
    await director.keyboard.press('Enter');
    await poll(() => mapHook<{ kind: string; id: string } | null>(director, 'director', 'picked')).toEqual({ kind: 'link', id: cut.data.link });
  }, 360_000);

  it('the trainee map draws nothing the position was not told about', async () => {
    await trainee.goto(`${base}#/trainee`);
    await poll(() => hasHook(trainee, 'trainee'), { timeout: 60_000 }).toBe(true);
    const mine = (await api<{ events: Frame[] }>('GET', '/api/drill/events?limit=5000', undefined, traineeToken)).events;
    const foldable = recordsToEvents(mine, { reports: true });
    await poll(() => mapHook<number>(trainee, 'trainee', 'applied'), { timeout: 20_000 }).toBe(foldable.length);
    const drawn = await mapHook<string[]>(trainee, 'trainee', 'drawn');
    // what the frames it received name: links, sites, shelters, fires' sites, deliveries
    const told = new Set<string>();
    for (const f of mine) {
      const d = f.data;
      if (f.kind === 'intel' && d.what === 'roadCut') told.add(`link:${String(d.link)}`);
      if (f.kind === 'intel' && d.what === 'siteFailed') told.add(`site:${String(d.site)}`);
      if (f.kind !== 'sim') continue;
      for (const k of ['link', 'site', 'shelter', 'delivery'] as const) if (d[k] !== undefined) told.add(`${k}:${String(d[k])}`);
      if (typeof d.type === 'string' && d.type.startsWith('fire.') && typeof d.site === 'string') told.add(`fire:${d.site}`);
    }
    const unexplained = drawn.filter((k) => {
      const [kind, id] = k.split(':');
      if (kind === 'team') return !pos.teams.includes(id!);
      if (kind === 'stock') return !pos.warehouses.includes(id!);
      return !told.has(`${kind}:${id}`);
    });
    expect(unexplained).toEqual([]);
    // and it is a real view: the reported cut is drawn, the director's map has more
    expect(drawn.some((k) => k.startsWith('link:'))).toBe(true);
    const truth = await mapHook<string[]>(director, 'director', 'drawn');
    expect(truth.filter((k) => !drawn.includes(k)).length).toBeGreaterThan(0);
    expect(drawn.filter((k) => k.startsWith('team:')).map((k) => k.slice(5)).sort()).toEqual([...pos.teams].sort());
    await trainee.waitForTimeout(800);
    expect(await canvasVariance(trainee, '[data-testid=trainee-canvas] canvas')).toBeGreaterThan(8);
    await shot(trainee, 'live-trainee-map');
  }, 360_000);

  it('clicking a road and a hazard site on the trainee map fills the action forms', async () => {
    const scenario = (await api<{ scenario: Scenario }>('GET', '/api/playback/drill', undefined, directorToken)).scenario;
    const onCanvas = (x: number, y: number) => trainee.evaluate(([px, py]) => (globalThis as any).document.elementFromPoint(px, py)?.tagName === 'CANVAS', [x, y]);
    const clickable = async (kind: string, ids: string[]) => {
      for (const id of ids) {
        const at = await trainee.evaluate(([k, i]) => (globalThis as unknown as { __yanlianMap: Record<string, MapHook> }).__yanlianMap.trainee!.locate(k!, i!), [kind, id]);
        if (at?.hit?.kind === kind && at.hit.id === id && (await onCanvas(at.x, at.y))) return { id, ...at };
      }
      return null;
    };
    await trainee.getByTestId('trainee-canvas').scrollIntoViewIfNeeded();
    const link = await clickable('link', scenario.roads.links.map((l) => l.id));
    expect(link).toBeTruthy();
    await trainee.mouse.click(link!.x, link!.y);
    await poll(() => trainee.getByTestId('map-picked').textContent()).toContain('派出救援队伍');
    expect(await trainee.getByTestId('dispatch-task-clear').isChecked()).toBe(true);
    expect(await trainee.getByTestId('dispatch-target').inputValue()).toBe(link!.id);
    const text = (await trainee.getByTestId('map-picked').textContent()) ?? '';
    expect(text).toContain('道路');
    expect(text).not.toContain(link!.id);
    await shot(trainee, 'live-trainee-picked-road');
    // a site in this township's area: evacuation and rescue both take it
    const villages = new Map(scenario.region.villages.map((v) => [v.id, v.township]));
    const areaSites = scenario.hazardSites.filter((h) => pos.jurisdiction === 'county' || pos.jurisdiction.includes(villages.get(h.village)!)).map((h) => h.id);
    const site = await clickable('site', areaSites);
    expect(site).toBeTruthy();
    await trainee.mouse.click(site!.x, site!.y);
    await poll(() => trainee.getByTestId('evacuate-site').inputValue()).toBe(site!.id);
    expect(await trainee.getByTestId('dispatch-target').inputValue()).toBe(site!.id);
    expect(await trainee.getByTestId('map-picked').textContent()).toContain('转移群众');
  }, 360_000);

  it('the playback page opens the drill by its password and shows what a position knew at a moment', async () => {
    await api('POST', '/api/drill/control', { op: 'end' }, directorToken);
    const data = await api<{ scenario: Scenario; events: LogEvent[]; positions: (Position & { records: ReceivedRecord[] })[] }>('POST', `/api/playback/drills/${drillId}`, { password: PASSWORD });
    const page = director;
    await page.goto(`${base}#/playback`);
    await poll(() => page.getByTestId('pb-drill').count()).toBe(1);
    await page.getByTestId('pb-drill').locator('input[type=radio]').check();
    await page.getByTestId('pb-drill-password').fill('wrong-password');
    await page.getByTestId('pb-drill-open').click();
    await poll(() => page.getByTestId('pb-drills').textContent()).toContain('密码错误');
    await page.getByTestId('pb-drill-password').fill(PASSWORD);
    await page.getByTestId('pb-drill-open').click();
    await poll(() => page.getByTestId('pb-view').getAttribute('data-model'), { timeout: 30_000 }).toBe('county');
    const hook = () => page.evaluate(() => (globalThis as unknown as { __yanlianPlayback: Omit<PbHook, 'seek' | 'state' | 'view'> & { t(): number } }).__yanlianPlayback.views);
    expect((await hook()).sort()).toEqual(data.positions.map((p) => p.id).sort());
    // a drill is played in manual mode (people decide), as the page does (src/app/playback/drillPlayback.ts)
    const truth = buildPlayback({ model: 'county', scenario: data.scenario, policy: 'manual' }, data.events);
    const p = data.positions.find((x) => x.id === pos.id)!;
    const ks = knownScenario(data.scenario, p);
    const view = buildPlayback({ model: 'county', scenario: ks, policy: 'manual' }, recordsToEvents(p.records, { reports: true }));
    // the first cut this position was told of: the engine's cut, then the report reportDelayMin later
    const report = p.records.find((r) => r.kind === 'intel' && r.data.what === 'roadCut')!;
    expect(report).toBeTruthy();
    const cut = data.events.find((e) => e.type === 'road.cut' && e.link === report.data.link)!;
    expect(report.t).toBeGreaterThan(cut.t);
    const between = (cut.t + report.t) / 2;
    const seekTo = async (t: number) => {
      await page.evaluate((x) => (globalThis as unknown as { __yanlianPlayback: PbHook }).__yanlianPlayback.seek(x), t);
      await poll(() => page.evaluate(() => (globalThis as unknown as { __yanlianPlayback: PbHook }).__yanlianPlayback.t())).toBeCloseTo(t, 3);
    };
    const state = () => page.evaluate(() => (globalThis as unknown as { __yanlianPlayback: PbHook }).__yanlianPlayback.state());
    // after the cut, before its report: the ground truth has it, the township does not know yet
    await seekTo(between);
    const truthBetween = stateAt(truth, between);
    expect(await state()).toEqual(JSON.parse(JSON.stringify(truthBetween)));
    if (truthBetween.model !== 'county') throw new Error('county');
    expect(truthBetween.links[String(cut.link)]).not.toBe('open');
    await page.getByTestId('pb-view-select').selectOption(pos.id);
    await poll(() => page.getByTestId('pb-view-hint').isVisible()).toBe(true);
    const known = stateAt(view, between);
    expect(await state()).toEqual(JSON.parse(JSON.stringify(known)));
    if (known.model !== 'county') throw new Error('county');
    expect(known.links[String(cut.link)]).toBe('open');
    // beside the map, the records this position had received by then, in step with the scrubber
    const receivedBy = (t: number) => view.events.filter((e) => e.t <= t).length;
    await poll(() => page.getByTestId('pb-received').getAttribute('data-count')).toBe(String(receivedBy(between)));
    expect(await page.locator('[data-testid=pb-received] li.current').count()).toBe(receivedBy(between) > 0 ? 1 : 0);
    expect((await page.getByTestId('pb-received').textContent()) ?? '').not.toMatch(/[{}]|\br-v\d+|team-|wh-/);
    await page.waitForTimeout(600);
    await shot(page, 'playback-drill-position-before-report');
    // once the report has arrived: the same position's view has the cut
    const late = report.t;
    await seekTo(late);
    const knownLate = stateAt(view, late);
    expect(await state()).toEqual(JSON.parse(JSON.stringify(knownLate)));
    if (knownLate.model !== 'county') throw new Error('county');
    expect(knownLate.links[String(cut.link)]).toBe('cut');
    await poll(() => page.getByTestId('pb-received').getAttribute('data-count')).toBe(String(receivedBy(late)));
    expect(receivedBy(late)).toBeGreaterThan(receivedBy(between));
    // the report of the cut is among the records it has now (not before), and reads as a cut road
    expect((await page.locator('[data-testid=pb-received] li:not(.future)').allTextContents()).some((x) => x.includes('中断'))).toBe(true);
    await page.waitForTimeout(600);
    await shot(page, 'playback-drill-position-after-report');
    await page.getByTestId('pb-view-select').selectOption('');
    await poll(() => page.getByTestId('pb-received').count()).toBe(0);
    expect(await state()).toEqual(JSON.parse(JSON.stringify(stateAt(truth, late))));
    expect(await canvasVariance(page, '[data-testid=pb-view] canvas')).toBeGreaterThan(8);
    await shot(page, 'playback-drill-truth');
  }, 360_000);

  it('the debrief panel embeds the drill’s playback', async () => {
    await director.goto(`${base}#/trainer`);
    await director.getByTestId('debrief-playback-toggle').click();
    await poll(() => director.locator('[data-testid=debrief-playback] [data-testid=pb-view]').getAttribute('data-model'), { timeout: 30_000 }).toBe('county');
    await director.getByTestId('debrief').scrollIntoViewIfNeeded();
    await director.waitForTimeout(600);
    await director.getByTestId('debrief').screenshot({ path: join(shots, 'debrief-embedded-playback.png') });
    expect(pageErrors).toEqual([]);
  }, 360_000);
});
