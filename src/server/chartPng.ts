import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * PNG copies of the report's SVG charts, for the .docx (Word wants a raster fallback beside an
 * SVG picture; older Word and WPS show only that). Nothing in node_modules rasterises SVG with
 * text in pure JS (ECharts needs node-canvas for PNG, which is not installed), so this uses
 * headless Chromium: `YANLIAN_CHROMIUM`, else Debian's /usr/bin/chromium (or chromium-browser,
 * google-chrome). No browser is ever downloaded. Returns null when there is none or it fails,
 * and the caller then leaves the charts out of the .docx, saying so.
 */
export function chromiumPath(): string | null {
  const candidates = [process.env.YANLIAN_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((p): p is string => !!p && existsSync(p)) ?? null;
}

/** One SVG to a PNG at twice its size (for print), white background. */
function shoot(browser: string, dir: string, k: number, svg: string, width: number, height: number): Promise<Buffer | null> {
  const page = join(dir, `chart-${k}.html`);
  const png = join(dir, `chart-${k}.png`);
  writeFileSync(page, `<!doctype html><html><head><meta charset="utf-8"><style>html,body{margin:0;background:#fff;overflow:hidden}svg{display:block}</style></head><body>${svg}</body></html>`);
  const args = [
    '--headless', '--disable-gpu', '--no-sandbox', '--hide-scrollbars', '--no-first-run', '--disable-extensions', '--disable-dev-shm-usage',
    `--user-data-dir=${join(dir, `profile-${k}`)}`, '--force-device-scale-factor=2', `--window-size=${width},${height}`, `--screenshot=${png}`, `file://${page}`,
  ];
  return new Promise((resolve) => {
    execFile(browser, args, { timeout: 90_000, env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'disabled:' } }, () => {
      try {
        const buf = readFileSync(png);
        resolve(buf.subarray(0, 4).toString('latin1') === '\x89PNG' ? buf : null);
      } catch {
        resolve(null);
      }
    });
  });
}

/** PNGs of the charts, in order; null if there is no Chromium or any chart failed. */
export async function chartPngs(charts: readonly { svg: string; width: number; height: number }[]): Promise<Buffer[] | null> {
  if (!charts.length) return [];
  const browser = chromiumPath();
  if (!browser) return null;
  const dir = mkdtempSync(join(tmpdir(), 'yanlian-charts-'));
  try {
    const out = await Promise.all(charts.map((c, k) => shoot(browser, dir, k, c.svg, c.width, c.height)));
    return out.every((x): x is Buffer => x !== null) ? out : null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
