import { createHash, timingSafeEqual } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { loadEvacuationScenario, scenarioModelOf, type EvacuationScenario } from '../../engine/evacuation/index.ts';
import type { ApiError } from './messages.ts';
import { FailureLimiter } from './rateLimit.ts';
import { SCENARIO_DIR } from './scenarioDir.ts';

/** A building scenario the kiosk can play (science-education centre, 自救互救体验馆). */
export interface KioskScenarioEntry {
  /** file name without `.yaml` */
  name: string;
  title: { zh: string; en: string };
}

const NAME = /^[a-z0-9-]{1,64}$/;

const notFound = (name: string): ApiError => ({
  code: 'unknownKioskScenario',
  zh: `没有名为「${name.slice(0, 64)}」的建筑疏散场景（科普体验馆只能播放 model: evacuation 的内置场景）`,
  en: `no building evacuation scenario named "${name.slice(0, 64)}" (the kiosk plays only built-in scenarios with model: evacuation)`,
});
const noPin: ApiError = { code: 'kioskNoPin', zh: '服务器没有设置科普体验馆的退出密码（YANLIAN_KIOSK_PIN），不能从触摸屏退出', en: 'the server has no kiosk exit PIN (YANLIAN_KIOSK_PIN), so the kiosk cannot be left from the touch screen' };
const badPin: ApiError = { code: 'kioskBadPin', zh: '密码不对', en: 'wrong PIN' };
/** A staff exit PIN: 4 to 12 digits. */
const PIN = /^\d{4,12}$/;
const digest = (x: string) => createHash('sha256').update(x).digest();

const rateLimited = (seconds: number): ApiError => ({ code: 'rateLimited', zh: `尝试次数过多，请 ${seconds} 秒后再试`, en: `too many attempts; try again in ${seconds} s` });

/**
 * Kiosk routes: `GET /api/kiosk/scenarios` lists the building (evacuation) scenarios among the
 * built-in ones; `GET /api/kiosk/scenario/:name` returns one loaded, validated and resolved
 * (`{ name, title, scenario }`), for the browser to run the pure evacuation engine itself. A bad
 * or unknown name is a 404 with a zh/en message; repeated misses from one address are blocked
 * for a while (the same FailureLimiter as drill codes). Files are read once and cached (like
 * `/api/scenarios`); a file that does not load is left out of the list. First folder wins.
 *
 * `POST /api/kiosk/unlock` `{ pin }` is the venue staff's way out of kiosk mode: the PIN is the
 * server's (`pin`, by default the environment's YANLIAN_KIOSK_PIN, 4–12 digits), never in the
 * bundle; it is compared in constant time and five wrong tries from one address block it for a
 * minute, doubling. 200 `{ ok: true }` when right, 403 wrong, 404 when the server has no PIN, 429 blocked.
 */
export function kioskRoutes(dirs: readonly string[] = [SCENARIO_DIR], now: () => number = Date.now, pin: string | undefined = process.env.YANLIAN_KIOSK_PIN) {
  return (app: FastifyInstance): void => {
    const limiter = new FailureLimiter(now, 20);
    const pinLimiter = new FailureLimiter(now, 5);
    const want = pin !== undefined && PIN.test(pin) ? digest(pin) : null;

    app.post('/api/kiosk/unlock', (req, reply) => {
      if (!want) return reply.code(404).send({ error: noPin });
      const wait = pinLimiter.retryAfter(req.ip);
      if (wait > 0) {
        const s = Math.ceil(wait / 1000);
        return reply.code(429).header('retry-after', s).send({ error: rateLimited(s) });
      }
      const got = (req.body as { pin?: unknown } | null)?.pin;
      if (typeof got !== 'string' || got.length > 64 || !timingSafeEqual(digest(got), want)) {
        pinLimiter.fail(req.ip);
        return reply.code(403).send({ error: badPin });
      }
      return { ok: true };
    });
    let cache: Map<string, { entry: KioskScenarioEntry; scenario: EvacuationScenario }> | undefined;
    const scenarios = () => (cache ??= readKioskScenarios(dirs));

    app.get('/api/kiosk/scenarios', () => ({ scenarios: [...scenarios().values()].map((s) => s.entry) }));

    app.get('/api/kiosk/scenario/:name', (req, reply) => {
      const wait = limiter.retryAfter(req.ip);
      if (wait > 0) {
        const s = Math.ceil(wait / 1000);
        return reply.code(429).header('retry-after', s).send({ error: rateLimited(s) });
      }
      const name = String((req.params as { name?: unknown }).name ?? '');
      const hit = NAME.test(name) ? scenarios().get(name) : undefined;
      if (!hit) {
        limiter.fail(req.ip);
        return reply.code(404).send({ error: notFound(name) });
      }
      return { name, title: hit.entry.title, scenario: hit.scenario };
    });
  };
}

/** Reads and loads every `model: evacuation` scenario in the folders; files that fail to load are skipped. */
function readKioskScenarios(dirs: readonly string[]): Map<string, { entry: KioskScenarioEntry; scenario: EvacuationScenario }> {
  const out = new Map<string, { entry: KioskScenarioEntry; scenario: EvacuationScenario }>();
  for (const d of dirs) {
    let files: string[];
    try {
      files = readdirSync(d).sort();
    } catch {
      continue;
    }
    for (const f of files) {
      const name = f.replace(/\.yaml$/, '');
      if (name === f || !NAME.test(name) || out.has(name)) continue;
      let text: string;
      try {
        text = readFileSync(join(d, f), 'utf8');
      } catch {
        continue;
      }
      // a cheap look first: county scenarios are large and have no `model` key
      if (!/^model:\s*evacuation\s*$/m.test(text) || scenarioModelOf(text) !== 'evacuation') continue;
      const r = loadEvacuationScenario(text, f);
      if (!r.ok) continue;
      out.set(name, { entry: { name, title: { zh: r.scenario.name.zh, en: r.scenario.name.en } }, scenario: r.scenario });
    }
  }
  return new Map([...out].sort(([a], [b]) => a.localeCompare(b)));
}
