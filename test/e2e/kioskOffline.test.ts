/**
 * End to end, in a real browser: the kiosk installed for offline use (vite-plugin-pwa). The built
 * app has a web app manifest and a service worker whose precache holds every built file within
 * Workbox's size limit; Chromium loads `#/kiosk` once (the service worker takes control and the
 * kiosk warms the cache with every scenario it plays); then the server is stopped and the network
 * cut, the page reloads, and a visitor plays the earthquake experience through to its result card
 * and starts the school fire, by touch.
 *
 * The browser part skips, saying why, only when no Chromium binary exists (CHROMIUM_PATH or
 * /usr/bin/chromium).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/startServer.ts';
import { HAZARD_SPECS } from '../../src/app/kiosk/hazardSpecs.ts';
import { KIOSK_COUNTY_SCENARIOS } from '../../src/app/kiosk/kioskApi.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run', '--enable-unsafe-swiftshader'];
const ROOT = new URL('../../', import.meta.url).pathname;

describe('the scenarios the kiosk warms its cache with', () => {
  it('are exactly those its experiences play', () => {
    // the rainstorm's scenario is RAIN_SCENARIO in RainstormExperience.tsx (a .tsx the Node project cannot import)
    expect([...KIOSK_COUNTY_SCENARIOS].sort()).toEqual(['lezhi-rainstorm', ...Object.values(HAZARD_SPECS).map((s) => s.scenario)].sort());
  });
});

if (!HAVE_CHROMIUM) process.stderr.write(`\n[e2e] SKIPPED: no Chromium at ${CHROMIUM}. Install it (apt-get install -y chromium fonts-noto-cjk) or set CHROMIUM_PATH.\n\n`);

describe.skipIf(!HAVE_CHROMIUM)(`kiosk offline in Chromium (${CHROMIUM})`, () => {
  let work: string;
  let shots: string;
  let appDir: string;
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'yanlian-kiosk-offline-e2e-'));
    shots = process.env.YANLIAN_E2E_SHOTS ?? join(work, 'shots');
    mkdirSync(shots, { recursive: true });
    appDir = join(work, 'app');
    const { build } = await import('vite');
    await build({ configFile: join(ROOT, 'vite.config.ts'), root: join(ROOT, 'src/app'), logLevel: 'warn', build: { outDir: appDir, emptyOutDir: true } });
    server = await startServer({ port: 0, host: '127.0.0.1', db: join(work, 'drills.sqlite'), appDir, out: () => {} });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
  }, 360_000);

  afterAll(async () => {
    await browser?.close().catch(() => {});
    await server?.close().catch(() => {});
    if (!process.env.YANLIAN_E2E_SHOTS && work) rmSync(work, { recursive: true, force: true });
  });

  it('the build has a manifest and a service worker precaching every entry chunk, none over 2 MiB', () => {
    const manifest = JSON.parse(readFileSync(join(appDir, 'manifest.webmanifest'), 'utf8')) as { start_url: string; display: string; lang: string; icons: { sizes: string }[] };
    expect(manifest).toMatchObject({ start_url: '/#/kiosk', display: 'fullscreen', lang: 'zh-CN' });
    expect(manifest.icons.map((i) => i.sizes)).toContain('512x512');
    const sw = readFileSync(join(appDir, 'sw.js'), 'utf8');
    const index = readFileSync(join(appDir, 'index.html'), 'utf8');
    const entries = [...index.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(entries.length).toBeGreaterThan(0);
    for (const e of entries) {
      expect(sw.includes(e), e).toBe(true);
      expect(statSync(join(appDir, e)).size).toBeLessThan(2 * 1024 * 1024);
    }
    expect(sw).toContain('HazardExperience');
    expect(sw).toContain('yanlian-kiosk-scenarios');
  });

  it('after one visit, with the server stopped and the network off, a reload still plays the earthquake through to its result', async () => {
    const base = `http://127.0.0.1:${server.port}/`;
    const c = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 }, hasTouch: true });
    const p = await c.newPage();
    p.setDefaultTimeout(90_000);
    const errors: string[] = [];
    p.on('pageerror', (e) => errors.push(e.message));
    await p.goto(`${base}#/kiosk?seed=1&idle=600`);
    await expect.poll(() => p.getByTestId('kiosk-start').isEnabled(), { timeout: 30_000 }).toBe(true);
    // the service worker controls the page and every scenario is in its cache
    await expect.poll(() => p.evaluate(() => !!(globalThis as any).navigator.serviceWorker.controller), { timeout: 60_000 }).toBe(true);
    const cached = () =>
      p.evaluate(async () => {
        const cache = await (globalThis as any).caches.open('yanlian-kiosk-scenarios');
        return ((await cache.keys()) as { url: string }[]).map((r) => new URL(r.url).pathname).sort();
      });
    await expect.poll(cached, { timeout: 60_000 }).toHaveLength(KIOSK_COUNTY_SCENARIOS.length + 1);

    await server.close();
    await c.setOffline(true);
    expect(await p.evaluate(() => fetch('/status').then(() => 'up', () => 'down'))).toBe('down');
    await p.reload();
    await expect.poll(() => p.getByTestId('kiosk-start-quake').isVisible(), { timeout: 30_000 }).toBe(true);
    await expect.poll(() => p.getByTestId('kiosk-start').isEnabled(), { timeout: 30_000 }).toBe(true);
    await p.screenshot({ path: join(shots, 'offline-1280-01-start.png') });
    await p.getByTestId('kiosk-start-quake').tap();
    await p.getByTestId('kiosk-hazard-go').tap({ timeout: 90_000 });
    for (const q of HAZARD_SPECS.quake.questions) {
      await expect.poll(() => p.getByTestId('kiosk-hazard-question').getAttribute('data-question'), { timeout: 60_000 }).toBe(q.id);
      await p.getByTestId(`kiosk-hazard-option-${q.right}`).tap();
    }
    await expect.poll(() => p.getByTestId('kiosk-hazard-result').isVisible(), { timeout: 60_000 }).toBe(true);
    expect(await p.getByTestId('kiosk-hazard-result').getAttribute('data-score')).toBe('4');
    await p.screenshot({ path: join(shots, 'offline-1280-02-quake-result.png') });
    await p.getByTestId('kiosk-hazard-again').tap();
    await p.getByTestId('kiosk-start').tap();
    await expect.poll(() => p.getByTestId('kiosk').getAttribute('data-step')).toBe('role');
    expect(errors).toEqual([]);
    await c.close();
  }, 300_000);
});
