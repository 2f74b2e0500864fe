/**
 * End to end, in a real browser: the built web app served by the real drill server (temp
 * database, free loopback port), Debian's Chromium driven by playwright-core. A trainer and two
 * trainees at different positions, each in their own browser context, run a short drill of the
 * default scenario at high speed: create, brief, start, release an inject, act (one action
 * refused), survive a server restart (reconnect and catch up), end, debrief, verify.
 * Screenshots go to $YANLIAN_E2E_SHOTS or a temp folder (printed).
 *
 * Skips, saying why, only when no Chromium binary exists (CHROMIUM_PATH or /usr/bin/chromium).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/startServer.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'];
const ROOT = new URL('../../', import.meta.url).pathname;

if (!HAVE_CHROMIUM)
  process.stderr.write(`\n[e2e] SKIPPED: no Chromium at ${CHROMIUM}. Install it (apt-get install -y chromium fonts-noto-cjk) or set CHROMIUM_PATH.\n\n`);

const SITREP = '石佛镇方向道路出现塌方迹象，正在组织核实';
/** the server admin token the trainer types into the create form (`yanlian serve --admin-token`) */
const ADMIN = 'e2e-admin-token-2025';

/**
 * Waits for a condition, not a fixed short time: on a loaded 2-core machine a step can take many
 * seconds, so every poll gets at least 60 s (a longer explicit timeout is kept).
 */
const poll = <T,>(fn: () => Promise<T> | T, o: { timeout?: number } = {}) => expect.poll(fn, { interval: 100, ...o, timeout: Math.max(60_000, o.timeout ?? 0) });

