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

async function setup(payload: Record<string, unknown> = {}) {
  const a = makeApp(':memory:', new FakeClock());
  apps.push(a);
  const created = (await a.app.inject({ method: 'POST', url: '/api/drills', headers: admin, payload: { title: '控制', password: 'pw-123456', scenario: 'tiny', seed: 1, speed: 60, ...payload } })).json();
  const join = async (position: string) => (await a.app.inject({ method: 'POST', url: '/api/join', payload: { code: created.positionCodes[position], role: 'trainee', name: position } })).json().token as string;
  const ctl = (op: string, extra: Record<string, unknown> = {}) => a.app.inject({ method: 'POST', url: '/api/drill/control', payload: { op, ...extra }, headers: bearer(created.token) });
  const events = async (token: string) => (await a.app.inject({ url: '/api/drill/events', headers: bearer(token) })).json().events as { kind: string; data: Record<string, unknown> }[];
  return { ...a, created, join, ctl, events };
}

describe('director controls', () => {
  it('walks the lifecycle; refuses what the statechart does not allow', async () => {
    const s = await setup();
    expect((await s.ctl('start')).json().error.code).toBe('badPhase');
    for (const op of ['brief', 'start', 'pause', 'resume', 'end', 'debrief']) expect((await s.ctl(op)).statusCode, op).toBe(200);
    expect((await s.ctl('resume')).statusCode).toBe(409);
    const phases = (await s.events(s.created.token)).filter((e) => e.kind === 'phase').map((e) => e.data.to);
    expect(phases).toEqual(['briefing', 'running', 'paused', 'running', 'ended', 'debriefed']);
  });

  it('changes speed within 1×–3600× and keeps simulated time across changes and pauses', async () => {
    const s = await setup();
    await s.ctl('brief');
    await s.ctl('start');
    s.clock.advance(60_000); // 60 simulated minutes at 60×
    expect((await s.ctl('speed', { speed: 7200 })).json().error.code).toBe('badSpeed');
    expect((await s.ctl('speed', { speed: 0.5 })).statusCode).toBe(409);
    expect((await s.ctl('speed', { speed: 600 })).statusCode).toBe(200);
    s.clock.advance(6_000); // 60 more at 600×
    await s.ctl('pause');
    s.clock.advance(3_600_000);
    s.service.tickAll();
    const d = (await s.app.inject({ url: '/api/drill', headers: bearer(s.created.token) })).json().drill;
    expect(d).toMatchObject({ phase: 'paused', t: 120, speed: 600, running: false });
  });

  it('releases scripted injects by hand once, and ad-hoc injects to chosen positions only', async () => {
    const s = await setup();
    const tb = await s.join('twp-tb');
    const ta = await s.join('twp-ta');
    await s.ctl('brief');
    await s.ctl('start');
    const rel = () => s.app.inject({ method: 'POST', url: '/api/drill/injects/inj-media/release', headers: bearer(s.created.token) });
    expect((await rel()).statusCode).toBe(200);
    expect((await rel()).json().error.code).toBe('alreadyReleased');
    const adhoc = await s.app.inject({
      method: 'POST',
      url: '/api/drill/injects',
      headers: bearer(s.created.token),
      payload: { title: { zh: '随机提问：乙镇避难场所容量？' }, body: { zh: '请乙镇回答避难场所可容纳人数。' }, channel: 'phone', to: ['twp-tb'], expected: [{ id: 'answer', label: { zh: '书面答复' }, action: 'situationReport', withinMin: 30 }] },
    });
    expect(adhoc.statusCode, adhoc.body).toBe(200);
    const seenTb = (await s.events(tb)).filter((e) => e.kind === 'inject').map((e) => e.data.how);
    const seenTa = (await s.events(ta)).filter((e) => e.kind === 'inject').map((e) => e.data.how);
    expect(seenTb).toContain('adhoc');
    expect(seenTa).not.toContain('adhoc');
    // the county-only media inquiry reaches neither township
    expect(seenTb).not.toContain('manual');
    expect((await s.events(tb)).some((e) => e.kind === 'injectScript')).toBe(false);
  });

  it('a self-blinded director sees the script only as it is released', async () => {
    const s = await setup({ mode: 'blind', config: { blind: { selfBlind: true } } });
    const ev = (await s.app.inject({ method: 'POST', url: '/api/join', payload: { code: s.created.code, role: 'evaluator', name: 'E', password: 'pw-123456' } })).json().token;
    const before = (await s.app.inject({ url: '/api/drill/script', headers: bearer(s.created.token) })).json();
    expect(before).toMatchObject({ selfBlind: true, released: [], pending: 4 });
    expect(JSON.stringify(before)).not.toContain('inj-');
    await s.ctl('brief');
    await s.ctl('start');
    s.clock.advance(1000);
    s.service.tickAll();
    const after = (await s.app.inject({ url: '/api/drill/script', headers: bearer(ev) })).json();
    expect(after.released.map((i: { id: string }) => i.id)).toEqual(['inj-duty-call']);
    await s.ctl('end');
    expect((await s.app.inject({ url: '/api/drill/script', headers: bearer(s.created.token) })).json().selfBlind).toBe(false);
  });

  it('a retried action with the same id is applied once', async () => {
    const s = await setup();
    const tb = await s.join('twp-tb');
    await s.ctl('brief');
    await s.ctl('start');
    const act = () => s.app.inject({ method: 'POST', url: '/api/drill/actions', headers: bearer(tb), payload: { clientId: 'same-1', decision: { kind: 'openShelter', shelter: 'sh-tb' } } });
    expect((await act()).json()).toMatchObject({ duplicate: false });
    expect((await act()).json()).toEqual({ accepted: true, duplicate: true });
    expect((await s.events(tb)).filter((e) => e.kind === 'action')).toHaveLength(1);
  });
});
