/**
 * One limiter for HTTP and WebSocket (issue 18, item 7): actions are rated per participant
 * whatever the transport; wrong tokens are throttled per address over HTTP too, but a valid
 * token is still accepted from that address (a classroom behind one NAT); wrong passwords
 * are counted per address and drill, so they do not lock out joins by code.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ServerLimits } from '../../src/server/rateLimit.ts';
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

async function drill() {
  const a = makeApp(':memory:', new FakeClock());
  apps.push(a);
  const created = (await a.app.inject({ method: 'POST', url: '/api/drills', headers: admin, payload: { title: '限流', password: 'pw-123456', scenario: 'tiny', seed: 1, speed: 60 } })).json();
  const observer = (await a.app.inject({ method: 'POST', url: '/api/join', payload: { code: created.code, role: 'observer', name: '观察员' } })).json();
  const open = async () => {
    const c = await TestClient.open(a.app);
    clients.push(c);
    return c;
  };
  return { ...a, created, observer, open };
}

describe('one limiter for HTTP and WebSocket', () => {
  it('throttles wrong bearer tokens over HTTP per address, and still accepts a valid token from it', async () => {
    const d = await drill();
    for (let i = 0; i < 5; i++) expect((await d.app.inject({ url: '/api/drill', headers: bearer(`yl_wrong${i}`) })).statusCode).toBe(401);
    const blocked = await d.app.inject({ url: '/api/drill', headers: bearer('yl_wrong-again') });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers['retry-after']).toBe('60');
    expect(blocked.json().error).toMatchObject({ code: 'rateLimited', zh: expect.stringMatching(/秒后再试/) });
    // the same address, a valid token: a pupil behind the classroom's NAT is not locked out
    expect((await d.app.inject({ url: '/api/drill', headers: bearer(d.observer.token) })).statusCode).toBe(200);
    // and the throttle is per address
    expect((await d.app.inject({ url: '/api/drill', headers: bearer('yl_wrong'), remoteAddress: '10.0.0.9' })).statusCode).toBe(401);
  });

  it('rates a participant’s HTTP requests like its WebSocket messages (60 at once, then 20/s), one budget for both', async () => {
    const d = await drill();
    const get = () => d.app.inject({ url: '/api/drill/events', headers: bearer(d.observer.token) });
    const codes: number[] = [];
    for (let i = 0; i < 80; i++) codes.push((await get()).statusCode);
    expect(codes.filter((c) => c === 200)).toHaveLength(60);
    const over = await get();
    expect(over.statusCode).toBe(429);
    expect(over.json().error).toMatchObject({ code: 'tooManyRequests', zh: expect.stringMatching(/请求过于频繁/), en: expect.stringMatching(/too many requests/) });
    // the same participant's socket draws on the same, empty budget
    const ws = await d.open();
    ws.send({ type: 'hello', token: d.observer.token });
    await ws.waitFor((f) => f.type === 'caughtUp');
    ws.send({ type: 'ping', id: 'p1' });
    await ws.waitFor((f) => f.type === 'error' && (f.error as { code: string }).code === 'floodLimited');
    // another participant is not affected; after a second the budget has refilled by 20
    expect((await d.app.inject({ url: '/api/drill', headers: bearer(d.created.token) })).statusCode).toBe(200);
    d.clock.advance(1000);
    for (let i = 0; i < 20; i++) expect((await get()).statusCode).toBe(200);
    expect((await get()).statusCode).toBe(429);
  });

  it('a classroom behind one NAT: five bad hellos do not lock out valid tokens from that address', async () => {
    const d = await drill();
    for (let i = 0; i < 5; i++) {
      const g = await d.open();
      g.send({ type: 'hello', token: `yl_stale${i}` });
      expect((await g.waitClosed()).code).toBe(4001);
    }
    const ok = await d.open();
    ok.send({ type: 'hello', token: d.observer.token });
    await ok.waitFor((f) => f.type === 'welcome');
    const more = await d.open();
    more.send({ type: 'hello', token: 'yl_stale-again' });
    expect((await more.waitClosed()).code).toBe(4029);
  });

  it('counts wrong passwords per address and drill: joins by code from that address go on', async () => {
    const d = await drill();
    const join = (payload: Record<string, unknown>) => d.app.inject({ method: 'POST', url: '/api/join', payload: { code: d.created.code, name: 'x', ...payload } });
    for (let i = 0; i < 5; i++) expect((await join({ role: 'evaluator', password: `wrong-${i}` })).statusCode).toBe(401);
    // the right password waits too now (passwords are guessable), in zh/en
    const blocked = await join({ role: 'evaluator', password: 'pw-123456' });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.en).toMatch(/try again in 60 s/);
    // an observer from the same address joins by the code
    expect((await join({ role: 'observer' })).statusCode).toBe(200);
    d.clock.advance(61_000);
    expect((await join({ role: 'evaluator', password: 'pw-123456' })).statusCode).toBe(200);
  });
});

describe('ServerLimits (pure policy, injected clock)', () => {
  it('blocks a key after its failures, doubling the block; other keys and kinds are independent', () => {
    const clock = new FakeClock();
    const l = new ServerLimits(clock.now);
    for (let i = 0; i < 5; i++) l.failed('token', '1.2.3.4');
    expect(l.blocked('token', '1.2.3.4')).toBe(60_000);
    expect(l.blocked('token', '5.6.7.8')).toBe(0);
    expect(l.blocked('password', '1.2.3.4')).toBe(0);
    clock.advance(60_000);
    for (let i = 0; i < 5; i++) l.failed('token', '1.2.3.4');
    expect(l.blocked('token', '1.2.3.4')).toBe(120_000);
    // codes allow 20 a minute by default
    for (let i = 0; i < 19; i++) l.failed('code', 'ip');
    expect(l.blocked('code', 'ip')).toBe(0);
    l.failed('code', 'ip');
    expect(l.blocked('code', 'ip')).toBe(60_000);
  });

  it('rates actions per participant and creations over the server', () => {
    const clock = new FakeClock();
    const l = new ServerLimits(clock.now, { actionRate: 2, actionBurst: 3, createBurst: 1, createPerMin: 6 });
    expect([l.action('p1'), l.action('p1'), l.action('p1')]).toEqual([0, 0, 0]);
    expect(l.action('p1')).toBeGreaterThan(0);
    expect(l.action('p2')).toBe(0);
    clock.advance(500);
    expect(l.action('p1')).toBe(0);
    expect(l.create()).toBe(true);
    expect(l.create()).toBe(false);
    clock.advance(10_000);
    expect(l.create()).toBe(true);
  });
});
