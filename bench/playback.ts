/**
 * `npm run bench:playback`: the playback page in Debian's Chromium (headless: WebGL through
 * SwiftShader, i.e. software) over a synthetic 72 h county log with 500 moving teams and 400 road
 * links (the default scenario widened: 64 → 500 teams, 381 → 400 links), cut and reopened all
 * through the run. Reports p50/p95/p99 frame times while playing at 3600× and the time to scrub
 * to 20 random moments (seek + the next painted frame). 120 villages ask for relief along the
 * way, so stock is drawn at a rate and the store bars move every frame. The canvas lowers its
 * resolution while frames are slow (AdaptiveResolution): the ratio it settled at is reported.
 * A benchmark, not a test.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { parse, stringify } from 'yaml';
import { toJsonl } from '../engine/node/jsonl.ts';
import { sha256Hex } from '../engine/node/scenarioFile.ts';
import type { LogEvent, Manifest } from '../engine/sim/eventLog.ts';
import { startServer } from '../src/server/startServer.ts';

const ROOT = new URL('../', import.meta.url).pathname;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const work = mkdtempSync(join(tmpdir(), 'yanlian-bench-pb-'));
const scDir = join(work, 'scenarios');
mkdirSync(scDir);

// the scenario: the default one with 500 teams and 400 links
const doc = parse(readFileSync(join(ROOT, 'scenarios/lezhi-rainstorm.yaml'), 'utf8')) as Record<string, any>;
doc.id = 'bench-playback';
const baseTeams = doc.teams as any[];
for (let i = baseTeams.length; i < 500; i++) baseTeams.push({ ...baseTeams[i % 64], id: `team-bench-${i}`, name: { zh: `测试队${i}`, en: `Bench team ${i}` } });
const links = doc.roads.links as any[];
for (let i = links.length, k = 0; i < 400; i++, k++) links.push({ ...links[k], id: `r-bench-${i}` });
const text = stringify(doc);
writeFileSync(join(scDir, 'bench-playback.yaml'), text);

// the log: every team shuttles between its base and a site, each link is cut and reopened
const sites = (doc.hazardSites as any[]).map((s) => s.id);
const ev: { t: number; type: string; [k: string]: unknown }[] = [];
const H = 72 * 60;
baseTeams.forEach((tm, i) => {
  for (let t0 = 10 + (i % 97); t0 < H - 400; t0 += 360 + (i % 53)) {
    ev.push({ t: t0, type: 'team.dispatched', team: tm.id, task: 'rescue', target: sites[(i + t0) % sites.length] });
    ev.push({ t: t0 + 20, type: 'team.departed', team: tm.id, minutes: 90 });
    ev.push({ t: t0 + 110, type: 'team.arrived', team: tm.id });
    ev.push({ t: t0 + 200, type: 'team.taskDone', team: tm.id });
    ev.push({ t: t0 + 290, type: 'team.returned', team: tm.id });
  }
});
links.forEach((l, i) => {
  const t0 = (i * 37) % (H - 600);
  ev.push({ t: t0, type: 'road.cut', link: l.id, trunk: l.trunk, site: sites[i % sites.length] });
  ev.push({ t: t0 + 300, type: 'road.reopened', link: l.id, trunk: l.trunk, hoursClosed: 5 });
});
for (let h = 1; h <= 72; h++) ev.push({ t: h * 60, type: 'rain.hour', hour: h, mm: 5 });
// relief: villages in need draw food and water from their nearest stores at a rate (consumption 'rate')
const villages = (doc.region.villages as any[]).map((v) => v.id);
for (let i = 0; i < 120; i++) ev.push({ t: 30 + i * 25, type: 'relief.requested', village: villages[(i * 7) % villages.length], people: 200 + (i % 9) * 50 });
for (let i = 0; i < 60; i++) ev.push({ t: 3000 + i * 20, type: 'relief.ended', village: villages[(i * 7) % villages.length], people: 200 + (i % 9) * 50, remaining: 0 });
ev.sort((a, b) => a.t - b.t);
const events = ev.map((e, i) => ({ seq: i + 1, ...e }) as LogEvent);
const manifest: Manifest = { type: 'manifest', engine: 'yanlian', engineVersion: '0.1.0', scenario: { id: 'bench-playback', sha256: sha256Hex(text) }, seed: 1, horizonHours: 72 };
const logFile = join(work, 'bench.jsonl');
writeFileSync(logFile, toJsonl(manifest, events));

const { build } = await import('vite');
const appDir = join(work, 'app');
await build({ configFile: join(ROOT, 'vite.config.ts'), root: join(ROOT, 'src/app'), mode: 'test', logLevel: 'error', build: { outDir: appDir, emptyOutDir: true } });
const server = await startServer({ port: 0, host: '127.0.0.1', db: join(work, 'db.sqlite'), appDir, scenarioDirs: [scDir, join(ROOT, 'scenarios')], out: () => {} });
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--headless', '--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'] });
try {
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 960 } })).newPage();
  await page.goto(`http://127.0.0.1:${server.port}/#/playback`);
  await page.getByTestId('pb-file').setInputFiles(logFile);
  await page.getByTestId('pb-view').waitFor({ timeout: 300_000 }); // a loaded machine folds 27k events slowly
  await page.waitForTimeout(1500);
  // string bodies: tsx's keep-names helper (__name) does not exist in the page
  const renderer = (await page.evaluate(`(() => {
    const gl = document.createElement('canvas').getContext('webgl2');
    const ext = gl && gl.getExtension('WEBGL_debug_renderer_info');
    return ext ? String(gl.getParameter(ext.UNMASKED_RENDERER_WEBGL)) : 'unknown';
  })()`)) as string;
  await page.getByTestId('pb-speed').selectOption('3600');
  await page.getByTestId('pb-play').click();
  const frames = (await page.evaluate(`new Promise((res) => {
    const out = [];
    let last = performance.now();
    const end = last + 8000;
    const f = (now) => { out.push(now - last); last = now; if (now < end) requestAnimationFrame(f); else res(out); };
    requestAnimationFrame(f);
  })`)) as number[];
  await page.getByTestId('pb-play').click();
  const dpr = (await page.evaluate(`(() => { const c = document.querySelector('canvas[data-dpr]'); return c ? c.dataset.dpr + ' (screen ' + devicePixelRatio + ')' : 'unknown'; })()`)) as string;
  const scrubs = (await page.evaluate(`(async () => {
    const hook = window.__yanlianPlayback;
    const out = [];
    let x = 12345;
    for (let i = 0; i < 20; i++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      const t = (x / 2147483648) * hook.endT;
      const t0 = performance.now();
      hook.seek(t);
      await new Promise((r) => requestAnimationFrame(() => r(null)));
      out.push(performance.now() - t0);
    }
    return out;
  })()`)) as number[];
  const q = (a: number[], p: number) => [...a].sort((x, y) => x - y)[Math.min(a.length - 1, Math.floor(p * a.length))]!;
  // the first frames warm up; on a starved machine there may be only a few in all
  const f = frames.length > 10 ? frames.slice(5) : frames.slice(1);
  process.stdout.write(`renderer: ${renderer}\nlog: ${events.length} events, 500 teams, 400 links, 120 villages drawing relief at a rate\ncanvas device-pixel ratio after playing (adaptive): ${dpr}\n`);
  process.stdout.write(`frame ms while playing at 3600× (${f.length} frames): p50 ${q(f, 0.5).toFixed(1)}  p95 ${q(f, 0.95).toFixed(1)}  p99 ${q(f, 0.99).toFixed(1)}\n`);
  process.stdout.write(`scrub to 20 random moments, ms (seek + next frame): p50 ${q(scrubs, 0.5).toFixed(1)}  max ${Math.max(...scrubs).toFixed(1)}\n`);
} finally {
  await browser.close();
  await server.close();
  rmSync(work, { recursive: true, force: true });
}
