/**
 * Issue 18, items 4 and 6: who may join as which position, what observers see, and what a
 * trainee can count. Each test here failed before the fix: the drill code alone let anyone
 * join as any position and showed observers every position's injects; trainee frames carried
 * `intel:<engine seq>` keys and `cause` seqs, answers carried drill seqs, and verify told a
 * trainee how many records the log holds.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { admin, bearer, FakeClock, makeApp, makeService, tempDir } from './helpers.ts';
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

type Created = { drillId: string; code: string; codeDisplay: string; token: string; positionCodes: Record<string, string> };

async function drill() {
  const a = makeApp(':memory:', new FakeClock());
  apps.push(a);
  const res = await a.app.inject({ method: 'POST', url: '/api/drills', headers: admin, payload: { title: '岗位演练', password: 'pw-123456', scenario: 'tiny', seed: 1, speed: 60 } });
  expect(res.statusCode, res.body).toBe(200);
  const created = res.json() as Created;
  const post = (url: string, payload: unknown, token?: string) => a.app.inject({ method: 'POST', url, payload: payload as object, headers: token ? bearer(token) : {} });
  const get = (url: string, token: string) => a.app.inject({ url, headers: bearer(token) });
  const joinAt = async (position: string, name = position) => (await post('/api/join', { code: created.positionCodes[position], role: 'trainee', name })).json() as { token: string; participantId: string; position: string };
  const observe = async () => (await post('/api/join', { code: created.codeDisplay, role: 'observer', name: '观摩' })).json() as { token: string; participantId: string };
  const open = async (token: string) => {
    const c = await TestClient.open(a.app);
    clients.push(c);
    c.send({ type: 'hello', token });
    await c.waitFor((f) => f.type === 'caughtUp');
    return c;
  };
  const step = (minutes: number) => {
    for (let i = 0; i < minutes; i++) {
      a.clock.advance(1000); // 1 s wall = 1 simulated minute at 60×
      a.service.tickAll();
    }
  };
  /** the staff record behind a player's opaque cursor */
  const recordOf = (cursor: string) => {
    const ld = a.service.drill(created.drillId)!;
    const seq = ld.cursors.decode(cursor)!;
    return a.service.store.records(created.drillId, seq - 1, 1)[0]!;
  };
  return { ...a, created, post, get, joinAt, observe, open, step, recordOf };
}

/** Every place in a JSON value where a drill or engine sequence number could hide. */
function seqLeaks(value: unknown, path = '$'): string[] {
  const out: string[] = [];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...seqLeaks(v, `${path}[${i}]`)));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      if (['seq', 'seqs', 'cause', 'headSeq', 'count', 'badSeq'].includes(k)) out.push(`${path}.${k}`);
      out.push(...seqLeaks(v, `${path}.${k}`));
    }
  else if (typeof value === 'string' && /^(intel|inject):|adhoc-\d/.test(value)) out.push(`${path} = ${value}`);
  return out;
}

