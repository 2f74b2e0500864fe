/**
 * GET /api/playback/scenario/:key loads only the file that answers the key (a cold server used to
 * load every shipped scenario at the first request), and answers what loading them all in order
 * answered: first folder wins, by file name or by id, files that do not load are left out.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadAnyScenario } from '../../engine/evacuation/index.ts';
import { buildServer } from '../../src/server/buildServer.ts';
import { SCENARIO_DIR } from '../../src/server/scenarioDir.ts';
import { scenarioRoutes } from '../../src/server/scenarioRoutes.ts';
import { makeService } from './helpers.ts';

const school = readFileSync(join(SCENARIO_DIR, 'school-fire-evacuation.yaml'), 'utf8');
let work: string;
let one: string;
let two: string;
const loads: string[] = [];
const counting: typeof loadAnyScenario = (text, file) => {
  loads.push(file);
  return loadAnyScenario(text, file);
};

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'yanlian-lazy-'));
  one = join(work, 'one');
  two = join(work, 'two');
  mkdirSync(one);
  mkdirSync(two);
  // folder one: the school under another file name, a broken file claiming an id, a JSON-form copy (id not plain)
  writeFileSync(join(one, 'alpha.yaml'), school);
  writeFileSync(join(one, 'broken.yaml'), 'id: school-second\nmodel: evacuation\nfloors: [\n');
  const json = parse(school) as { id: string };
  json.id = 'school-json';
  writeFileSync(join(one, 'json-form.yaml'), JSON.stringify(json));
  // folder two: the school under its own name, and a second copy whose id the broken file also claims
  writeFileSync(join(two, 'school-fire-evacuation.yaml'), school);
  writeFileSync(join(two, 'zeta.yaml'), school.replace(/^id: school-fire-evacuation$/m, 'id: school-second'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function server() {
  const s = makeService();
  const app = buildServer({ service: s.service, plugins: [scenarioRoutes([one, two], () => 1_000_000, counting)], appDir: null });
  return { app, close: async () => { await app.close(); s.db.close(); } };
}

describe('shipped scenarios are loaded one at a time', () => {
  it('a key by file name loads that file alone, once', async () => {
    const { app, close } = server();
    loads.length = 0;
    const r = await app.inject('/api/playback/scenario/school-fire-evacuation');
    expect(r.statusCode).toBe(200);
    // the id is also alpha.yaml's, in the first folder: alpha answers first, as loading all in order did
    expect((r.json() as { name: string }).name).toBe('alpha');
    expect(loads).toEqual(['alpha.yaml']);
    expect((await app.inject('/api/playback/scenario/alpha')).statusCode).toBe(200);
    expect(loads).toEqual(['alpha.yaml']);
    await close();
  });

  it('a key by id skips files whose plain id differs, loads one whose id is not plain, and passes over files that fail', async () => {
    const { app, close } = server();
    loads.length = 0;
    const second = await app.inject('/api/playback/scenario/school-second');
    expect(second.statusCode).toBe(200);
    expect(second.json()).toMatchObject({ name: 'zeta', id: 'school-second', model: 'evacuation' });
    // broken.yaml claims the id and fails; json-form.yaml has no plain id and is loaded to learn it
    expect(loads).toEqual(['broken.yaml', 'json-form.yaml', 'zeta.yaml']);
    const byJsonId = await app.inject('/api/playback/scenario/school-json');
    expect(byJsonId.json()).toMatchObject({ name: 'json-form', id: 'school-json' });
    expect(loads).toHaveLength(3);
    const sha = (second.json() as { sha256: string }).sha256;
    expect(sha).toMatch(/^[0-9a-f]{64}$/);
    expect(sha).not.toBe((byJsonId.json() as { sha256: string }).sha256);
    await close();
  });

  it('an unknown key is a located 404 in both languages and loads nothing it need not', async () => {
    const { app, close } = server();
    loads.length = 0;
    const r = await app.inject('/api/playback/scenario/no-such');
    expect(r.statusCode).toBe(404);
    const e = (r.json() as { error: { zh: string; en: string } }).error;
    expect(e.zh).toContain('no-such');
    expect(e.en).toContain('no-such');
    expect(loads).toEqual(['json-form.yaml']);
    await close();
  });
});
