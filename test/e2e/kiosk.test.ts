/**
 * End to end, in a real browser: the science-centre kiosk (#/kiosk) served by the real server,
 * the evacuation engine running in the page. A visitor plays it through by touch at 1920×1080
 * (a pupil, one wrong choice) and at 1280×800 (the 警戒通讯 duty, in English), and an idle
 * kiosk returns to its start screen. Screenshots go to $YANLIAN_E2E_SHOTS or a temp folder.
 *
 * Skips, saying why, only when no Chromium binary exists (CHROMIUM_PATH or /usr/bin/chromium).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canvasVariance } from '../support/canvasVariance.ts';
import { startServer, type RunningServer } from '../../src/server/startServer.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'];
const ROOT = new URL('../../', import.meta.url).pathname;

if (!HAVE_CHROMIUM) process.stderr.write(`\n[e2e] SKIPPED: no Chromium at ${CHROMIUM}. Install it (apt-get install -y chromium fonts-noto-cjk) or set CHROMIUM_PATH.\n\n`);

/**
 * Waits for a condition, not a fixed short time: on a loaded 2-core machine a step can take many
 * seconds, so every poll gets at least 60 s (a longer explicit timeout is kept).
 */
const poll = <T,>(fn: () => Promise<T> | T, o: { timeout?: number } = {}) => expect.poll(fn, { interval: 100, ...o, timeout: Math.max(60_000, o.timeout ?? 0) });

