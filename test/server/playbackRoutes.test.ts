/**
 * Debrief playback of a drill from the server's database (src/server/playbackRoutes.ts): the list
 * shows titles and phases only; a drill opens with its password (wrong ones refused and rate
 * limited) or a staff token, never a trainee's; it returns the engine events and, per position,
 * exactly the frames that position was sent (compared with what its own token reads from
 * /api/drill/events); and nothing is written to the drill's log.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { reportRoutes } from '../../src/server/reportRoutes.ts';
import { playbackRoutes } from '../../src/server/playbackRoutes.ts';
import { admin, bearer, FakeClock, makeApp } from './helpers.ts';

type App = ReturnType<typeof makeApp>;
const apps: App[] = [];
afterEach(async () => {
  for (const a of apps.splice(0)) {
    await a.app.close();
    a.db.close();
  }
});

type Created = { drillId: string; code: string; codeDisplay: string; token: string; positionCodes: Record<string, string> };
type Frame = { t: number; kind: string; data: Record<string, unknown> };
type Playback = { drill: { id: string; title: string }; scenario: Record<string, unknown>; events: { type: string; t: number }[]; marks: unknown[]; positions: { id: string; records: Frame[] }[] };

async function ranDrill() {
  const clock = new FakeClock();
  const a = makeApp(':memory:', clock, { plugins: [reportRoutes, playbackRoutes(clock.now)] });
  apps.push(a);
  const res = await a.app.inject({ method: 'POST', url: '/api/drills', headers: admin, payload: { title: '回放演练', password: 'pw-123456', scenario: 'lezhi-rainstorm', seed: 1, speed: 3600 } });
  expect(res.statusCode, res.body).toBe(200);
  const c = res.json() as Created;
  const post = (url: string, payload: unknown, token?: string) => a.app.inject({ method: 'POST', url, payload: payload as object, headers: token ? bearer(token) : {} });
  for (const op of ['brief', 'start']) expect((await post('/api/drill/control', { op }, c.token)).statusCode).toBe(200);
  for (let i = 0; i < 40; i++) {
    clock.advance(60_000); // an hour of simulated time a minute at 3600×
    a.service.tickAll();
  }
  return { a, c, post, clock };
}

describe('playback routes', () => {
  it('lists drills without codes, opens one with its password or a staff token, and gives each position exactly its frames', async () => {
    const { a, c, post } = await ranDrill();
    const list = (await a.app.inject({ url: '/api/playback/drills' })).json() as { drills: Record<string, unknown>[] };
    expect(list.drills.map((d) => d.title)).toEqual(['回放演练']);
    expect(JSON.stringify(list)).not.toContain(c.code);

    const before = a.service.store.records(c.drillId).length;
    expect((await post(`/api/playback/drills/${c.drillId}`, { password: 'wrong-password' })).statusCode).toBe(401);
    const res = await post(`/api/playback/drills/${c.drillId}`, { password: 'pw-123456' });
    expect(res.statusCode, res.body).toBe(200);
    const pb = res.json() as Playback;
    const staffSim = a.service.store.records(c.drillId).filter((r) => r.kind === 'sim');
    expect(pb.events.length).toBe(staffSim.length);
    expect(pb.events.length).toBeGreaterThan(50);
    expect(pb.events.map((e) => e.type)).toEqual(staffSim.map((r) => r.data.type));
    // geography only: no hazard model or seed in what the page gets
    expect(Object.keys(pb.scenario).sort()).toEqual(['hazardSites', 'id', 'name', 'region', 'reserves', 'roads', 'shelters', 'teams']);

    // each position's records are what its own trainee token reads, kinds sim / intel / inject
    expect(pb.positions.length).toBeGreaterThan(1);
    for (const p of pb.positions) {
      const j = (await post('/api/join', { code: c.positionCodes[p.id], role: 'trainee', name: p.id })).json() as { token: string };
      const got = ((await a.app.inject({ url: '/api/drill/events?limit=5000', headers: bearer(j.token) })).json() as { events: Frame[] }).events;
      const mine = got.filter((f) => ['sim', 'intel', 'inject'].includes(f.kind)).map((f) => ({ t: f.t, kind: f.kind, data: f.data }));
      expect(p.records).toEqual(mine);
    }
    // the fog let some positions see less than the ground truth
    expect(Math.min(...pb.positions.map((p) => p.records.filter((r) => r.kind === 'sim').length))).toBeLessThan(pb.events.length);

    // staff token: the same; a trainee's: refused; nothing was written by reading
    const trainee = (await post('/api/join', { code: c.positionCodes[pb.positions[0]!.id], role: 'trainee', name: 'x' })).json() as { token: string };
    const afterJoins = a.service.store.records(c.drillId).length;
    const staff = await a.app.inject({ url: '/api/playback/drill', headers: bearer(c.token) });
    expect(staff.statusCode).toBe(200);
    expect((staff.json() as Playback).events.length).toBe(pb.events.length);
    expect((await a.app.inject({ url: '/api/playback/drill', headers: bearer(trainee.token) })).statusCode).toBe(403);
    expect(a.service.store.records(c.drillId).length).toBe(afterJoins);
    expect(afterJoins - before).toBe(pb.positions.length + 1); // only the joins of this test logged anything
  });

  it('rate-limits wrong passwords per address and drill', async () => {
    const { c, post } = await ranDrill();
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) codes.push((await post(`/api/playback/drills/${c.drillId}`, { password: `wrong-${i}` })).statusCode);
    expect(codes).toEqual([401, 401, 401, 401, 401, 429]);
    expect((await post(`/api/playback/drills/${c.drillId}`, { password: 'pw-123456' })).statusCode).toBe(429);
    expect((await post('/api/playback/drills/no-such-drill', { password: 'pw-123456' })).statusCode).toBe(404);
  });
});
