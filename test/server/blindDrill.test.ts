import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../engine/drill/canonicalJson.ts';
import { admin, bearer, FakeClock, makeApp } from './helpers.ts';
import { TestClient } from './wsClient.ts';

/**
 * A whole 双盲 drill on tiny.yaml, with every frame sent to one trainee's socket captured: it
 * must carry no unreleased inject, no seed or salt, no schedule and no ground truth.
 */
const SECRET_TITLE = '绝密：水库溃坝预案测试';
const SECRET_BODY = 'ZXQ-UNRELEASED-BODY';
const OTHER_TITLE = '只发给甲镇的情景';
const DRILL_SEED = 3_141_592_653;

const injects = [
  { id: 'inj-call', title: { zh: '值班电话' }, body: { zh: '气象台来电：强降雨。' }, channel: 'phone', to: [], trigger: { kind: 'at', offsetMin: 30 }, expected: [{ id: 'ack', label: { zh: '确认' }, action: 'acknowledge', withinMin: 15, objective: 'warn-report' }], blind: { probability: 1, jitterMin: 20 } },
  { id: 'inj-secret', title: { zh: SECRET_TITLE }, body: { zh: SECRET_BODY }, channel: 'written', to: [], trigger: { kind: 'manual' }, expected: [] },
  { id: 'inj-late', title: { zh: '第二天的情景 LATE-INJECT' }, body: { zh: 'LATE-BODY' }, channel: 'sms', to: [], trigger: { kind: 'at', offsetMin: 2000 }, expected: [] },
  { id: 'inj-ta', title: { zh: OTHER_TITLE }, body: { zh: 'TA-ONLY-BODY' }, channel: 'radio', to: ['twp-ta'], trigger: { kind: 'manual' }, expected: [] },
  { id: 'inj-cut', title: { zh: '交通局：{link}中断' }, body: { zh: '{link}中断。' }, channel: 'written', to: [], trigger: { kind: 'on', event: 'road.cut', delayMin: 10 }, expected: [{ id: 'clear', label: { zh: '派队抢通' }, action: 'dispatchTeam', withinMin: 60, objective: 'operations' }] },
];

let a: ReturnType<typeof makeApp>;
let dir: TestClient, trainee: TestClient, evaluator: TestClient;
let created: { token: string; code: string; drillId: string; positionCodes: Record<string, string> };
let traineeToken = '';
let captured: string[] = [];
let reveal: { drillSeed: number; schedule: { engineSeed: number }; salt: string } | null = null;

beforeAll(async () => {
  a = makeApp(':memory:', new FakeClock());
  const res = await a.app.inject({
    method: 'POST',
    url: '/api/drills',
    headers: admin,
    payload: { title: '双盲演练', password: 'pw-123456', scenario: 'tiny', mode: 'blind', seed: DRILL_SEED, speed: 60, config: { injects, blind: { failures: { min: 1 } } } },
  });
  expect(res.statusCode, res.body).toBe(200);
  created = res.json();
  traineeToken = (await a.app.inject({ method: 'POST', url: '/api/join', payload: { code: created.positionCodes['twp-tb'], role: 'trainee', name: '乙镇' } })).json().token;
  const evTok = (await a.app.inject({ method: 'POST', url: '/api/join', payload: { code: created.code, role: 'evaluator', name: '评估组', password: 'pw-123456' } })).json().token;
  dir = await TestClient.open(a.app);
  dir.send({ type: 'hello', token: created.token });
  trainee = await TestClient.open(a.app);
  trainee.send({ type: 'hello', token: traineeToken });
  evaluator = await TestClient.open(a.app);
  evaluator.send({ type: 'hello', token: evTok });
  await trainee.waitFor((f) => f.type === 'caughtUp');
  await dir.waitFor((f) => f.type === 'caughtUp');

  expect((await dir.request({ type: 'control', op: 'brief' })).ok).toBe(true);
  expect((await dir.request({ type: 'control', op: 'start' })).ok).toBe(true);
  const step = (min: number) => {
    for (let i = 0; i < min; i++) {
      a.clock.advance(1000);
      a.service.tickAll();
    }
  };
  step(200);
  await trainee.waitFor((f) => f.kind === 'inject');
  const call = trainee.events().find((f) => f.kind === 'inject')!;
  expect((await trainee.request({ type: 'ack', key: (call.data as { key: string }).key })).ok).toBe(true);
  expect((await trainee.request({ type: 'action', decision: { kind: 'openShelter', shelter: 'sh-tb' } })).ok).toBe(true);
  expect((await trainee.request({ type: 'action', decision: { kind: 'evacuate', site: 'gh2' } })).ok).toBe(true);
  expect((await dir.request({ type: 'release', inject: 'inj-ta' })).ok).toBe(true);
  step(900);
  expect((await evaluator.request({ type: 'note', text: '乙镇转移及时', objective: 'protection', rating: 4 })).ok).toBe(true);
  expect((await evaluator.request({ type: 'note', text: '县局未及时上报', objective: 'warn-report', rating: 2, improvement: true })).ok).toBe(true);
  trainee.send({ type: 'ping', id: 'p1' });
  await trainee.waitFor((f) => f.type === 'pong' && f.re === 'p1');
  expect((await dir.request({ type: 'control', op: 'end' })).ok).toBe(true);
  await trainee.waitFor((f) => f.kind === 'phase' && (f.data as { to: string }).to === 'ended');
  captured = [...trainee.raw];
  expect((await dir.request({ type: 'control', op: 'debrief' })).ok).toBe(true);
  const rv = await trainee.waitFor((f) => f.kind === 'reveal');
  reveal = (rv.data as { reveal: typeof reveal }).reveal;
}, 30_000);

