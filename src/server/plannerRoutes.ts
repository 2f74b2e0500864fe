import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { parse } from 'yaml';
import { scenarioModelOf } from '../../engine/evacuation/index.ts';
import type { ApiError } from './messages.ts';
import { FailureLimiter } from './rateLimit.ts';
import { SCENARIO_DIR } from './scenarioDir.ts';

/** A shipped scenario as the planner workbench lists it. */
export interface PlannerScenarioEntry {
  /** file name without `.yaml` */
  name: string;
  title: { zh: string; en: string };
  model: 'county' | 'evacuation';
  /** size of the file, bytes */
  bytes: number;
}

const NAME = /^[a-z0-9-]{1,64}$/;

const notFound = (name: string): ApiError => ({
  code: 'unknownPlannerScenario',
  zh: `没有名为「${name.slice(0, 64)}」的内置场景（规划工作台列出 scenarios/ 中随软件发布的场景）`,
  en: `no built-in scenario named "${name.slice(0, 64)}" (the planner workbench lists the scenarios shipped in scenarios/)`,
});
const rateLimited = (seconds: number): ApiError => ({ code: 'rateLimited', zh: `尝试次数过多，请 ${seconds} 秒后再试`, en: `too many attempts; try again in ${seconds} s` });

/**
 * Read-only planner routes: `GET /api/planner/scenarios` lists the shipped scenario files of
 * every model (`{ scenarios: PlannerScenarioEntry[] }`); `GET /api/planner/scenario/:name`
 * returns one file's exact bytes (`text/plain; charset=utf-8`), so the browser validates it with
 * the engine's own loader and hashes the same bytes `yanlian simulate` hashes — its summary is
 * then byte-identical to the CLI's. Unknown names are a 404 with a zh/en message (misses from
 * one address are rate limited). Files are read once; titles come from the file's `name:` (a file that
 * does not parse is listed by its file name; loading it in the page shows why).
 * First folder wins.
 */
export function plannerRoutes(dirs: readonly string[] = [SCENARIO_DIR], now: () => number = Date.now) {
  return (app: FastifyInstance): void => {
    const limiter = new FailureLimiter(now, 30);
    let cache: Map<string, { entry: PlannerScenarioEntry; bytes: Buffer }> | undefined;
    const files = () => (cache ??= readPlannerFiles(dirs));

    app.post('/api/planner/report', { bodyLimit: REPORT_BODY_LIMIT }, async (req, reply) => {
      const r = await plannerReport(req.body);
      if (!r.ok) return reply.code(400).send({ error: r.error });
      return reply.header('content-type', 'text/html; charset=utf-8').send(r.html);
    });

    app.get('/api/planner/scenarios', () => ({ scenarios: [...files().values()].map((f) => f.entry) }));

    app.get('/api/planner/scenario/:name', (req, reply) => {
      const wait = limiter.retryAfter(req.ip);
      if (wait > 0) {
        const s = Math.ceil(wait / 1000);
        return reply.code(429).header('retry-after', s).send({ error: rateLimited(s) });
      }
      const name = String((req.params as { name?: unknown }).name ?? '');
      const hit = NAME.test(name) ? files().get(name) : undefined;
      if (!hit) {
        limiter.fail(req.ip);
        return reply.code(404).send({ error: notFound(name) });
      }
      return reply.header('content-type', 'text/plain; charset=utf-8').header('cache-control', 'no-cache').send(hit.bytes);
    });
  };
}

/** The most a report request may carry (a summary with its curves; the default scenario's is ~0.3 MB). */
export const REPORT_BODY_LIMIT = 16 * 1024 * 1024;

const badReport = (detail: string): ApiError => ({
  code: 'badPlannerReport',
  zh: `无法生成报告：${detail}`,
  en: `cannot build the report: ${detail}`,
});

const isText = (v: unknown): v is { zh: string; en: string } => typeof v === 'object' && v !== null && typeof (v as { zh?: unknown }).zh === 'string' && typeof (v as { en?: unknown }).en === 'string';

/**
 * `POST /api/planner/report`: the workbench's summary rendered as the same HTML report
 * `yanlian simulate --report` writes — on the server, because the report's charts are drawn with
 * ECharts' server-side SVG, whose text layout differs in a browser by fractions of a pixel. Body:
 * `{ model, lang, scenarioFile, scenarioName, summary, curves?, roles? }` (curves and roles for a
 * building, as modelReports.ts passes them). A malformed body is a 400 with a zh/en message.
 */
export async function plannerReport(body: unknown): Promise<{ ok: true; html: string } | { ok: false; error: ApiError }> {
  const b = (body ?? {}) as Record<string, unknown>;
  const lang = b.lang === 'en' ? 'en' : b.lang === 'zh' ? 'zh' : null;
  const summary = b.summary as { format?: unknown } | undefined;
  if (!lang || !isText(b.scenarioName) || typeof b.scenarioFile !== 'string' || !summary) return { ok: false, error: badReport('model, lang, scenarioFile, scenarioName and summary are required') };
  const file = b.scenarioFile.replace(/^.*[\\/]/, '').slice(0, 200);
  try {
    if (b.model === 'county' && summary.format === 'yanlian-mc-summary') {
      const { renderReport } = await import('../report/renderReport.ts');
      return { ok: true, html: renderReport({ summary: summary as never, scenarioName: b.scenarioName, scenarioFile: file, lang }) };
    }
    if (b.model === 'evacuation' && summary.format !== 'yanlian-mc-summary') {
      const { renderEvacReport } = await import('../report/evacuation/renderEvacReport.ts');
      return { ok: true, html: renderEvacReport({ summary: summary as never, scenarioName: b.scenarioName, scenarioFile: file, lang, curves: b.curves as never, roles: b.roles as never }) };
    }
    return { ok: false, error: badReport('the summary does not belong to the model') };
  } catch (e) {
    return { ok: false, error: badReport(e instanceof Error ? e.message.slice(0, 200) : 'malformed summary') };
  }
}

/** The `name: { zh, en }` of a scenario file (the file name when it cannot be read). */
function titleOf(text: string, fallback: string): { zh: string; en: string } {
  try {
    const doc = parse(text) as { name?: { zh?: unknown; en?: unknown } } | null;
    const zh = typeof doc?.name?.zh === 'string' ? doc.name.zh : fallback;
    return { zh, en: typeof doc?.name?.en === 'string' ? doc.name.en : zh };
  } catch {
    return { zh: fallback, en: fallback };
  }
}

/** Every `.yaml` file in the folders, by name, sorted. */
function readPlannerFiles(dirs: readonly string[]): Map<string, { entry: PlannerScenarioEntry; bytes: Buffer }> {
  const out = new Map<string, { entry: PlannerScenarioEntry; bytes: Buffer }>();
  for (const d of dirs) {
    let names: string[];
    try {
      names = readdirSync(d).sort();
    } catch {
      continue;
    }
    for (const f of names) {
      const name = f.replace(/\.yaml$/, '');
      if (name === f || !NAME.test(name) || out.has(name)) continue;
      let bytes: Buffer;
      try {
        bytes = readFileSync(join(d, f));
      } catch {
        continue;
      }
      const text = bytes.toString('utf8');
      // a cheap look first: county scenarios are large and have no `model` key
      const model = /^model:\s*evacuation\s*$/m.test(text) && scenarioModelOf(text) === 'evacuation' ? 'evacuation' : 'county';
      out.set(name, { entry: { name, title: titleOf(text, name), model, bytes: bytes.length }, bytes });
    }
  }
  return new Map([...out].sort(([a], [b]) => a.localeCompare(b)));
}
