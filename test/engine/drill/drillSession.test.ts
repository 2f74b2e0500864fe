import { describe, expect, it } from 'vitest';
import { canSee } from '../../../engine/drill/audience.ts';
import { verifyCommitment } from '../../../engine/drill/blindDraw.ts';
import { DrillSession } from '../../../engine/drill/drillSession.ts';
import { verifyChain } from '../../../engine/drill/hashChain.ts';
import { runTrial } from '../../../engine/index.ts';
import { makeSession, SALT, tiny, tinyText } from './helpers.ts';

const MIN = 60_000;

/** Runs tiny's drill 1 at 60× with a few trainee decisions; returns the harness. */
function scriptedDrill() {
  const s = tiny();
  const h = makeSession(s);
  let wall = 1_000_000;
  const step = (ms: number) => {
    wall += ms;
    h.push(h.session.tick(wall), wall);
  };
  const ok = (r: { ok: boolean; records: never[] | unknown[] }) => {
    h.push(r.records as never, wall);
    return r;
  };
  ok(h.session.control('brief', wall, { salt: SALT, by: 'dir' }));
  ok(h.session.control('start', wall, { by: 'dir' }));
  for (let i = 0; i < 12; i++) step(MIN); // 12 wall minutes = 12 simulated hours at 60×
  const cut = h.log.find((r) => r.kind === 'sim' && (r.data as { type: string }).type === 'road.cut');
  expect(cut).toBeDefined();
  expect(ok(h.session.act('p-county', 'county-eb', { kind: 'setResponseLevel', level: 'IV' }, wall, 'c1')).ok).toBe(true);
  expect(ok(h.session.act('p-county', 'county-eb', { kind: 'dispatchTeam', team: 'team-county', task: { kind: 'clear', link: (cut!.data as { link: string }).link } }, wall, 'c2')).ok).toBe(true);
  // a township may not send the county's team
  const denied = ok(h.session.act('p-tb', 'twp-tb', { kind: 'dispatchTeam', team: 'team-county', task: { kind: 'clear', link: 'l-ta-tb' } }, wall, 'c3'));
  expect(denied).toMatchObject({ ok: false, error: { code: 'notYourResource' } });
  // malformed: clear error, nothing logged
  const before = h.log.length;
  expect(h.session.act('p-tb', 'twp-tb', { kind: 'dispatchTeam', team: 7 }, wall, 'c4')).toMatchObject({ ok: false, error: { code: 'badDecision' }, records: [] });
  expect(h.log.length).toBe(before);
  step(5 * MIN);
  ok(h.session.control('pause', wall, { by: 'dir' }));
  return { s, h, wall };
}

describe('DrillSession', () => {
  it('runs a drill: commitment before start, engine events, injects, decisions, all hash-chained', () => {
    const { h } = scriptedDrill();
    const kinds = h.log.map((r) => r.kind);
    expect(kinds.indexOf('commitment')).toBeLessThan(kinds.indexOf('phase'));
    expect(h.log.filter((r) => r.kind === 'inject').map((r) => r.data.inject)).toEqual(expect.arrayContaining(['inj-duty-call', 'inj-slide-report']));
    expect(verifyChain(h.log)).toMatchObject({ ok: true, count: h.log.length });
    // sim-time order is kept across engine events and releases
    const ts = h.log.filter((r) => r.kind === 'sim' || r.kind === 'inject' || r.kind === 'intel').map((r) => r.t);
    expect([...ts].sort((a, b) => a - b)).toEqual(ts);
  });

  it('the same clientId twice gives the first answer and logs nothing new', () => {
    const { h, wall } = scriptedDrill();
    h.session.control('resume', wall);
    const again = h.session.act('p-county', 'county-eb', { kind: 'setResponseLevel', level: 'IV' }, wall, 'c1');
    expect(again).toMatchObject({ ok: true, duplicate: true, records: [] });
  });

  it('its engine log equals runTrial(manual) with the accepted decisions', () => {
    const { s, h } = scriptedDrill();
    const sim = h.log.filter((r) => r.kind === 'sim').map((r) => r.data);
    const replay = runTrial(s, h.session.state.schedule!.engineSeed, undefined, { mode: 'manual', decisions: h.session.decisions });
    expect(replay.events.slice(0, sim.length)).toEqual(sim);
  });

  it('restores from state and log after a crash, and goes on exactly as if nothing happened', () => {
    const { h, wall } = scriptedDrill();
    const restored = DrillSession.restore(h.session.init, h.session.state, h.log);
    expect(restored.engineEvents).toEqual(h.session.engineEvents);
    // both go on identically
    h.session.control('resume', wall);
    restored.control('resume', wall);
    const a = h.session.tick(wall + 20 * MIN);
    const b = restored.tick(wall + 20 * MIN);
    expect(b).toEqual(a);
    expect(a.length).toBeGreaterThan(0);
    // an action already taken is not taken twice after the restart
    expect(restored.act('p-county', 'county-eb', { kind: 'setResponseLevel', level: 'IV' }, wall + 20 * MIN, 'c1')).toMatchObject({ duplicate: true });
  });

  it('refuses a restore whose log does not match the engine', () => {
    const { h } = scriptedDrill();
    const tampered = h.log.map((r) => (r.kind === 'sim' && (r.data as { type: string }).type === 'site.failed' ? { ...r, data: { ...r.data, affected: 1 } } : r));
    expect(() => DrillSession.restore(h.session.init, h.session.state, tampered)).toThrow(/restore/);
  });

  it('trainees see released injects, reports and public signals only', () => {
    const { h } = scriptedDrill();
    const tb = { role: 'trainee' as const, position: 'twp-tb' };
    const seen = h.log.filter((r) => canSee(r.audience, tb));
    const simTypes = new Set(seen.filter((r) => r.kind === 'sim').map((r) => (r.data as { type: string }).type));
    for (const secret of ['hazard.drawn', 'site.failed', 'road.cut']) expect(simTypes.has(secret)).toBe(false);
    expect(seen.some((r) => r.kind === 'intel' && r.data.what === 'roadCut')).toBe(true);
    // the county's decisions are not the township's business
    expect(seen.some((r) => r.kind === 'action' && r.data.position === 'county-eb')).toBe(false);
    expect(seen.some((r) => r.kind === 'commitment')).toBe(true);
  });

  it('reveals at the debrief; the reveal verifies against the commitment and redraws', () => {
    const { s, h, wall } = scriptedDrill();
    h.push(h.session.control('end', wall).records, wall);
    h.push(h.session.control('debrief', wall).records, wall);
    const reveal = h.log.find((r) => r.kind === 'reveal')!;
    const commitment = h.log.find((r) => r.kind === 'commitment')!.data.commitment as string;
    const v = verifyCommitment(commitment, reveal.data.reveal as never, { scenarioText: tinyText, config: h.session.config, scenario: s });
    expect(v).toEqual({ ok: true, commitmentMatches: true, scenarioMatches: true, configMatches: true, scheduleRedrawn: true });
    const forged = { ...(reveal.data.reveal as object), drillSeed: 2 };
    expect(verifyCommitment(commitment, forged as never).ok).toBe(false);
  });

  it('ends by itself at the horizon', () => {
    const { h, wall } = scriptedDrill();
    h.session.control('resume', wall);
    h.push(h.session.tick(wall + 10 * 60 * MIN), wall);
    expect(h.session.phase).toBe('ended');
    expect(h.log.at(-1)).toMatchObject({ kind: 'phase', data: { to: 'ended', reason: 'horizon' } });
  });
});
