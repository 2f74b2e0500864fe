import { afterEach, describe, expect, it } from 'vitest';
import { admin, bearer, FakeClock, makeApp } from './helpers.ts';
import { TestClient } from './wsClient.ts';

type App = ReturnType<typeof makeApp>;
const apps: App[] = [];
const clients: TestClient[] = [];
afterEach(async () => {
  clients.splice(0).forEach((c) => c.close());
  for (const a of apps.splice(0)) {
    await a.app.close();
    a.db.close();
  }
});

async function drill(extra = {}) {
  const a = makeApp(':memory:', new FakeClock(), extra);
  apps.push(a);
  const created = (await a.app.inject({ method: 'POST', url: '/api/drills', headers: admin, payload: { title: 'WS', password: 'pw-123456', scenario: 'tiny', seed: 1, speed: 60 } })).json();
  const trainee = (await a.app.inject({ method: 'POST', url: '/api/join', payload: { code: created.positionCodes['county-eb'], role: 'trainee', name: '县局' } })).json();
  const open = async () => {
    const c = await TestClient.open(a.app);
    clients.push(c);
    return c;
  };
  const step = (minutes: number) => {
    for (let i = 0; i < minutes; i++) {
      a.clock.advance(1000); // 1 s wall = 1 simulated minute at 60×
      a.service.tickAll();
    }
  };
  return { ...a, created, trainee, open, step };
}

describe('WebSocket', () => {
  it('hello, live events, an accepted and a refused action, then resume from the last cursor', async () => {
    const d = await drill();
    const dir = await d.open();
    dir.send({ type: 'hello', token: d.created.token });
    await dir.waitFor((f) => f.type === 'caughtUp');
    expect((await dir.request({ type: 'control', op: 'brief' })).ok).toBe(true);
    expect((await dir.request({ type: 'control', op: 'start' })).ok).toBe(true);

    const t = await d.open();
    t.send({ type: 'hello', token: d.trainee.token });
    await t.waitFor((f) => f.type === 'welcome');
    d.step(700);
    await t.waitFor((f) => f.kind === 'intel' && (f.data as { what: string }).what === 'roadCut');
    const ok = await t.request({ type: 'action', decision: { kind: 'setResponseLevel', level: 'III' } });
    expect(ok).toMatchObject({ ok: true });
    const bad = await t.request({ type: 'action', decision: { kind: 'dispatchTeam', team: 'team-county', task: { kind: 'rescue', site: 'gh2' } } });
    expect(bad).toMatchObject({ ok: false, error: { code: expect.any(String), zh: expect.any(String), en: expect.any(String) } });
    await t.waitFor((f) => f.kind === 'sim' && (f.data as { type: string }).type === 'response.changed' && (f.data as { to: string }).to === 'III');

    // drop the connection, let the drill move on, come back with the last cursor
    const seen = t.events();
    const last = seen.at(-1)!.cursor as string;
    t.close();
    d.step(60);
    const t2 = await d.open();
    t2.send({ type: 'hello', token: d.trainee.token, since: last });
    await t2.waitFor((f) => f.type === 'caughtUp');
    const all = (await d.app.inject({ url: '/api/drill/events?limit=5000', headers: bearer(d.trainee.token) })).json().events as { cursor: string }[];
    const resumed = t2.events().map((f) => f.cursor);
    expect([...seen.map((f) => f.cursor), ...resumed]).toEqual(all.map((f) => f.cursor));
  });

  it('answers hostile messages with errors and keeps serving', async () => {
    const d = await drill({ messageRate: 50, messageBurst: 50 });
    const c = await d.open();
    c.send('not json');
    await c.waitFor((f) => f.type === 'error' && (f.error as { code: string }).code === 'badJson');
    c.send({ type: 'action', id: 'x', decision: {} });
    await c.waitFor((f) => f.type === 'error' && (f.error as { code: string }).code === 'needHello');
    c.send({ type: 'launchMissiles' });
    await c.waitFor((f) => f.type === 'error' && (f.error as { code: string }).code === 'unknownType');
    c.send([1, 2, 3]);
    c.send({ type: 'hello', token: 12 });
    await c.waitFor((f) => f.type === 'error' && (f.error as { code: string }).code === 'badRequest');
    c.send({ type: 'hello', token: d.trainee.token });
    await c.waitFor((f) => f.type === 'welcome');
    c.send({ type: 'control', id: 'c1', op: 'start' });
    expect(await c.waitFor((f) => f.re === 'c1')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    c.send({ type: 'release', id: 'c2', inject: 'inj-media' });
    expect(await c.waitFor((f) => f.re === 'c2')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    c.send({ type: 'action', id: 'c3', decision: { kind: 'evacuate', site: { $gt: '' } } });
    expect(await c.waitFor((f) => f.re === 'c3')).toMatchObject({ ok: false });

    // a flood: the excess is dropped with an error, then the socket is closed
    for (let i = 0; i < 400; i++) c.send({ type: 'ping' });
    await c.waitFor((f) => f.type === 'error' && (f.error as { code: string }).code === 'floodLimited');
    expect((await c.waitClosed()).code).toBe(1008);

    // a huge frame closes that socket only (1009), the server goes on
    const big = await d.open();
    big.send({ type: 'hello', token: d.trainee.token, pad: 'x'.repeat(200_000) });
    expect((await big.waitClosed()).code).toBe(1009);
    const fine = await d.open();
    fine.send({ type: 'hello', token: d.created.token });
    await fine.waitFor((f) => f.type === 'welcome');
    expect((await d.app.inject('/api/health')).json().ok).toBe(true);
  });

  it('closes sockets with bad or revoked tokens, and rate-limits token guessing without locking out valid tokens', async () => {
    const d = await drill();
    const c = await d.open();
    c.send({ type: 'hello', token: 'yl_guess' });
    expect((await c.waitClosed()).code).toBe(4001);
    const t = await d.open();
    t.send({ type: 'hello', token: d.trainee.token });
    await t.waitFor((f) => f.type === 'welcome');
    await d.app.inject({ method: 'DELETE', url: `/api/drill/participants/${d.trainee.participantId}`, headers: bearer(d.created.token) });
    expect((await t.waitClosed()).code).toBe(4001);
    // the revoked token is refused when replayed
    const again = await d.open();
    again.send({ type: 'hello', token: d.trainee.token });
    expect((await again.waitClosed()).code).toBe(4001);
    for (let i = 0; i < 3; i++) {
      const g = await d.open();
      g.send({ type: 'hello', token: `yl_guess${i}` });
      await g.waitClosed();
    }
    // five failures from this address: further guesses are refused unchecked (4029), but a valid
    // token from the same address (a classroom behind one NAT) is still welcome
    const limited = await d.open();
    limited.send({ type: 'hello', token: 'yl_guess-again' });
    expect((await limited.waitClosed()).code).toBe(4029);
    const valid = await d.open();
    valid.send({ type: 'hello', token: d.created.token });
    await valid.waitFor((f) => f.type === 'welcome');
  });
});