describe('joining: each position by its own code', () => {
  it('a drill gets a join code per position; the drill code alone cannot join as any trainee position', async () => {
    const d = await drill();
    const positions = (await d.get('/api/drill', d.created.token)).json().map.positions.map((p: { id: string }) => p.id) as string[];
    expect(Object.keys(d.created.positionCodes).sort()).toEqual([...positions].sort());
    for (const code of Object.values(d.created.positionCodes)) expect(code).toMatch(/^[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/);
    expect(new Set(Object.values(d.created.positionCodes)).size).toBe(positions.length);

    for (const position of ['county-eb', 'twp-tb', undefined]) {
      const r = await d.post('/api/join', { code: d.created.codeDisplay, role: 'trainee', name: '冒名', ...(position ? { position } : {}) });
      expect(r.statusCode).toBe(403);
      expect(r.json().error).toMatchObject({ code: 'positionCodeNeeded', zh: expect.stringMatching(/岗位码/) });
    }
    // nobody joined: only the director is in the drill
    const people = (await d.get('/api/drill/participants', d.created.token)).json().participants as { role: string }[];
    expect(people.map((p) => p.role)).toEqual(['director']);
    // a position code is no key to another role
    expect((await d.post('/api/join', { code: d.created.positionCodes['county-eb'], role: 'observer' })).json().error.code).toBe('positionCodeRole');
  });

  it('a position’s link joins exactly that position, and nothing else', async () => {
    const d = await drill();
    const code = d.created.positionCodes['twp-tb']!;
    // what the join link shows before joining: the drill and the one position
    expect((await d.post('/api/positions', { code: code.toLowerCase().replace('-', ' ') })).json()).toMatchObject({ title: '岗位演练', position: { id: 'twp-tb' } });
    // claiming another position with it is refused
    expect((await d.post('/api/join', { code, role: 'trainee', position: 'county-eb' })).json().error.code).toBe('badPosition');
    const j = (await d.post('/api/join', { code, role: 'trainee', name: '乙镇值班员' })).json();
    expect(j).toMatchObject({ role: 'trainee', position: 'twp-tb' });
    const info = (await d.get('/api/drill', j.token)).json();
    expect(info.you).toMatchObject({ role: 'trainee', position: 'twp-tb' });
    expect(info.map.you.position).toBe('twp-tb');
    expect(info.map.teams.map((t: { id: string }) => t.id)).toEqual(['team-tb']);
    // a second person at the same position may use the same link
    expect((await d.post('/api/join', { code, role: 'trainee', name: '乙镇副职' })).json().position).toBe('twp-tb');
  });

  it('the director re-issues a position’s code: the old one stops working; others cannot', async () => {
    const d = await drill();
    const old = d.created.positionCodes['twp-ta']!;
    const t = await d.joinAt('county-eb');
    expect((await d.post('/api/drill/position-codes', { positions: ['twp-ta'] }, t.token)).statusCode).toBe(403);
    const r = (await d.post('/api/drill/position-codes', { positions: ['twp-ta'] }, d.created.token)).json();
    expect(Object.keys(r.positionCodes)).toEqual(['twp-ta']);
    expect(r.positionCodes['twp-ta']).not.toBe(old);
    expect((await d.post('/api/join', { code: old, role: 'trainee' })).statusCode).toBe(404);
    expect((await d.post('/api/join', { code: r.positionCodes['twp-ta'], role: 'trainee' })).json().position).toBe('twp-ta');
    // the other positions' codes still work
    expect((await d.post('/api/join', { code: d.created.positionCodes['twp-tb'], role: 'trainee' })).json().position).toBe('twp-tb');
    expect((await d.post('/api/drill/position-codes', { positions: ['nowhere'] }, d.created.token)).json().error.code).toBe('badPosition');
  });

  it('position codes persist across a restart, stored only as hashes', async () => {
    const tmp = tempDir();
    try {
      const file = `${tmp.dir}/drills.sqlite`;
      const first = makeService(file);
      const out = await first.service.createDrill({ title: '重启', password: 'pw-123456', scenario: 'tiny', seed: 1 });
      if (!out.ok) throw new Error(JSON.stringify(out.error));
      const codes = out.value.positionCodes;
      const rows = first.db.prepare('SELECT position, code_hash FROM position_codes').all() as { position: string; code_hash: string }[];
      expect(rows.map((r) => r.position).sort()).toEqual(Object.keys(codes).sort());
      first.db.close();
      const bytes = readFileSync(file).toString('latin1') + (() => {
        try {
          return readFileSync(`${file}-wal`).toString('latin1');
        } catch {
          return '';
        }
      })();
      for (const c of Object.values(codes)) {
        expect(bytes.includes(c)).toBe(false);
        expect(bytes.includes(c.replace('-', ''))).toBe(false);
      }
      // as after a SIGKILL: a new server on the same file rebuilds the drill; the codes still join
      const second = makeService(file);
      const j = second.service.joinPosition(codes['twp-tb']!.replace('-', ''), '乙镇');
      expect(j).toMatchObject({ ok: true, value: { position: 'twp-tb' } });
      second.db.close();
    } finally {
      tmp.cleanup();
    }
  });
});

describe('observers: public information unless the director grants more', () => {
  it('an observer with the drill code only gets no injects addressed to positions; granted, it sees the players’ view', async () => {
    const d = await drill();
    const dir = await d.open(d.created.token);
    const o = await d.observe();
    const obs = await d.open(o.token);
    expect((await dir.request({ type: 'control', op: 'brief' })).ok).toBe(true);
    expect((await dir.request({ type: 'control', op: 'start' })).ok).toBe(true);
    const county = await d.joinAt('county-eb');
    d.step(5);
    expect((await dir.request({ type: 'release', inject: 'inj-media' })).ok).toBe(true);
    expect((await d.post('/api/drill/injects', { title: { zh: '乙镇专报' }, body: { zh: '只发乙镇' }, channel: 'sms', to: ['twp-tb'] }, d.created.token)).statusCode).toBe(200);
    expect((await d.post('/api/drill/actions', { clientId: 'c1', decision: { kind: 'setResponseLevel', level: 'III' } }, county.token)).statusCode).toBe(200);
    d.step(700);
    await dir.waitFor((f) => f.kind === 'inject' && (f.data as { inject: string }).inject === 'inj-media');

    const http = (await d.get('/api/drill/events?limit=5000', o.token)).json().events as { cursor: string; kind: string; data: Record<string, unknown> }[];
    expect(obs.events().map((f) => f.cursor)).toEqual(http.map((f) => f.cursor));
    // every frame the observer got is of a public record; injects only those to every position
    for (const f of http) expect(d.recordOf(f.cursor).audience, `${f.kind} ${JSON.stringify(f.data).slice(0, 80)}`).toBe('all');
    const injects = http.filter((f) => f.kind === 'inject');
    expect(injects.map((f) => f.data.inject)).toContain('inj-duty-call');
    for (const f of injects) expect(f.data.to).toEqual([]);
    const text = JSON.stringify(http);
    for (const hidden of ['媒体询问', '乙镇专报', '"kind":"action"', 'site.watch', 'team.']) expect(text.includes(hidden), hidden).toBe(false);
    // public signals do reach it: the response level a trainee set
    expect(http.some((f) => f.kind === 'sim' && f.data.type === 'response.changed')).toBe(true);

    // the director grants the players' view: the observer's socket closes, and reloading shows more
    expect((await d.post(`/api/drill/participants/${o.participantId}/view`, { view: 'players' }, county.token)).statusCode).toBe(403);
    expect((await d.post(`/api/drill/participants/${o.participantId}/view`, { view: 'players' }, d.created.token)).json()).toEqual({ changed: true });
    expect((await obs.waitClosed()).code).toBe(4002);
    const granted = (await d.get('/api/drill/events?limit=5000', o.token)).json().events as { cursor: string; kind: string; data: Record<string, unknown> }[];
    const grantedText = JSON.stringify(granted);
    expect(grantedText).toContain('媒体询问');
    expect(grantedText).toContain('乙镇专报');
    // never the ground truth
    for (const f of granted) expect(d.recordOf(f.cursor).audience).not.toBe('staff');
    // and back to public
    await d.post(`/api/drill/participants/${o.participantId}/view`, { view: 'public' }, d.created.token);
    expect(JSON.stringify((await d.get('/api/drill/events?limit=5000', o.token)).json().events)).not.toContain('媒体询问');
  });
});

describe('trainees cannot count hidden events', () => {
  it('trainee frames and HTTP answers carry no engine or drill sequence numbers; keys are opaque per position', async () => {
    const d = await drill();
    const dir = await d.open(d.created.token);
    const county = await d.joinAt('county-eb');
    const tb = await d.joinAt('twp-tb');
    const wsCounty = await d.open(county.token);
    const wsTb = await d.open(tb.token);
    const answers: unknown[] = [];
    const keep = async (p: Promise<{ json(): unknown }>) => {
      const j = (await p).json();
      answers.push(j);
      return j as Record<string, unknown>;
    };
    expect((await dir.request({ type: 'control', op: 'brief' })).ok).toBe(true);
    expect((await dir.request({ type: 'control', op: 'start' })).ok).toBe(true);
    d.step(2);
    expect((await d.post('/api/drill/injects', { title: { zh: '临时提问' }, body: { zh: '请报告' }, channel: 'phone', to: ['county-eb'] }, d.created.token)).statusCode).toBe(200);
    d.step(700); // slides, cuts, their reports and the conditional injects (each with a cause)
    await wsTb.waitFor((f) => f.kind === 'intel');
    const call = (n: TestClient) => n.events().find((f) => f.kind === 'inject' && (f.data as { inject: string }).inject === 'inj-duty-call')!.data as { key: string };
    const kCounty = call(wsCounty).key;
    const kTb = call(wsTb).key;
    expect(kCounty).toMatch(/^k[A-Za-z0-9_-]{16}$/);
    expect(kTb).not.toBe(kCounty); // the same inject has another name at another position
    // acknowledging by the opaque key works (WebSocket and HTTP), and the answers carry no seqs
    const wsAck = await wsCounty.request({ type: 'ack', key: kCounty });
    expect(wsAck).toMatchObject({ ok: true });
    answers.push(wsAck);
    expect(await keep(d.post('/api/drill/acks', { key: kTb }, tb.token))).toEqual({ acknowledged: true });
    // another position's name for it is no use here
    expect((await d.post('/api/drill/acks', { key: kTb }, county.token)).json().error.code).toBe('unknownInject');
    answers.push(await wsCounty.request({ type: 'action', decision: { kind: 'setResponseLevel', level: 'III' } }));
    answers.push(await wsCounty.request({ type: 'action', decision: { kind: 'setResponseLevel', level: 'III' } })); // refused
    expect(await keep(d.post('/api/drill/actions', { clientId: 'sr-1', decision: { kind: 'situationReport', text: '报告' } }, county.token))).toEqual({ accepted: true, duplicate: false });
    d.step(30);
    await keep(d.get('/api/drill/events?limit=5000', county.token));
    await keep(d.get('/api/drill/events?limit=5000', tb.token));
    await keep(d.get('/api/drill', county.token));
    await keep(d.get('/api/drill/verify', county.token));

    // the drill produced what could leak: conditional injects with a cause, reports keyed by engine seq
    const staff = (await d.get('/api/drill/events?limit=5000', d.created.token)).json().events as { kind: string; data: Record<string, unknown> }[];
    expect(staff.some((f) => f.kind === 'inject' && typeof f.data.cause === 'number')).toBe(true);
    expect(staff.some((f) => f.kind === 'intel' && /^intel:\d+$/.test(String(f.data.key)))).toBe(true);
    expect(staff.some((f) => f.kind === 'inject' && String(f.data.key).startsWith('inject:adhoc-'))).toBe(true);

    const frames = [...wsCounty.frames, ...wsTb.frames];
    expect(frames.filter((f) => f.type === 'event').length).toBeGreaterThan(20);
    expect(frames.some((f) => f.kind === 'intel')).toBe(true);
    expect(frames.some((f) => f.kind === 'inject' && (f.data as { how: string }).how === 'conditional')).toBe(true);
    expect(frames.some((f) => f.kind === 'ack')).toBe(true);
    expect(seqLeaks(frames)).toEqual([]);
    expect(seqLeaks(answers)).toEqual([]);
    // the ad-hoc inject reached the county under an opaque name, and its ack matched the inject's key
    const adhoc = wsCounty.events().find((f) => f.kind === 'inject' && (f.data as { how: string }).how === 'adhoc')!;
    expect((adhoc.data as { inject: string; key: string }).inject).toBe((adhoc.data as { key: string }).key);
    const acks = wsCounty.events().filter((f) => f.kind === 'ack').map((f) => (f.data as { key: string }).key);
    expect(acks).toEqual([kCounty]);
  });

  it('verify tells a trainee only whether the chain holds; directors get the count', async () => {
    const d = await drill();
    const t = await d.joinAt('twp-tb');
    const o = await d.observe();
    const ev = (await d.post('/api/join', { code: d.created.code, role: 'evaluator', name: '评估', password: 'pw-123456' })).json().token as string;
    await d.post('/api/drill/control', { op: 'brief' }, d.created.token);
    await d.post('/api/drill/control', { op: 'start' }, d.created.token);
    d.step(120);
    const trainee = (await d.get('/api/drill/verify', t.token)).json();
    expect(trainee.chain).toEqual({ ok: true });
    expect(seqLeaks(trainee)).toEqual([]);
    expect((await d.get('/api/drill/verify', o.token)).json().chain).toEqual({ ok: true });
    const total = d.service.store.records(d.created.drillId).length;
    expect((await d.get('/api/drill/verify', d.created.token)).json().chain).toMatchObject({ ok: true, count: total });
    expect((await d.get('/api/drill/verify', ev)).json().chain).toMatchObject({ ok: true, count: total });
  });
});