describe.skipIf(!HAVE_CHROMIUM)(`science-centre kiosk in Chromium (${CHROMIUM})`, () => {
  let work: string;
  let shots: string;
  let server: RunningServer;
  let base: string;
  let browser: Browser;
  const pageErrors: string[] = [];
  /** requests to anywhere but the local server: there must be none */
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
  const shot = (p: Page, name: string) => p.screenshot({ path: join(shots, `${name}.png`), fullPage: true });

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'yanlian-kiosk-e2e-'));
    shots = process.env.YANLIAN_E2E_SHOTS ?? join(work, 'shots');
    mkdirSync(shots, { recursive: true });
    const appDir = join(work, 'app');
    const { build } = await import('vite');
    await build({ configFile: join(ROOT, 'vite.config.ts'), root: join(ROOT, 'src/app'), logLevel: 'warn', build: { outDir: appDir, emptyOutDir: true } });
    server = await startServer({ port: 0, host: '127.0.0.1', db: join(work, 'drills.sqlite'), appDir, out: () => {} });
    base = `http://127.0.0.1:${server.port}/`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
    process.stdout.write(`[e2e] kiosk screenshots in ${shots}\n`);
  }, 360_000);

  afterAll(async () => {
    await browser?.close().catch(() => {});
    await server?.close().catch(() => {});
    if (!process.env.YANLIAN_E2E_SHOTS && work) rmSync(work, { recursive: true, force: true });
  });

  it('a pupil plays it through by touch at 1920×1080: alarm, questions, replay, result with explanations', async () => {
    const p = await page(1920, 1080);
    await p.goto(base);
    await p.getByTestId('go-kiosk').tap();
    await poll(() => p.getByTestId('kiosk').isVisible()).toBe(true);
    // a 90 s replay, so a loaded machine reads it while it runs (the kiosk's default is 24 s)
    await p.goto(`${base}#/kiosk?seed=1&replay=90`);
    await poll(() => p.getByTestId('kiosk-start').isEnabled(), { timeout: 15_000 }).toBe(true);
    await shot(p, 'kiosk-1920-01-start');
    await p.getByTestId('kiosk-start').tap();
    await shot(p, 'kiosk-1920-02-roles');
    await p.getByTestId('kiosk-role-student').tap();
    await poll(() => p.getByTestId('kiosk-alarm').textContent()).toContain('起火');
    await shot(p, 'kiosk-1920-03-alarm');
    await p.getByTestId('kiosk-go').tap();

    // every answer button is a big touch target
    const sizes = await p.locator('.kiosk-option').evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => Math.min(r.width, r.height)));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(64);
    expect(await p.getByTestId('kiosk-question').getAttribute('data-question')).toBe('leave');
    await p.getByTestId('kiosk-option-belongings').tap();
    await poll(() => p.getByTestId('kiosk-question').getAttribute('data-question')).toBe('lift');
    await p.getByTestId('kiosk-option-stairs').tap();
    await poll(() => p.getByTestId('kiosk-question').getAttribute('data-question')).toBe('stair');
    await poll(() => p.locator('[data-testid^=kiosk-option-S]').count()).toBe(3);
    await shot(p, 'kiosk-1920-04-stair');
    await p.getByTestId('kiosk-option-SM').tap();
    await poll(() => p.getByTestId('kiosk-question').getAttribute('data-question')).toBe('posture');
    await p.getByTestId('kiosk-option-low').tap();

    // the replay, in 3D: the building is drawn and the visitor's class (its marker) moves over time
    await poll(() => p.getByTestId('kiosk-play').isVisible()).toBe(true);
    const stage = p.getByTestId('kiosk-school-3d');
    await poll(() => stage.getAttribute('data-me')).toMatch(/^\w+@/);
    const at0 = await stage.getAttribute('data-me');
    // read while the replay runs (90 s here; the result then comes by itself)
    expect(await p.getByTestId('kiosk-clock').textContent()).toMatch(/起火后 \d+:\d\d/);
    expect(await p.getByTestId('kiosk-building').count()).toBe(0); // the 2D drawing only where WebGL is missing
    await poll(() => stage.getAttribute('data-me')).not.toBe(at0);
    expect(await canvasVariance(p, '[data-testid=kiosk-school-3d] canvas')).toBeGreaterThan(8);
    await shot(p, 'kiosk-1920-05-replay');
    await p.getByTestId('kiosk-skip').tap();

    await poll(() => p.getByTestId('kiosk-your-time').textContent()).toMatch(/警报后 \d+:\d\d/);
    expect(await p.getByTestId('kiosk-explain').count()).toBe(4);
    expect(await p.getByTestId('kiosk-choice-leave').getAttribute('data-right')).toBe('0');
    expect(await p.getByTestId('kiosk-choice-leave').textContent()).toContain('不要收拾书包');
    expect(await p.getByTestId('kiosk-choice-lift').getAttribute('data-right')).toBe('1');
    expect(await p.getByTestId('kiosk-choice-lift').textContent()).toContain('严禁乘坐电梯');
    expect(await p.getByTestId('kiosk-timeline').textContent()).toContain('拨打 119');
    await shot(p, 'kiosk-1920-06-result');
    await p.getByTestId('kiosk-again').tap();
    await poll(() => p.getByTestId('kiosk').getAttribute('data-step')).toBe('start');
  }, 360_000);

  it('the 警戒通讯 duty at 1280×800, switched to English', async () => {
    const p = await page(1280, 800);
    await p.goto(`${base}#/kiosk?seed=2`);
    await poll(() => p.getByTestId('kiosk-start').isEnabled(), { timeout: 15_000 }).toBe(true);
    await p.getByTestId('kiosk-lang').tap();
    await poll(() => p.getByTestId('kiosk-start').textContent()).toContain('Touch to start');
    await shot(p, 'kiosk-1280-01-start-en');
    await p.getByTestId('kiosk-start').tap();
    await p.getByTestId('kiosk-role-cordonComms').tap();
    await p.getByTestId('kiosk-go').tap();
    await poll(() => p.getByTestId('kiosk-question').getAttribute('data-question')).toBe('call119');
    await shot(p, 'kiosk-1280-02-question');
    await p.getByTestId('kiosk-option-now').tap();
    await p.getByTestId('kiosk-option-full').tap();
    await poll(() => p.getByTestId('kiosk-play').isVisible()).toBe(true);
    await p.waitForTimeout(3_000);
    await shot(p, 'kiosk-1280-03-replay');
    await p.getByTestId('kiosk-skip').tap();
    await poll(() => p.getByTestId('kiosk-school').textContent()).toMatch(/of \d+ people reached the assembly point/);
    expect(await p.getByTestId('kiosk-explain').count()).toBe(2);
    expect(await p.getByTestId('kiosk-choice-call119').textContent()).toContain('Call 119 as soon as you know');
    await shot(p, 'kiosk-1280-04-result-en');
    await p.getByTestId('kiosk-lang').tap(); // back to Chinese for the next visitor
  }, 360_000);

  it('an idle kiosk goes back to its start screen; a bad scenario name shows a readable error', async () => {
    const p = await page(1280, 800);
    await p.goto(`${base}#/kiosk?seed=3&idle=10`);
    await poll(() => p.getByTestId('kiosk-start').isEnabled(), { timeout: 15_000 }).toBe(true);
    await p.getByTestId('kiosk-start').tap();
    await p.getByTestId('kiosk-role-command').tap();
    await poll(() => p.getByTestId('kiosk-idle').isVisible(), { timeout: 12_000 }).toBe(true);
    await poll(() => p.getByTestId('kiosk').getAttribute('data-step'), { timeout: 12_000 }).toBe('start');

    await p.goto(`${base}#/kiosk?scenario=no-such-school`);
    await p.reload();
    await poll(() => p.getByTestId('kiosk-error').textContent()).toContain('没有名为「no-such-school」的建筑疏散场景');
    expect(pageErrors).toEqual([]);
    expect(foreign).toEqual([]);
  }, 360_000);
});
