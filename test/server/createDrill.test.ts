/**
 * Creating a drill is a trainer's act (issue 18, item 3): it needs the server admin token, is
 * rate-limited, refuses oversized uploads and too many drills not yet started with clear zh/en
 * errors, loads the scenario once and off the event loop, and keeps no scenario text in memory.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { loadScenario } from '../../engine/index.ts';
import type { ParseScenario } from '../../src/server/scenarioParser.ts';
import { ScenarioParser } from '../../src/server/scenarioParser.ts';
import { admin, bearer, FakeClock, FIXTURES, makeApp } from './helpers.ts';
import { TestClient } from './wsClient.ts';

type App = ReturnType<typeof makeApp>;
const apps: App[] = [];
const clients: TestClient[] = [];
const parsers: ScenarioParser[] = [];
afterEach(async () => {
  clients.splice(0).forEach((c) => c.close());
  for (const a of apps.splice(0)) {
    await a.app.close();
    a.db.close();
  }
  for (const p of parsers.splice(0)) await p.close();
});

const TINY = readFileSync(`${FIXTURES}tiny.yaml`, 'utf8');
const body = (extra: Record<string, unknown> = {}) => ({ title: '创建', password: 'pw-123456', scenario: 'tiny', seed: 1, ...extra });

function app(...args: Parameters<typeof makeApp>) {
  const a = makeApp(...args);
  apps.push(a);
  return a;
}

/** tiny.yaml padded with `n` extra sources (each about 110 bytes): a valid scenario that takes seconds to load. */
function bigScenario(n: number): string {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) lines.push(`  pad${i}:\n    title: 填充来源 ${i}，用于测试大文件上传 padding source to make an uploaded scenario big`);
  return TINY.replace(/^sources:\n/m, `sources:\n${lines.join('\n')}\n`);
}