describe.skipIf(!HAVE_CHROMIUM)(`web app in Chromium (${CHROMIUM})`, () => {
  let work: string;
  let shots: string;
  let appDir: string;
  let db: string;
  let server: RunningServer;
  let port = 0;
  let base: string;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let trainer: Page;
  let county: Page;
  let township: Page;
  /** every WebSocket frame the township trainee's browser received */
  const townshipFrames: string[] = [];
  let code = '';
  /** uncaught errors in any page: there must be none */
  const pageErrors: string[] = [];

  const boot = async () => {
    server = await startServer({ port, host: '127.0.0.1', db, appDir, tickMs: 50, adminToken: ADMIN, out: () => {} });
    port = server.port;
  };

  /**
   * The maps are drawn by SwiftShader on the CPU here; this test is about the drill, so each
   * screen switches its map to the text view (a trainer's own option), leaving the CPU to the
   * drill on a loaded machine. test/e2e/playbackLive.test.ts tests the maps.
   */
  const textView = async (page: Page, toggle: string) => {
    const b = page.getByTestId(toggle);
    await poll(async () => (await b.count()) > 0 || (await page.locator('[data-testid=situation-map], [data-testid=trainee-map]').count()) > 0).toBe(true);
    if (await b.count()) await b.click();
  };

  const shot = async (page: Page, name: string) => {
    await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
  };

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'yanlian-e2e-'));
    shots = process.env.YANLIAN_E2E_SHOTS ?? join(work, 'shots');
    mkdirSync(shots, { recursive: true });
    appDir = join(work, 'app');
    db = join(work, 'drills.sqlite');
    // build the app as `npm run build` does, into a temp folder (dist/app is left alone)
    const { build } = await import('vite');
    await build({ configFile: join(ROOT, 'vite.config.ts'), root: join(ROOT, 'src/app'), logLevel: 'warn', build: { outDir: appDir, emptyOutDir: true } });
    await boot();
    base = `http://127.0.0.1:${port}/`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
    const ctx = async (opts: Parameters<Browser['newContext']>[0]) => {
      const c = await browser.newContext({ locale: 'zh-CN', ...opts });
      contexts.push(c);
      const p = await c.newPage();
      // a step that cannot happen fails in seconds, with Playwright's reason, instead of hanging
      p.setDefaultTimeout(90_000);
      p.on('dialog', (d) => void d.accept());
      p.on('pageerror', (e) => pageErrors.push(e.message));
      return p;
    };
    trainer = await ctx({ viewport: { width: 1440, height: 1000 }, permissions: ['clipboard-read', 'clipboard-write'] });
    county = await ctx({ viewport: { width: 1024, height: 1200 }, hasTouch: true });
    township = await ctx({ viewport: { width: 820, height: 1180 }, hasTouch: true });
    township.on('websocket', (ws) => ws.on('framereceived', (f) => townshipFrames.push(String(f.payload))));
    process.stdout.write(`[e2e] screenshots in ${shots}\n`);
  }, 360_000);

  /**
   * The drill is one story told in steps (create → join → … → debrief): a step whose predecessor
   * failed is skipped, naming that step, instead of failing again for the same cause; each step
   * has minutes, not seconds, and waits for conditions.
   */
  let brokenAt: string | null = null;
  const step = (name: string, fn: () => Promise<void>) =>
    it(name, async (ctx) => {
      if (brokenAt) ctx.skip(`skipped: it needs the step that failed before it (“${brokenAt}”)`);
      ctx.onTestFailed(() => {
        brokenAt ??= name;
      });
      await fn();
    }, 360_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close().catch(() => {});
    await server?.close().catch(() => {});
    if (!process.env.YANLIAN_E2E_SHOTS && work) rmSync(work, { recursive: true, force: true });
  });

  step('the trainer creates a drill from the server’s scenario list and sees its code', async () => {
    await trainer.goto(base);
    await poll(() => trainer.getByTestId('home').isVisible()).toBe(true);
    await trainer.getByTestId('go-trainer').click();
    const select = trainer.getByTestId('scenario-select');
    await poll(() => select.locator('option[value="lezhi-rainstorm"]').count()).toBe(1);
    await select.selectOption('lezhi-rainstorm');
    // creating needs the server admin token: a wrong one is refused in Chinese, the field says where to look
    await trainer.getByTestId('admin-token-input').fill('not-the-admin-token');
    await trainer.getByTestId('password-input').fill('yanlian-2025');
    await trainer.getByTestId('create-submit').click();
    await poll(() => trainer.getByTestId('create-error').textContent()).toContain('服务器管理口令不正确');
    expect(await trainer.getByTestId('admin-token-input').getAttribute('aria-invalid')).toBe('true');
    await trainer.getByTestId('admin-token-input').fill(ADMIN);
    await trainer.getByTestId('password-input').fill('123'); // too short: the server says so
    await trainer.getByTestId('password-input').evaluate((el: { removeAttribute(name: string): void }) => el.removeAttribute('minlength'));
    await trainer.getByTestId('create-submit').click();
    await poll(() => trainer.getByTestId('create-error').textContent()).toContain('密码至少 6 个字符');
    await trainer.getByTestId('password-input').fill('yanlian-2025');
    // 双盲: the hazard sites are picked by name from the scenario's list (ids stay behind the names)
    const places = (await (await fetch(`${base}api/scenarios/lezhi-rainstorm/places`)).json()) as { hazardSites: { id: string; name: { zh: string } }[] };
    const site = places.hazardSites[0]!;
    await trainer.getByTestId('mode-blind').check();
    await trainer.getByTestId('blind-include-search').fill(site.name.zh);
    await poll(() => trainer.locator(`[data-testid=blind-include] .chip[data-id="${site.id}"]`).textContent()).toContain(site.name.zh);
    // a site picked to fail is no longer offered as one that must not
    expect(await trainer.locator(`[data-testid=blind-exclude] option[value^="${site.name.zh}"]`).count()).toBe(0);
    await shot(trainer, '01a-trainer-blind-sites');
    await trainer.locator(`[data-testid=blind-include] .chip[data-id="${site.id}"] button`).click();
    expect(await trainer.locator('[data-testid=blind-include] .chip').count()).toBe(0);
    await trainer.locator('input[name=mode]').first().check();
    // one speed list: the create form offers what the control bar does; horizons past 72 h in days
    expect(await trainer.getByTestId('speed-select').locator('option').allTextContents()).toEqual(['1×', '10×', '30×', '60×', '120×', '300×', '600×', '1800×', '3600×']);
    expect(await trainer.getByTestId('scenario-select').textContent()).not.toMatch(/\d{3,} 小时/);
    await trainer.getByTestId('seed-input').fill('1');
    await trainer.getByTestId('speed-select').selectOption('120');
    await shot(trainer, '01-trainer-create');
    await trainer.getByTestId('create-submit').click();
    await poll(() => trainer.getByTestId('drill-code').textContent(), { timeout: 15_000 }).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    code = (await trainer.getByTestId('drill-code').textContent())!;
    await textView(trainer, 'situation-toggle');
    // the admin token is remembered for this tab only
    expect(await trainer.evaluate(() => (globalThis as unknown as { sessionStorage: { getItem(k: string): string | null } }).sessionStorage.getItem('yanlian.adminToken'))).toBe(ADMIN);
    await poll(() => trainer.getByTestId('inject-list').textContent()).toContain('媒体询问');
  });

  step('two trainees join at their own positions (the position’s link, and its code typed in); the drill code joins no position', async () => {
    // the trainer's 岗位及加入链接 panel: a link and a code per position
    const row = (id: string) => trainer.locator(`[data-testid=position-link][data-position=${id}]`);
    await poll(() => row('county-eb').getByTestId('position-code').textContent()).toMatch(/^[2-9A-Z]{5}-[2-9A-Z]{5}$/);
    const countyLink = (await row('county-eb').getByTestId('position-link-url').getAttribute('href'))!;
    const townshipCode = (await row('twp-t101').getByTestId('position-code').textContent())!;
    expect(countyLink).toContain('#/trainee?code=');
    await row('county-eb').getByTestId('copy-link').click();
    await poll(() => row('county-eb').textContent()).toContain('已复制');
    expect(await trainer.evaluate(() => (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText())).toBe(countyLink);
    // the collapsible list shows its disclosure marker (▾ open)
    const marker = await trainer.getByTestId('position-links-box').locator('summary').evaluate((el) => (globalThis as unknown as { getComputedStyle(e: unknown, p: string): { content: string } }).getComputedStyle(el, '::before').content);
    expect(marker).toBe('"▾"');
    await shot(trainer, '01b-trainer-join-links');

    await county.goto(countyLink);
    await poll(() => county.getByTestId('join-position').getAttribute('data-position')).toBe('county-eb');
    expect(await county.getByTestId('join-position').textContent()).toContain('县应急管理局');
    await county.getByTestId('join-submit').tap();
    await poll(() => county.getByTestId('my-position').textContent()).toContain('县应急管理局');
    await textView(county, 'trainee-map-toggle');

    await township.goto(`${base}#/trainee`);
    await township.getByTestId('code-input').fill('ZZZZ-ZZZZ');
    await township.getByTestId('lookup').click();
    await poll(() => township.getByTestId('join-error').textContent()).toContain('演练码无效');
    // the drill code alone: no position to pick, only the note that it is for observers and staff
    await township.getByTestId('code-input').fill(code.toLowerCase());
    await township.getByTestId('lookup').click();
    await poll(() => township.getByTestId('drill-code-only').textContent()).toContain('岗位码');
    expect(await township.getByTestId('join-submit').count()).toBe(0);
    await township.getByTestId('code-input').fill(townshipCode.toLowerCase());
    await township.getByTestId('lookup').click();
    await poll(() => township.getByTestId('join-position').getAttribute('data-position')).toBe('twp-t101');
    await shot(township, '02-trainee-join');
    await township.getByTestId('join-submit').click();
    await poll(() => township.getByTestId('my-position').textContent()).toContain('石佛镇');
    await textView(township, 'trainee-map-toggle');
    await poll(() => trainer.getByTestId('participant-count').textContent()).toContain('3');
  });

  step('brief and start: the commitment is published, the T+0 inject reaches everyone', async () => {
    await trainer.getByTestId('control-brief').click();
    await poll(() => trainer.getByTestId('commitment-hash').textContent()).toMatch(/^[0-9a-f]{64}$/);
    await trainer.getByTestId('control-start').click();
    await poll(() => trainer.getByTestId('clock').getAttribute('data-phase')).toBe('running');
    for (const p of [county, township]) {
      await poll(() => p.locator('[data-testid=inbox-inject][data-inject=inj-duty-call]').count(), { timeout: 10_000 }).toBe(1);
      await poll(() => p.getByTestId('clock').getAttribute('data-phase')).toBe('running');
    }
  });

  step('a released inject reaches only its position; trainees act, one action is refused in place', async () => {
    await trainer.getByTestId('release-inj-media').click();
    await poll(() => county.locator('[data-testid=inbox-inject][data-inject=inj-media]').textContent(), { timeout: 10_000 }).toContain('媒体询问');
    await county.locator('[data-testid=inbox-inject][data-inject=inj-duty-call] [data-testid=ack]').tap();
    await poll(() => trainer.getByTestId('inject-inj-duty-call').textContent()).toContain('已确认');

    // every control on the trainee screen is a touch target of at least 44 × 44 px
    const sizes = await county.locator('[data-testid=act-setResponseLevel] button, [data-testid=act-issueWarning] button, [data-testid=sitrep-submit]').evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => Math.min(r.width, r.height)));
    expect(sizes.length).toBeGreaterThanOrEqual(10);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(44);

    await county.getByTestId('level-III').tap();
    await poll(() => county.getByTestId('setResponseLevel-ok').isVisible()).toBe(true);
    // the response level is public: both trainees see Ⅲ (yellow), written out
    for (const p of [county, township]) await poll(() => p.getByTestId('response-level').getAttribute('data-level'), { timeout: 10_000 }).toBe('III');
    expect(await township.getByTestId('response-level').textContent()).toBe('Ⅲ级响应');
    const colour = await township.getByTestId('response-level').evaluate((el) => (globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }).getComputedStyle(el).backgroundColor);
    expect(colour).toBe('rgb(242, 194, 0)');

    await county.getByTestId('level-III').tap();
    await poll(() => county.getByTestId('setResponseLevel-error').textContent()).toContain('当前已是');
    await county.getByTestId('sitrep-text').fill(SITREP);
    await county.getByTestId('sitrep-submit').tap();
    await poll(() => county.getByTestId('situationReport-ok').isVisible()).toBe(true);
    await county.getByTestId('warning-orange').tap();
    await poll(() => county.getByTestId('county-warning').getAttribute('data-level'), { timeout: 10_000 }).toBe('orange');

    // the director sees every action, the refusal with its reason
    await poll(() => trainer.getByTestId('trainee-actions').textContent()).toContain('被拒绝');
    await poll(() => trainer.getByTestId('trainee-actions').textContent()).toContain(SITREP);
    await trainer.getByTestId('note-text').fill('县应急管理局响应及时');
    await trainer.getByTestId('note-submit').click();
    await poll(() => trainer.getByTestId('event-feed').textContent()).toContain('县应急管理局响应及时');
    // a note listed as an improvement item (its owner and deadline are filled in at the debrief)
    await trainer.getByTestId('note-text').fill('抢通队伍派出前应先核实道路状态');
    await trainer.getByLabel('列为改进事项').check();
    await trainer.getByTestId('note-submit').click();
    await poll(() => trainer.getByTestId('event-feed').textContent()).toContain('抢通队伍派出前应先核实道路状态');
    await shot(county, '03-trainee-county');
    await shot(trainer, '04-trainer-running');
  });

  step('after a server restart the trainees reconnect and catch up from their last record', async () => {
    const before = Number(await township.getByTestId('trainee-view').getAttribute('data-events'));
    await server.close();
    await poll(() => township.getByTestId('connection').getAttribute('data-status'), { timeout: 10_000 }).toBe('reconnecting');
    await shot(township, '05-trainee-reconnecting');
    await boot();
    for (const p of [county, township]) await poll(() => p.getByTestId('resumed').isVisible(), { timeout: 15_000 }).toBe(true);
    // the storm goes on at 3600×: the township sees the weather office's signal change live
    await trainer.getByTestId('control-speed').selectOption('3600');
    await poll(() => township.getByTestId('weather-signal').getAttribute('data-level'), { timeout: 25_000 }).not.toBe('none');
    await trainer.getByTestId('control-pause').click();
    await poll(() => township.getByTestId('clock').getAttribute('data-phase'), { timeout: 10_000 }).toBe('paused');
    const after = Number(await township.getByTestId('trainee-view').getAttribute('data-events'));
    expect(after).toBeGreaterThan(before);

    // exactly what the server holds for this viewer: nothing missed, nothing twice
    for (const p of [county, township]) {
      const token = await p.evaluate(() => (JSON.parse((globalThis as unknown as { sessionStorage: { getItem(k: string): string } }).sessionStorage.getItem('yanlian.session.trainee')) as { token: string }).token);
      const res = await fetch(`${base}api/drill/events?limit=5000`, { headers: { authorization: `Bearer ${token}` } });
      const all = ((await res.json()) as { events: unknown[] }).events;
      await poll(() => p.getByTestId('trainee-view').getAttribute('data-events')).toBe(String(all.length));
    }
    await shot(township, '06-trainee-township');
  });

  step('the other position never received the first one’s private messages', async () => {
    const text = await township.locator('body').textContent();
    expect(text).not.toContain('媒体询问');
    expect(text).not.toContain(SITREP);
    expect(text).not.toContain('当前已是');
    const frames = townshipFrames.join('\n');
    expect(townshipFrames.length).toBeGreaterThan(10);
    expect(frames).not.toContain('inj-media');
    expect(frames).not.toContain(SITREP);
    expect(frames).not.toContain('situationReport');
    expect(frames).not.toContain('"kind":"action"');
    expect(frames).not.toContain('县应急管理局响应及时'); // evaluator notes are staff-only
    // and nothing in them counts hidden events: no drill or engine seqs, no intel:<seq> keys, no causes
    expect(frames).not.toMatch(/"(seq|seqs|cause)":|"(intel|inject):/);
  });

  step('ends, debriefs, verifies the commitment and opens the report; English on a switch', async () => {
    // 结束演练 asks in the app's own dialog: cancel keeps the drill going, confirm ends it
    const dialog = trainer.getByTestId('control-bar').getByTestId('confirm-dialog');
    await trainer.getByTestId('control-end').click();
    await poll(() => dialog.isVisible()).toBe(true);
    await shot(trainer, '06b-trainer-confirm-end');
    await dialog.getByTestId('confirm-no').click();
    await poll(() => dialog.isVisible()).toBe(false);
    expect(await trainer.getByTestId('clock').getAttribute('data-phase')).toBe('paused');
    await trainer.getByTestId('control-end').click();
    await dialog.getByTestId('confirm-yes').click();
    await poll(() => trainer.getByTestId('clock').getAttribute('data-phase')).toBe('ended');
    await trainer.getByTestId('control-debrief').click();
    await poll(() => trainer.getByTestId('clock').getAttribute('data-phase')).toBe('debriefed');
    await trainer.getByTestId('verify').click();
    await poll(() => trainer.getByTestId('verify-chain').textContent()).toContain('哈希链完整');
    await poll(() => trainer.getByTestId('verify-commitment').textContent()).toContain('承诺值验证通过');
    // improvement items get an owner and a deadline before export, kept on the server with the drill
    const item = trainer.getByTestId('improvement').filter({ hasText: '抢通队伍派出前应先核实道路状态' });
    await poll(() => item.count()).toBe(1);
    await item.getByTestId('improvement-owner').fill('县应急管理局');
    await item.getByTestId('improvement-deadline').fill('2025年9月30日前');
    await item.getByTestId('improvement-owner').focus(); // leaving the deadline saves the item
    const staffToken = await trainer.evaluate(() => (JSON.parse((globalThis as unknown as { sessionStorage: { getItem(k: string): string } }).sessionStorage.getItem('yanlian.session.director')) as { token: string }).token);
    await poll(async () => {
      const res = await fetch(`${base}api/drill/improvements`, { headers: { authorization: `Bearer ${staffToken}` } });
      return ((await res.json()) as { items: { key: string; deadline: string }[] }).items.find((x) => x.key === '抢通队伍派出前应先核实道路状态')?.deadline;
    }).toBe('2025年9月30日前');
    await shot(trainer, '07-trainer-debrief');
    const [report] = await Promise.all([trainer.waitForEvent('popup'), trainer.getByTestId('open-report').click()]);
    await report.waitForURL(/^blob:/, { timeout: 15_000 });
    await poll(() => report.locator('body').textContent()).toContain(SITREP);
    expect(await report.locator('body').textContent()).toContain('县应急管理局响应及时');
    expect(await report.locator('table.improve').textContent()).toContain('2025年9月30日前');
    await shot(report, '08-report');
    // the Word document beside it, saved under its Chinese name (its charts are rasterised by
    // headless Chromium on the server: slow on a loaded machine, so a long wait)
    const [docx] = await Promise.all([trainer.waitForEvent('download', { timeout: 180_000 }), trainer.getByTestId('download-docx').click()]);
    expect(docx.suggestedFilename()).toBe('演练复盘报告.docx');
    const bytes = await (await import('node:fs/promises')).readFile((await docx.path())!);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');

    await county.getByTestId('lang-switch').tap();
    await poll(() => county.getByTestId('response-level').textContent()).toBe('Level III response');
    await poll(() => county.getByTestId('inbox').textContent()).toContain('Media inquiry');
    expect(await county.evaluate(() => (globalThis as unknown as { document: { documentElement: { lang: string } } }).document.documentElement.lang)).toBe('en');
    await shot(county, '09-trainee-english');
    expect(pageErrors).toEqual([]);
  });
});

if (!HAVE_CHROMIUM)
  describe('web app in Chromium', () => {
    it.skip(`skipped: no Chromium binary at ${CHROMIUM} (apt-get install -y chromium fonts-noto-cjk, or set CHROMIUM_PATH)`, () => {});
  });
