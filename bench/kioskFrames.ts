/**
 * `npm run bench:kiosk`: frame times of each kiosk experience's 3D replay in Debian's Chromium at
 * 1280×800 (the venue's smaller screen), played by taps as a visitor would: 暴雨·滑坡·断路 (乐至),
 * 地震 (施甸), 森林火灾 (施甸 fire season), 台风 (平湖) and the school fire. Every question is
 * answered with the first button shown (answers are shuffled per seed, so that is no fixed
 * choice); frames are counted only while the replay runs (no question or result on screen).
 * Headless Chromium renders WebGL with SwiftShader (software): the renderer is printed beside
 * the figures. A benchmark, not a test. `BENCH_SEED=N` picks the kiosk's seed (default 1).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { startServer } from '../src/server/startServer.ts';

const ROOT = new URL('../', import.meta.url).pathname;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SEED = Number(process.env.BENCH_SEED ?? 1);
const work = mkdtempSync(join(tmpdir(), 'yanlian-bench-kiosk-'));

/** One experience as the kiosk shows it: how to start it and the test ids of its screens. */
interface Experience {
  name: string;
  start(p: Page): Promise<void>;
  question: string;
  option: string;
  result: string;
  /** present while the replay runs */
  playing: string;
}

const county = (id: 'rain' | 'quake' | 'forest' | 'typhoon', name: string): Experience => {
  const k = id === 'rain' ? 'rain' : 'hazard';
  return {
    name,
    async start(p) {
      await p.getByTestId(`kiosk-start-${id}`).tap();
      await p.getByTestId(`kiosk-${k}-intro`).waitFor({ timeout: 300_000 });
      await p.getByTestId(`kiosk-${k}-go`).tap();
    },
    question: `kiosk-${k}-question`,
    option: `kiosk-${k}-option-`,
    result: `kiosk-${k}-result`,
    playing: 'kiosk',
  };
};

const EXPERIENCES: Experience[] = [
  county('rain', '暴雨·滑坡·断路 (乐至)'),
  county('quake', '地震·余震·滑坡 (施甸)'),
  county('forest', '森林火灾 (施甸)'),
  county('typhoon', '台风·内涝·海塘 (平湖)'),
  {
    name: '校园火灾 (school, 3D replay)',
    async start(p) {
      await p.getByTestId('kiosk-start').tap();
      await p.getByTestId('kiosk-role-student').tap();
      await p.getByTestId('kiosk-go').tap();
    },
    question: 'kiosk-question',
    option: 'kiosk-option-',
    result: 'kiosk-your-time',
    playing: 'kiosk-school-3d',
  },
];

/** rAF intervals (ms) until `ms` pass or a question/result shows or the replay's element goes; string body: tsx's __name is not in the page. */
function sampleFrames(p: Page, e: Experience, ms: number): Promise<number[]> {
  return p.evaluate(`new Promise((res) => {
    const out = [];
    const stop = () => document.querySelector('[data-testid="${e.question}"]') || document.querySelector('[data-testid="${e.result}"]') || !document.querySelector('[data-testid="${e.playing}"]');
    let last = performance.now();
    const end = last + ${ms};
    const f = (now) => { if (stop()) return res(out); out.push(now - last); last = now; if (now < end) requestAnimationFrame(f); else res(out); };
    requestAnimationFrame(f);
  })`) as Promise<number[]>;
}

async function play(p: Page, e: Experience): Promise<{ frames: number[]; answers: number }> {
  await p.goto(`http://127.0.0.1:${port}/#/kiosk?seed=${SEED}&idle=900&attract=900`);
  await p.reload();
  await p.getByTestId('kiosk').waitFor({ timeout: 120_000 });
  await e.start(p);
  const frames: number[] = [];
  let answers = 0;
  const deadline = Date.now() + 600_000;
  while (Date.now() < deadline) {
    if (await p.getByTestId(e.result).isVisible().catch(() => false)) break;
    const q = p.getByTestId(e.question);
    if (await q.isVisible().catch(() => false)) {
      await p.locator(`[data-testid^="${e.option}"]`).first().tap();
      answers++;
      await p.waitForTimeout(300);
      continue;
    }
    if (await p.getByTestId(e.playing).isVisible().catch(() => false)) {
      const got = await sampleFrames(p, e, 3000);
      // the first frame of a window waits on whatever ran before it
      frames.push(...got.slice(1));
    } else await p.waitForTimeout(200);
  }
  return { frames, answers };
}

const q = (a: number[], x: number) => [...a].sort((m, n) => m - n)[Math.min(a.length - 1, Math.floor(x * a.length))]!;
const { build } = await import('vite');
const appDir = join(work, 'app');
await build({ configFile: join(ROOT, 'vite.config.ts'), root: join(ROOT, 'src/app'), mode: 'test', logLevel: 'error', build: { outDir: appDir, emptyOutDir: true } });
const server = await startServer({ port: 0, host: '127.0.0.1', db: join(work, 'db.sqlite'), appDir, out: () => {} });
const port = server.port;
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--headless', '--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'] });
try {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, hasTouch: true });
  const p = await ctx.newPage();
  await p.goto(`http://127.0.0.1:${port}/#/kiosk`);
  const renderer = (await p.evaluate(`(() => {
    const gl = document.createElement('canvas').getContext('webgl2');
    const ext = gl && gl.getExtension('WEBGL_debug_renderer_info');
    return ext ? String(gl.getParameter(ext.UNMASKED_RENDERER_WEBGL)) : 'unknown';
  })()`)) as string;
  const load = (await import('node:os')).loadavg()[0]!.toFixed(1);
  process.stdout.write(`renderer: ${renderer}\nviewport 1280×800, seed ${SEED}, load average at start ${load}\n`);
  for (const e of EXPERIENCES) {
    const { frames, answers } = await play(p, e);
    const line = frames.length ? `p50 ${q(frames, 0.5).toFixed(1)}  p90 ${q(frames, 0.9).toFixed(1)}  p95 ${q(frames, 0.95).toFixed(1)} ms` : 'no frames sampled';
    process.stdout.write(`${e.name}: ${frames.length} frames while replaying, ${answers} answers — ${line}\n`);
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(work, { recursive: true, force: true });
}
