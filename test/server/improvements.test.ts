import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenarioRoutes } from '../../src/server/scenarioRoutes.ts';
import { admin, bearer, FakeClock, makeApp } from './helpers.ts';

/**
 * Improvement items get an owner and a deadline before export (stored with the drill, printed in
 * report.html), and the 双盲 form's site names come from GET /api/scenarios/:key/places.
 */
let a: ReturnType<typeof makeApp>;
let created: { token: string; code: string; positionCodes: Record<string, string> };
let trainee = '';

beforeAll(async () => {
  a = makeApp(':memory:', new FakeClock(), { plugins: [(await import('../../src/server/reportRoutes.ts')).reportRoutes, scenarioRoutes()] });
  created = (await a.app.inject({ method: 'POST', url: '/api/drills', headers: admin, payload: { title: '改进事项', password: 'pw-123456', scenario: 'tiny', seed: 7, speed: 60 } })).json();
  trainee = ((await a.app.inject({ method: 'POST', url: '/api/join', payload: { code: created.positionCodes['county-eb'], role: 'trainee', name: '王' } })).json() as { token: string }).token;
  const dir = (op: string) => a.app.inject({ method: 'POST', url: '/api/drill/control', payload: { op }, headers: bearer(created.token) });
  await dir('brief');
  await dir('start');
  a.clock.advance(10 * 60_000);
  a.service.tickAll();
  await dir('end');
}, 180_000);

afterAll(async () => {
  await a.app.close();
  a.db.close();
});

describe('improvement items: owner and deadline', () => {
  it('staff list them, set one, and report.html prints it; others may not', async () => {
    const list = (await a.app.inject({ url: '/api/drill/improvements', headers: bearer(created.token) })).json() as { items: { key: string; owner: string; deadline: string }[] };
    expect(list.items.length).toBeGreaterThan(0);
    const key = list.items[0]!.key;
    const set = await a.app.inject({ method: 'POST', url: '/api/drill/improvements', headers: bearer(created.token), payload: { key, owner: '县应急管理局', deadline: '2025年9月30日前' } });
    expect(set.statusCode).toBe(200);
    const again = (await a.app.inject({ url: '/api/drill/improvements', headers: bearer(created.token) })).json() as { items: { key: string; owner: string; deadline: string }[] };
    expect(again.items.find((x) => x.key === key)).toMatchObject({ owner: '县应急管理局', deadline: '2025年9月30日前' });
    const html = (await a.app.inject({ url: '/api/drill/report.html', headers: bearer(created.token) })).body;
    expect(html).toContain('<td class="fill">县应急管理局</td><td class="fill">2025年9月30日前</td>');
    // clearing both fields removes the row
    await a.app.inject({ method: 'POST', url: '/api/drill/improvements', headers: bearer(created.token), payload: { key, owner: '', deadline: '' } });
    expect(a.db.prepare('SELECT count(*) AS n FROM improvement_items').get()).toEqual({ n: 0 });
    // a trainee can do neither; an unknown item or an over-long field is refused
    expect((await a.app.inject({ url: '/api/drill/improvements', headers: bearer(trainee) })).statusCode).toBe(403);
    expect((await a.app.inject({ method: 'POST', url: '/api/drill/improvements', headers: bearer(trainee), payload: { key, owner: 'x', deadline: '' } })).statusCode).toBe(403);
    expect((await a.app.inject({ method: 'POST', url: '/api/drill/improvements', headers: bearer(created.token), payload: { key: 'no such item', owner: 'x', deadline: '' } })).statusCode).toBe(404);
    expect((await a.app.inject({ method: 'POST', url: '/api/drill/improvements', headers: bearer(created.token), payload: { key, owner: 'x'.repeat(201), deadline: '' } })).statusCode).toBe(400);
  });
});

describe('GET /api/scenarios/:key/places', () => {
  it('names a shipped county scenario’s sites and villages, nothing of its hazard model', async () => {
    const r = await a.app.inject({ url: '/api/scenarios/lezhi-rainstorm/places' });
    expect(r.statusCode).toBe(200);
    const p = r.json() as { hazardSites: { id: string; name: { zh: string }; village: string }[]; villages: { id: string }[]; townships: unknown[] };
    expect(p.hazardSites.length).toBeGreaterThan(10);
    expect(Object.keys(p.hazardSites[0]!).sort()).toEqual(['id', 'name', 'village']);
    expect(p.villages.some((v) => v.id === p.hazardSites[0]!.village)).toBe(true);
    expect((await a.app.inject({ url: '/api/scenarios/no-such/places' })).statusCode).toBe(404);
  });
});
