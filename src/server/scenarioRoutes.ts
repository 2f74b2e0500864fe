import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { loadAnyScenario } from '../../engine/evacuation/index.ts';
import type { ApiError } from './messages.ts';
import { FailureLimiter } from './rateLimit.ts';
import { SCENARIO_DIR } from './scenarioDir.ts';

const KEY = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/** One shipped scenario as the playback page needs it: loaded and resolved, with the SHA-256 of its file. */
interface Shipped {
  name: string;
  id: string;
  model: 'county' | 'evacuation';
  sha256: string;
  scenario: unknown;
}

const notFound = (key: string): ApiError => ({
  code: 'unknownScenario',
  zh: `服务器上没有标识或文件名为「${key.slice(0, 64)}」的内置场景（回放只能使用 scenarios/ 中随软件发布的场景）`,
  en: `no built-in scenario with the id or file name "${key.slice(0, 64)}" on this server (playback uses the scenarios shipped in scenarios/)`,
});
const rateLimited = (seconds: number): ApiError => ({ code: 'rateLimited', zh: `尝试次数过多，请 ${seconds} 秒后再试`, en: `too many attempts; try again in ${seconds} s` });

/**
 * Read-only playback routes: `GET /api/playback/scenario/:key` returns a shipped scenario (county
 * or building) by its `id` — what a log's manifest names — or by its file name without `.yaml`:
 * `{ name, id, model, sha256, scenario }`, the scenario loaded and resolved, `sha256` that of the
 * file's bytes, so the page can say when a log was written against another version. Unknown
 * keys are a 404 with a zh/en message (misses from one address are rate limited). Only the file
 * asked for is loaded, once; files that do not load are left out. First folder wins.
 * `GET /api/scenarios/:key/places`: a county scenario's townships, villages and hazard sites by
 * id and name (what the 双盲 form picks from before the drill exists), nothing of its hazard model.
 */
export function scenarioRoutes(dirs: readonly string[] = [SCENARIO_DIR], now: () => number = Date.now, load: Load = loadAnyScenario) {
  return (app: FastifyInstance): void => {
    const limiter = new FailureLimiter(now, 30);
    const lookup = shippedLookup(dirs, load);

    app.get('/api/playback/scenario/:key', (req, reply) => {
      const wait = limiter.retryAfter(req.ip);
      if (wait > 0) {
        const s = Math.ceil(wait / 1000);
        return reply.code(429).header('retry-after', s).send({ error: rateLimited(s) });
      }
      const key = String((req.params as { key?: unknown }).key ?? '');
      const hit = KEY.test(key) ? lookup(key) : undefined;
      if (!hit) {
        limiter.fail(req.ip);
        return reply.code(404).send({ error: notFound(key) });
      }
      return hit;
    });

    // the places of a shipped county scenario by name, for the 双盲 form's site pickers before
    // the drill exists: villages, townships and hazard sites (id, name, village) — no hazard model
    app.get('/api/scenarios/:key/places', (req, reply) => {
      const wait = limiter.retryAfter(req.ip);
      if (wait > 0) {
        const s = Math.ceil(wait / 1000);
        return reply.code(429).header('retry-after', s).send({ error: rateLimited(s) });
      }
      const key = String((req.params as { key?: unknown }).key ?? '');
      const hit = KEY.test(key) ? lookup(key) : undefined;
      if (!hit || hit.model !== 'county') {
        limiter.fail(req.ip);
        return reply.code(404).send({ error: notFound(key) });
      }
      return placesOf(hit.scenario as CountyPlaces);
    });
  };
}

/** The named places of a county scenario as the pickers read them. */
interface CountyPlaces {
  region: { townships: { id: string; name: Bilingual }[]; villages: { id: string; name: Bilingual; township: string }[] };
  hazardSites: { id: string; name: Bilingual; village: string }[];
}
type Bilingual = { zh: string; en: string };

/** Only ids, names and which village a site is in: pure. */
function placesOf(s: CountyPlaces) {
  return {
    townships: s.region.townships.map((x) => ({ id: x.id, name: x.name })),
    villages: s.region.villages.map((v) => ({ id: v.id, name: v.name, township: v.township })),
    hazardSites: s.hazardSites.map((h) => ({ id: h.id, name: h.name, village: h.village })),
  };
}

type Load = typeof loadAnyScenario;

/** A scenario's top-level `id:` read from its text without parsing it (null where it is not written plainly). */
function plainId(text: string): string | null {
  const m = /^id:[ \t]*['"]?([A-Za-z0-9_.-]+)['"]?[ \t]*(?:#.*)?$/m.exec(text);
  return m ? m[1]! : null;
}

/**
 * Shipped scenarios looked up one at a time, by file name or by id, loading only the file that
 * answers (a county scenario takes a second or more to load and resolve; loading all of them
 * at the first request held a cold server's first kiosk tap for tens of seconds under load).
 * The same answer as loading every file in order: the first file, folder by folder and by
 * name, whose name or id is the key and which loads. A file's id is read plainly from its
 * text; a file whose id is not written plainly is loaded to learn it. Loaded files and their
 * failures are kept; a key no file answers is looked up again next time (misses are rate limited).
 */
function shippedLookup(dirs: readonly string[], load: Load): (key: string) => Shipped | undefined {
  const loaded = new Map<string, Shipped | null>();
  const byKey = new Map<string, Shipped>();
  const open = (d: string, f: string, name: string, text: string): Shipped | null => {
    const path = join(d, f);
    if (!loaded.has(path)) {
      const r = load(text, f);
      loaded.set(path, r.ok ? { name, id: r.scenario.id, model: r.model, sha256: createHash('sha256').update(text, 'utf8').digest('hex'), scenario: r.scenario } : null);
    }
    return loaded.get(path)!;
  };
  return (key) => {
    const known = byKey.get(key);
    if (known) return known;
    for (const d of dirs) {
      let files: string[];
      try {
        files = readdirSync(d).sort();
      } catch {
        continue;
      }
      for (const f of files) {
        const name = f.replace(/\.yaml$/, '');
        if (name === f || !KEY.test(name)) continue;
        let text: string;
        try {
          text = readFileSync(join(d, f), 'utf8');
        } catch {
          continue;
        }
        const id = plainId(text);
        if (name !== key && id !== null && id !== key) continue;
        const hit = open(d, f, name, text);
        if (hit && (hit.name === key || hit.id === key)) {
          byKey.set(key, hit);
          return hit;
        }
      }
    }
    return undefined;
  };
}