afterAll(async () => {
  for (const c of [dir, trainee, evaluator]) c?.close();
  await a.app.close();
  a.db.close();
});

describe('双盲 drill: what reaches a trainee socket', () => {
  it('captured a real drill (injects, reports, public signals, own events)', () => {
    const kinds = new Set(captured.map((s) => JSON.parse(s).kind).filter(Boolean));
    for (const k of ['inject', 'sim', 'phase', 'commitment', 'action']) expect(kinds.has(k), k).toBe(true);
    expect(captured.length).toBeGreaterThan(20);
  });

  it('no unreleased inject: not its id, title or body; nor an inject sent to another position', () => {
    const all = captured.join('\n');
    for (const s of [SECRET_TITLE, SECRET_BODY, 'inj-secret', 'LATE-INJECT', 'LATE-BODY', 'inj-late', OTHER_TITLE, 'TA-ONLY-BODY', 'inj-ta']) expect(all.includes(s), s).toBe(false);
  });

  it('no seed, salt, schedule or commitment contents before the debrief', () => {
    expect(reveal).not.toBeNull();
    const all = captured.join('\n');
    for (const s of [String(DRILL_SEED), String(reveal!.schedule.engineSeed), reveal!.salt, '"failingSites"', '"schedule"', '"drillSeed"', '"engineSeed"', '"startAtMs"', '"salt"']) expect(all.includes(s), s).toBe(false);
  });

  it('no ground truth: no hazard draw, no raw failures or cuts, no casualty counts, no audiences or engine numbers', () => {
    const frames = captured.map((s) => JSON.parse(s));
    const simTypes = new Set(frames.filter((f) => f.kind === 'sim').map((f) => f.data.type));
    for (const t of ['hazard.drawn', 'site.failed', 'road.cut', 'decision.refused']) expect(simTypes.has(t), t).toBe(false);
    const all = captured.join('\n');
    for (const s of ['"deadMissing"', '"affected"', '"audience"', '"peakMmPerHour"', 'staff']) expect(all.includes(s), s).toBe(false);
    for (const f of frames.filter((x) => x.kind === 'sim')) expect(f.data.seq).toBeUndefined();
    // frames carry opaque cursors, not the drill's sequence numbers
    for (const f of frames.filter((x) => x.type === 'event')) {
      expect(f.seq).toBeUndefined();
      expect(f.cursor).toMatch(/^c[A-Za-z0-9_-]{22}$/);
    }
    // no other participant's identity or notes
    expect(frames.some((f) => f.kind === 'participant' || f.kind === 'note')).toBe(false);
  });

  it('the team, store and report events it gets are its own position’s', () => {
    const frames = captured.map((s) => JSON.parse(s));
    for (const f of frames.filter((x) => x.kind === 'sim' && String(x.data.type).startsWith('team.'))) expect(f.data.team).toBe('team-tb');
    for (const f of frames.filter((x) => x.kind === 'action')) expect(f.data.position).toBe('twp-tb');
  });

  it('reports of cuts arrive only after the report delay', () => {
    const frames = captured.map((s) => JSON.parse(s));
    for (const f of frames.filter((x) => x.kind === 'intel')) expect(f.t).toBeGreaterThanOrEqual(f.data.sinceMin + 20);
  });

  it('after the debrief anyone can verify the commitment and the chain', async () => {
    const v = (await a.app.inject({ url: '/api/drill/verify', headers: bearer(traineeToken) })).json();
    expect(v.chain.ok).toBe(true);
    expect(v.verification).toEqual({ ok: true, commitmentMatches: true, scenarioMatches: true, configMatches: true, scheduleRedrawn: true });
    const sealed = (await a.app.inject({ url: '/api/drill/sealed', headers: bearer(traineeToken) })).json();
    expect(sealed.reveal.drillSeed).toBe(DRILL_SEED);
    expect(canonicalJson(sealed.reveal)).toBe(canonicalJson(reveal));
  });

  it('writes the after-action report: scores per objective, notes, improvements, printable HTML', async () => {
    const r = (await a.app.inject({ url: '/api/drill/report.json', headers: bearer(created.token) })).json();
    expect(r.kind).toBe('yanlian.afterAction');
    expect(r.integrity.chain.ok).toBe(true);
    expect(r.evaluation.objectives.map((o: { id: string }) => o.id)).toEqual(['warn-report', 'command', 'operations', 'resources', 'protection']);
    expect(r.evaluation.notes).toHaveLength(2);
    expect(r.evaluation.improvements.some((i: { source: string }) => i.source === 'note')).toBe(true);
    const ack = r.evaluation.metrics.find((m: { id: string }) => m.id === 'expected:warn-report');
    // acknowledged some 2 simulated hours after the call: late against its 15-minute limit
    expect(ack.cases[0]).toMatchObject({ limitMin: 15, met: false });
    expect(ack.cases[0].tookMin).toBeGreaterThan(100);
    const html = await a.app.inject({ url: '/api/drill/report.html?whatif=5', headers: bearer(created.token) });
    expect(html.statusCode).toBe(200);
    for (const s of ['演练复盘报告', '评估结论', '改进事项', '情景复算', '@page']) expect(html.body).toContain(s);
    const wi = (await a.app.inject({ method: 'POST', url: '/api/drill/whatif', payload: { seeds: 8, stockFactor: 2 }, headers: bearer(created.token) })).json();
    expect(wi.runs).toHaveLength(8);
    expect(wi.drillPercentile).toBeGreaterThanOrEqual(0);
    expect((await a.app.inject({ method: 'POST', url: '/api/drill/whatif', payload: { seeds: 8 }, headers: bearer(traineeToken) })).statusCode).toBe(403);
  });
});
