import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyChain } from '../../engine/drill/hashChain.ts';
import { loadScenario, runTrial } from '../../engine/index.ts';
import { openDb } from '../../src/server/db.ts';
import { DrillStore } from '../../src/server/drillStore.ts';
import { sha256Node } from '../../src/server/secrets.ts';
import { api, NetClient, type Frame } from '../../scripts/drillClient.ts';
import { tempDir } from './helpers.ts';
import { readFileSync } from 'node:fs';

const BIN = new URL('../../bin/yanlian.js', import.meta.url).pathname;
const TINY = readFileSync(new URL('../fixtures/scenarios/tiny.yaml', import.meta.url), 'utf8');
const tmp = tempDir();
const procs: ChildProcess[] = [];
afterAll(() => {
  for (const p of procs) if (p.exitCode === null) p.kill('SIGKILL');
  tmp.cleanup();
});

/** Starts `yanlian serve` on a free port; resolves with its base URL once it listens. */
function serve(db: string): Promise<{ proc: ChildProcess; base: string }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--db', db], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, YANLIAN_ADMIN_TOKEN: ADMIN } });
    procs.push(proc);
    let out = '';
    const timer = setTimeout(() => reject(new Error('server did not start: ' + out)), 20_000);
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ proc, base: `http://127.0.0.1:${m[1]}` });
      }
    });
    proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    proc.on('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
}

/** the server admin token, given as `yanlian serve` reads it from the environment */
const ADMIN = 'crash-test-admin-token';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('SIGKILL in the middle of a running drill', () => {
  it('restarts where it was: no event lost or duplicated; clients catch up from their cursor', async () => {
    const db = `${tmp.dir}/drills.sqlite`;
    let srv = await serve(db);
    const created = (await api(srv.base, 'POST', '/api/drills', { title: '断电演练', password: 'pw-123456', scenarioText: TINY, seed: 1, speed: 3600 }, ADMIN)).json as { token: string; code: string; drillId: string; positionCodes: Record<string, string> };
    const trainee = (await api(srv.base, 'POST', '/api/join', { code: created.positionCodes['county-eb'], role: 'trainee', name: '县局' })).json as { token: string };
    const ws = srv.base.replace('http', 'ws') + '/ws';
    const dir = await NetClient.connect(ws);
    await dir.hello(created.token);
    const t1 = await NetClient.connect(ws);
    await t1.hello(trainee.token);
    expect((await dir.request({ type: 'control', op: 'brief' })).ok).toBe(true);
    expect((await dir.request({ type: 'control', op: 'start' })).ok).toBe(true);
    // 3600×: one wall second is one simulated hour
    await sleep(4000);
    expect((await t1.request({ type: 'action', decision: { kind: 'issueWarning', level: 'orange' } })).ok).toBe(true);
    expect((await t1.request({ type: 'action', decision: { kind: 'evacuate', site: 'gh1' } })).ok).toBe(true);
    await sleep(1500);

    srv.proc.kill('SIGKILL');
    await new Promise((r) => srv.proc.once('exit', r));
    await t1.waitClosed();
    const seenBefore = t1.events();
    const staffBefore = dir.events();
    expect(seenBefore.length).toBeGreaterThan(3);

    srv = await serve(db);
    // the join codes issued before the crash still open their positions (kept, hashed, in SQLite)
    const late = (await api(srv.base, 'POST', '/api/join', { code: created.positionCodes['twp-ta'], role: 'trainee', name: '甲镇' })).json as { position: string };
    expect(late.position).toBe('twp-ta');
    const dir2 = await NetClient.connect(ws.replace(/:\d+\//, `:${new URL(srv.base).port}/`));
    await dir2.hello(created.token, String(staffBefore.at(-1)!.seq));
    const t2 = await NetClient.connect(ws.replace(/:\d+\//, `:${new URL(srv.base).port}/`));
    await t2.hello(trainee.token, seenBefore.at(-1)!.cursor as string);
    await sleep(7000); // the storm goes on: slides and cuts after the restart
    const cut = t2.events().find((f) => f.kind === 'intel' && (f.data as { what: string }).what === 'roadCut');
    if (cut) await t2.request({ type: 'action', decision: { kind: 'dispatchTeam', team: 'team-county', task: { kind: 'clear', link: (cut.data as { link: string }).link } } });
    expect((await dir2.request({ type: 'control', op: 'end' })).ok).toBe(true);
    await t2.waitFor((f) => f.kind === 'phase' && (f.data as Frame).to === 'ended');
    const full = (await api(srv.base, 'GET', '/api/drill/events?limit=5000', undefined, trainee.token)).json.events as Frame[];
    srv.proc.kill('SIGTERM');
    await new Promise((r) => srv.proc.once('exit', r));

    // the trainee's frames before the crash plus those after reconnecting are exactly its view of the log
    expect([...seenBefore, ...t2.events()].map((f) => f.cursor)).toEqual(full.map((f) => f.cursor));
    // staff saw a prefix of the final log, with consecutive numbers
    const store = new DrillStore(openDb(db));
    const records = store.records(created.drillId);
    const staffSeqs = [...staffBefore, ...dir2.events()].map((f) => f.seq as number);
    expect(staffSeqs).toEqual(records.map((r) => r.seq).slice(0, staffSeqs.length));
    expect(verifyChain(records, sha256Node)).toMatchObject({ ok: true, count: records.length });
    expect(records.filter((r) => r.kind === 'recovered')).toHaveLength(1);
    // and the engine log equals a clean replay of the accepted decisions: nothing lost, nothing twice
    const row = store.drill(created.drillId)!;
    const scenario = loadScenario(row.scenarioText, 'tiny.yaml');
    if (!scenario.ok) throw new Error('scenario');
    const decisions = records
      .filter((r) => r.kind === 'action' && r.data.result === 'accepted')
      .map((r) => ({ t: r.data.t as number, by: r.data.position as string, decision: r.data.decision as never }));
    expect(decisions.length).toBeGreaterThanOrEqual(2);
    const sim = records.filter((r) => r.kind === 'sim').map((r) => r.data);
    const replay = runTrial(scenario.scenario, row.state.schedule!.engineSeed, undefined, { mode: 'manual', decisions }).events;
    expect(sim).toEqual(replay.slice(0, sim.length));
    expect(row.state.engineNow).toBeGreaterThan(360);
    store.db.close();
  }, 45_000);
});
