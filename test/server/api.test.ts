import { afterEach, describe, expect, it } from 'vitest';
import { admin, bearer, FakeClock, makeApp } from './helpers.ts';

type App = ReturnType<typeof makeApp>;
const apps: App[] = [];
afterEach(async () => {
  for (const a of apps.splice(0)) {
    await a.app.close();
    a.db.close();
  }
});

async function setup(extra = {}) {
  const a = makeApp(':memory:', new FakeClock(), extra);
  apps.push(a);
  const res = await a.app.inject({ method: 'POST', url: '/api/drills', headers: admin, payload: { title: '乐至县暴雨桌面演练', password: 'pw-123456', scenario: 'tiny', seed: 1, speed: 600 } });
  expect(res.statusCode).toBe(200);
  const created = res.json() as { drillId: string; code: string; codeDisplay: string; token: string; positionCodes: Record<string, string> };
  const join = async (role: string, extra2: Record<string, unknown> = {}) => {
    const r = await a.app.inject({ method: 'POST', url: '/api/join', payload: { code: created.codeDisplay.toLowerCase(), role, name: role, ...extra2 } });
    return r;
  };
  /** a trainee joins by their position's own code, as its join link does */
  const joinAt = (position: string) => a.app.inject({ method: 'POST', url: '/api/join', payload: { code: created.positionCodes[position]!.toLowerCase(), role: 'trainee', name: position } });
  return { ...a, created, join, joinAt };
}

describe('drill server API: roles and authorisation', () => {
  it('serves a Chinese-first status page without codes or secrets', async () => {
    const s = await setup();
    const r = await s.app.inject('/');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/text\/html/);
    expect(r.body).toContain('演练服务器');
    expect(r.body).toContain('乐至县暴雨桌面演练');
    expect(r.body).not.toContain(s.created.code);
  });

  it('joins by code: trainees by their position code, observers by the drill code, staff need the password', async () => {
    const s = await setup();
    expect((await s.joinAt('twp-tb')).json()).toMatchObject({ role: 'trainee', position: 'twp-tb' });
    expect((await s.join('trainee', { position: 'twp-tb' })).json().error.code).toBe('positionCodeNeeded');
    expect((await s.join('observer')).statusCode).toBe(200);
    expect((await s.join('evaluator', { password: 'wrong-pw' })).statusCode).toBe(401);
    const ev = await s.join('evaluator', { password: 'pw-123456' });
    expect(ev.statusCode).toBe(200);
    expect(ev.json()).toMatchObject({ role: 'evaluator', position: null });
  });

  it('checks the role on every request: a trainee cannot control, release, read the script or revoke', async () => {
    const s = await setup();
    const t = (await s.joinAt('twp-tb')).json().token as string;
    const o = (await s.join('observer')).json().token as string;
    for (const [method, url, payload] of [
      ['POST', '/api/drill/control', { op: 'brief' }],
      ['POST', '/api/drill/injects/inj-media/release', {}],
      ['GET', '/api/drill/script', undefined],
      ['POST', '/api/drill/notes', { text: '观察' }],
      ['DELETE', `/api/drill/participants/x`, undefined],
    ] as const) {
      const r = await s.app.inject({ method, url, payload, headers: bearer(t) });
      expect(r.statusCode, `${method} ${url}`).toBe(403);
      expect(r.json().error.code).toBe('forbidden');
      expect(r.json().error.zh).toMatch(/无权/);
    }
    expect((await s.app.inject({ method: 'POST', url: '/api/drill/actions', payload: { clientId: 'a', decision: { kind: 'evacuate', site: 'gh2' } }, headers: bearer(o) })).statusCode).toBe(403);
    expect((await s.app.inject({ method: 'POST', url: '/api/drill/control', payload: { op: 'brief' }, headers: bearer(s.created.token) })).statusCode).toBe(200);
  });

  it('rejects missing, forged and revoked tokens; a token works only for its own drill', async () => {
    const s = await setup();
    expect((await s.app.inject('/api/drill')).statusCode).toBe(401);
    expect((await s.app.inject({ url: '/api/drill', headers: bearer('yl_forged') })).statusCode).toBe(401);
    const j = (await s.joinAt('twp-ta')).json();
    expect((await s.app.inject({ url: '/api/drill', headers: bearer(j.token) })).json().drill.id).toBe(s.created.drillId);
    const del = await s.app.inject({ method: 'DELETE', url: `/api/drill/participants/${j.participantId}`, headers: bearer(s.created.token) });
    expect(del.json()).toEqual({ revoked: true });
    expect((await s.app.inject({ url: '/api/drill', headers: bearer(j.token) })).statusCode).toBe(401);
    // a second drill: the first drill's director token has no say in it
    const other = (await s.app.inject({ method: 'POST', url: '/api/drills', headers: admin, payload: { title: 'B', password: 'pw-abcdef', scenario: 'tiny' } })).json();
    const info = (await s.app.inject({ url: '/api/drill', headers: bearer(s.created.token) })).json();
    expect(info.drill.id).not.toBe(other.drillId);
  });

  it('trainees get only their own resources in the map, never the hazard model or the seed', async () => {
    const s = await setup();
    const t = (await s.joinAt('twp-tb')).json().token as string;
    const r = (await s.app.inject({ url: '/api/drill', headers: bearer(t) })).json();
    expect(r.map.teams.map((x: { id: string }) => x.id)).toEqual(['team-tb']);
    expect(r.map.warehouses.find((w: { id: string }) => w.id === 'wh-county').stock).toBeUndefined();
    expect(r.drill.code).toBeUndefined();
    const text = JSON.stringify(r);
    for (const secret of ['"hazard":', '"chain":', 'peakIntensity', '"seed"', 'drillSeed', 'lognormal']) expect(text.includes(secret), secret).toBe(false);
  });

  it('rate-limits wrong codes by address (20 a minute: a classroom behind one NAT mistypes)', async () => {
    const s = await setup();
    for (let i = 0; i < 20; i++) expect((await s.app.inject({ method: 'POST', url: '/api/join', payload: { code: 'ZZZZ-ZZZZ', role: 'observer' } })).statusCode).toBe(404);
    const blocked = await s.app.inject({ method: 'POST', url: '/api/join', payload: { code: s.created.code, role: 'observer' } });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers['retry-after']).toBe('60');
    expect(blocked.json().error.zh).toMatch(/秒后再试/);
    s.clock.advance(61_000);
    expect((await s.app.inject({ method: 'POST', url: '/api/join', payload: { code: s.created.code, role: 'observer' } })).statusCode).toBe(200);
  });

  it('answers malformed bodies with bilingual errors, never a crash', async () => {
    const s = await setup();
    const bad = await s.app.inject({ method: 'POST', url: '/api/join', headers: { 'content-type': 'application/json' }, payload: '{"code":' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'badJson' });
    const huge = await s.app.inject({ method: 'POST', url: '/api/drills', headers: admin, payload: { title: 'x', password: 'pw-123456', scenarioText: 'x'.repeat(3_000_000) } });
    expect(huge.statusCode).toBe(413);
    const wrong = await s.app.inject({ method: 'POST', url: '/api/drills', headers: admin, payload: { title: 5, password: [] } });
    expect(wrong.statusCode).toBe(400);
    expect((await s.app.inject('/api/health')).json().ok).toBe(true);
  });
});