describe('creating a drill', () => {
  it('needs the server admin token; wrong tokens are refused in zh/en and blocked per address after five', async () => {
    const a = app();
    const none = await a.app.inject({ method: 'POST', url: '/api/drills', payload: body() });
    expect(none.statusCode).toBe(401);
    expect(none.json().error).toMatchObject({ code: 'needAdminToken', zh: expect.stringMatching(/管理口令/), en: expect.stringMatching(/admin token/) });
    const wrong = await a.app.inject({ method: 'POST', url: '/api/drills', headers: bearer('not-the-admin-token'), payload: body() });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('badAdminToken');
    // a participant's own token is not an admin token either
    const ok = await a.app.inject({ method: 'POST', url: '/api/drills', headers: admin, payload: body() });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await a.app.inject({ method: 'POST', url: '/api/drills', headers: bearer(ok.json().token), payload: body() })).statusCode).toBe(401);
    // a success clears the address's record; five failures after it block it
    for (let i = 0; i < 4; i++) await a.app.inject({ method: 'POST', url: '/api/drills', headers: bearer(`guess-${i}`), payload: body() });
    // five failures from this address: even the right token waits (a guessable secret is not checked while blocked)
    const blocked = await a.app.inject({ method: 'POST', url: '/api/drills', headers: admin, payload: body() });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.zh).toMatch(/秒后再试/);
    // another address is not affected
    expect((await a.app.inject({ method: 'POST', url: '/api/drills', headers: admin, payload: body(), remoteAddress: '10.1.2.3' })).statusCode).toBe(200);
    a.clock.advance(61_000);
    expect((await a.app.inject({ method: 'POST', url: '/api/drills', headers: admin, payload: body() })).statusCode).toBe(200);
  });

  it('is refused when the server has no admin token', async () => {
    const a = app(':memory:', new FakeClock(), { adminToken: null });
    expect((await a.app.inject({ method: 'POST', url: '/api/drills', headers: admin, payload: body() })).statusCode).toBe(401);
  });

  it('is rate-limited over the whole server: a burst of 10, then one per 6 s', async () => {
    const a = app();
    for (let i = 0; i < 10; i++) expect((await a.app.inject({ method: 'POST', url: '/api/drills', headers: admin, payload: body() })).statusCode).toBe(200);
    const r = await a.app.inject({ method: 'POST', url: '/api/drills', headers: admin, payload: body(), remoteAddress: '10.9.9.9' });
    expect(r.statusCode).toBe(429);
    expect(r.json().error).toMatchObject({ code: 'createRateLimited', zh: expect.stringMatching(/创建演练过于频繁/) });
    expect(r.headers['retry-after']).toBe('6');
    a.clock.advance(6_100);
    expect((await a.app.inject({ method: 'POST', url: '/api/drills', headers: admin, payload: body() })).statusCode).toBe(200);
  });

  it('caps the drills not yet started (429, zh/en); starting or ending one makes room', async () => {
    const a = app(':memory:', new FakeClock(), {}, { maxDrafts: 2 });
    const first = (await a.app.inject({ method: 'POST', url: '/api/drills', headers: admin, payload: body() })).json();
    expect((await a.app.inject({ method: 'POST', url: '/api/drills', headers: admin, payload: body() })).statusCode).toBe(200);
    const full = await a.app.inject({ method: 'POST', url: '/api/drills', headers: admin, payload: body() });
    expect(full.statusCode).toBe(429);
    expect(full.json().error).toMatchObject({ code: 'tooManyDrafts', zh: expect.stringContaining('（2 个）'), en: expect.stringContaining('limit 2') });
    const ctl = (op: string) => a.app.inject({ method: 'POST', url: '/api/drill/control', headers: bearer(first.token), payload: { op } });
    expect((await ctl('brief')).statusCode).toBe(200);
    expect((await a.app.inject({ method: 'POST', url: '/api/drills', headers: admin, payload: body() })).statusCode).toBe(429); // briefing is not started yet
    expect((await ctl('end')).statusCode).toBe(200);
    expect((await a.app.inject({ method: 'POST', url: '/api/drills', headers: admin, payload: body() })).statusCode).toBe(200);
  });

  it('refuses an uploaded scenario over the size cap with 413 and both sizes, in zh/en', async () => {
    const a = app(':memory:', new FakeClock(), {}, { maxScenarioBytes: 64 * 1024 });
    const r = await a.app.inject({ method: 'POST', url: '/api/drills', headers: admin, payload: body({ scenario: undefined, scenarioText: 'x'.repeat(100 * 1024) }) });
    expect(r.statusCode).toBe(413);
    expect(r.json().error).toMatchObject({ code: 'scenarioTooLarge', zh: '场景文件过大（100 KiB，上限 64 KiB）', en: 'the scenario file is too large (100 KiB; limit 64 KiB)' });
    // over the HTTP body limit the same error, from the request's length
    const huge = await a.app.inject({ method: 'POST', url: '/api/drills', headers: admin, payload: body({ scenarioText: 'x'.repeat(3_000_000) }) });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe('scenarioTooLarge');
    // under the cap it loads
    expect((await a.app.inject({ method: 'POST', url: '/api/drills', headers: admin, payload: body({ scenario: undefined, scenarioText: TINY }) })).statusCode).toBe(200);
  });

  it('loads the scenario once, keeps that load, and holds no scenario text in memory', async () => {
    const loaded: unknown[] = [];
    const counting: ParseScenario = async (text, file) => {
      const r = loadScenario(text, file);
      if (r.ok) loaded.push(r.scenario);
      return r;
    };
    const a = app(':memory:', new FakeClock(), {}, { parseScenario: counting });
    const r = await a.app.inject({ method: 'POST', url: '/api/drills', headers: admin, payload: body({ scenario: undefined, scenarioText: TINY }) });
    expect(r.statusCode, r.body).toBe(200);
    expect(loaded).toHaveLength(1);
    const ld = a.service.drill(r.json().drillId)!;
    expect(ld.scenario).toBe(loaded[0]);
    // the text is read from the store on use (reports), not kept per drill
    expect(Object.getOwnPropertyDescriptor(ld.row, 'scenarioText')?.get).toBeTypeOf('function');
    expect(ld.row.scenarioText).toBe(TINY);
  });

  it('a scenario the loader cannot survive fails that creation only, with a zh/en error', async () => {
    const boom: ParseScenario = async () => {
      throw new Error('Maximum call stack size exceeded');
    };
    const a = app(':memory:', new FakeClock(), {}, { parseScenario: boom });
    const r = await a.app.inject({ method: 'POST', url: '/api/drills', headers: admin, payload: body() });
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toMatchObject({ code: 'scenarioUnloadable', zh: expect.stringMatching(/场景无法载入/) });
    expect((await a.app.inject('/api/health')).json().ok).toBe(true);
  });

  it('loads a big upload on a worker thread: another drill’s pings are answered all the while', async () => {
    const parser = new ScenarioParser();
    parsers.push(parser);
    // a real clock: the pings below draw on the participant's rate like any message
    const clock = new FakeClock();
    clock.now = () => Date.now();
    const a = app(':memory:', clock, {}, { parseScenario: parser.parse, maxScenarioBytes: 2 * 1024 * 1024 });
    // the other drill, created through the same worker (which also warms it up)
    const other = await a.app.inject({ method: 'POST', url: '/api/drills', headers: admin, payload: body() });
    expect(other.statusCode, other.body).toBe(200);
    const c = await TestClient.open(a.app);
    clients.push(c);
    c.send({ type: 'hello', token: other.json().token });
    await c.waitFor((f) => f.type === 'caughtUp');

    const text = bigScenario(4500);
    expect(text.length).toBeGreaterThan(400_000);
    const t0 = performance.now();
    let tDone = 0;
    const creating = a.app.inject({ method: 'POST', url: '/api/drills', headers: admin, payload: body({ scenario: undefined, scenarioText: text }) }).then((r) => {
      tDone = performance.now();
      return r;
    });
    // this test shares the event loop with the server (inject), so a blocked loop shows as a
    // long gap between answers (nothing, the test's own pings included, runs meanwhile)
    const answered: number[] = [t0];
    for (let n = 0; !tDone; n++) {
      const id = `ping-${n}`;
      c.send({ type: 'ping', id });
      await c.waitFor((f) => f.re === id, 120_000);
      answered.push(performance.now());
      await new Promise((r) => setTimeout(r, 100));
    }
    const created = await creating;
    expect(created.statusCode, created.body).toBe(200);
    const createMs = tDone - t0;
    const gaps = answered.slice(1).map((t, i) => t - answered[i]!);
    // the load took long enough to matter, and pings kept being answered while it ran: no gap
    // between answers was more than a small part of it (on the event loop, one gap would be all of it)
    expect(createMs).toBeGreaterThan(500);
    expect(gaps.length).toBeGreaterThanOrEqual(4);
    expect(Math.max(...gaps)).toBeLessThan(createMs / 4);
    expect(a.service.drill(created.json().drillId)!.scenario.sources).toHaveProperty('pad4499');
  }, 180_000);
});
