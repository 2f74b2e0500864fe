/**
 * End to end, in a real browser: kiosk mode. On `#/kiosk` there is no app navigation and one
 * language switch; the venue staff's exit is a held title and the PIN set on the server
 * (YANLIAN_KIOSK_PIN, never in the bundle): a short press does nothing, a wrong PIN says so and
 * stays, the right one leaves for the home page. The server refuses wrong PINs (403) and blocks
 * an address after five. An idle start screen shows the attract loop (a 3D replay), which a touch
 * dismisses. Screenshots go to $YANLIAN_E2E_SHOTS or a temp folder.
 *
 * The browser part skips, saying why, only when no Chromium binary exists (CHROMIUM_PATH or
 * /usr/bin/chromium).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/startServer.ts';
import { canvasVariance } from '../support/canvasVariance.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run', '--enable-unsafe-swiftshader'];
const ROOT = new URL('../../', import.meta.url).pathname;
const PIN = '20260415';

if (!HAVE_CHROMIUM) process.stderr.write(`\n[e2e] SKIPPED: no Chromium at ${CHROMIUM}. Install it (apt-get install -y chromium fonts-noto-cjk) or set CHROMIUM_PATH.\n\n`);

describe.skipIf(!HAVE_CHROMIUM)(`kiosk mode in Chromium (${CHROMIUM})`, () => {
  let work: string;
  let shots: string;
  let appDir: string;
  let server: RunningServer;
  let base: string;
  let browser: Browser;
  const pageErrors: string[] = [];

  const page = async (width = 1280, height = 800): Promise<Page> => {
    const c = await browser.newContext({ locale: 'zh-CN', viewport: { width, height }, hasTouch: true });
    const p = await c.newPage();
    p.setDefaultTimeout(90_000);
    p.on('pageerror', (e) => pageErrors.push(e.message));
    return p;
  };
  const shot = (p: Page, name: string) => p.screenshot({ path: join(shots, `${name}.png`) });
  /** Holds the kiosk title down for `ms` (mouse, as a pointer). */
  const hold = async (p: Page, ms: number) => {
    const box = (await p.getByTestId('kiosk-title').boundingBox())!;
    await p.mouse.move(box.x + 20, box.y + box.height / 2);
    await p.mouse.down();
    await p.waitForTimeout(ms);
    await p.mouse.up();
  };
  const typePin = async (p: Page, pin: string) => {
    for (const d of pin) await p.getByTestId(`kiosk-staff-key-${d}`).tap();
    await p.getByTestId('kiosk-staff-ok').tap();
  };

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'yanlian-kiosk-mode-e2e-'));
    shots = process.env.YANLIAN_E2E_SHOTS ?? join(work, 'shots');
    mkdirSync(shots, { recursive: true });
    appDir = join(work, 'app');
    const { build } = await import('vite');
    await build({ configFile: join(ROOT, 'vite.config.ts'), root: join(ROOT, 'src/app'), logLevel: 'warn', build: { outDir: appDir, emptyOutDir: true } });
    process.env.YANLIAN_KIOSK_PIN = PIN;
    server = await startServer({ port: 0, host: '127.0.0.1', db: join(work, 'drills.sqlite'), appDir, out: () => {} });
    delete process.env.YANLIAN_KIOSK_PIN;
    base = `http://127.0.0.1:${server.port}/`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
  }, 360_000);

  afterAll(async () => {
    await browser?.close().catch(() => {});
    await server?.close().catch(() => {});
    if (!process.env.YANLIAN_E2E_SHOTS && work) rmSync(work, { recursive: true, force: true });
  });

  it('the PIN is nowhere in the built app', () => {
    const files = readdirSync(appDir, { recursive: true }).map(String).filter((f) => /\.(js|html|json|webmanifest)$/.test(f));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(readFileSync(join(appDir, f), 'utf8').includes(PIN), f).toBe(false);
  });

  it('no navigation out: no top bar, one language switch; a short press does nothing, a wrong PIN stays, the right one leaves', async () => {
    const p = await page();
    await p.goto(`${base}#/kiosk?seed=1`);
    await expect.poll(() => p.getByTestId('kiosk-start-quake').isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await p.locator('.top-bar').count()).toBe(0);
    expect(await p.locator('a[href^="#/"]').count()).toBe(0);
    expect(await p.getByRole('button', { name: 'English' }).count()).toBe(1);
    await shot(p, 'kiosk-mode-1280-01-start');
    await hold(p, 400);
    await p.waitForTimeout(3_500);
    expect(await p.getByTestId('kiosk-staff').count()).toBe(0);
    await hold(p, 3_400);
    await expect.poll(() => p.getByTestId('kiosk-staff').isVisible()).toBe(true);
    await typePin(p, '1234');
    await expect.poll(() => p.getByTestId('kiosk-staff-error').textContent()).toBe('密码不对');
    await shot(p, 'kiosk-mode-1280-02-wrong-pin');
    expect(await p.evaluate(() => (globalThis as any).location.hash)).toBe('#/kiosk?seed=1');
    await p.getByTestId('kiosk-staff-cancel').tap();
    expect(await p.getByTestId('kiosk-staff').count()).toBe(0);
    await hold(p, 3_400);
    await typePin(p, PIN);
    await expect.poll(() => p.evaluate(() => (globalThis as any).location.hash)).toBe('#/');
    await expect.poll(() => p.locator('.top-bar').isVisible()).toBe(true);
    expect(pageErrors).toEqual([]);
    await p.context().close();
  }, 360_000);

  it('the server checks the PIN: 403 when wrong, blocked (429) after five wrong tries from one address', async () => {
    const post = (pin: unknown) => fetch(`${base}api/kiosk/unlock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ pin }) });
    const bad = await post('0000');
    expect(bad.status).toBe(403);
    expect(((await bad.json()) as { error: { en: string } }).error.en).toBe('wrong PIN');
    expect((await post(Number(PIN))).status).toBe(403);
    for (let i = 0; i < 5; i++) await post('1111');
    const blocked = await post(PIN);
    expect(blocked.status).toBe(429);
    expect(((await blocked.json()) as { error: { zh: string } }).error.zh).toMatch(/尝试次数过多/);
  });

  it('an idle start screen plays the attract loop (a 3D replay); a touch dismisses it', async () => {
    const p = await page(1280, 800);
    p.setDefaultTimeout(60_000);
    await p.goto(`${base}#/kiosk?seed=1&attract=10`);
    await expect.poll(() => p.getByTestId('kiosk-start-quake').isVisible(), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => p.getByTestId('kiosk-attract').getAttribute('data-ready'), { timeout: 90_000 }).toBe('1');
    await p.waitForTimeout(1_500);
    expect(await canvasVariance(p, '[data-testid=kiosk-attract] canvas')).toBeGreaterThan(8);
    await shot(p, 'kiosk-mode-1280-03-attract');
    await p.getByTestId('kiosk-attract').tap();
    await expect.poll(() => p.getByTestId('kiosk-attract').count()).toBe(0);
    expect(await p.getByTestId('kiosk').getAttribute('data-step')).toBe('start');
    expect(pageErrors).toEqual([]);
    await p.context().close();
  }, 360_000);
});
