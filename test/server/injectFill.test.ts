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

describe('releasing a conditional inject before its event (HTTP)', () => {
  it('is refused in zh/en until the director picks the names, then reaches trainees filled', async () => {
    const a = makeApp(':memory:', new FakeClock());
    apps.push(a);
    const created = (await a.app.inject({ method: 'POST', url: '/api/drills', headers: admin, payload: { title: '填空', password: 'pw-123456', scenario: 'tiny', seed: 1, speed: 60 } })).json();
    const trainee = (await a.app.inject({ method: 'POST', url: '/api/join', payload: { code: created.positionCodes['twp-tb'], role: 'trainee', name: 'tb' } })).json().token as string;
    const ctl = (op: string) => a.app.inject({ method: 'POST', url: '/api/drill/control', payload: { op }, headers: bearer(created.token) });
    await ctl('brief');
    await ctl('start');
    const rel = (payload: unknown) => a.app.inject({ method: 'POST', url: '/api/drill/injects/inj-slide-report/release', headers: bearer(created.token), payload: payload as object });
    const bare = await rel({});
    expect(bare.statusCode).toBe(409);
    expect(bare.json().error).toMatchObject({ code: 'fillNeeded', zh: expect.stringContaining('隐患点'), en: expect.stringContaining('hazard site') });
    expect((await rel({ fill: { site: 'gh-none' } })).json().error.code).toBe('badFill');
    const ok = await rel({ fill: { site: 'gh1' } });
    expect(ok.statusCode, ok.body).toBe(200);
    const events = (await a.app.inject({ url: '/api/drill/events', headers: bearer(trainee) })).json().events as { kind: string; data: { body?: { zh: string } } }[];
    const inj = events.find((e) => e.kind === 'inject' && e.data.body?.zh.includes('村委会'));
    expect(inj?.data.body?.zh).toContain('甲二村滑坡');
    expect(JSON.stringify(events)).not.toMatch(/\{(site|village|link|township)\}/);
  });
});
