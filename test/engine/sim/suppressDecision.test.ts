import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDecision } from '../../../engine/drill/decisionSchema.ts';
import { loadScenario, runTrial } from '../../../engine/index.ts';
import { compiledMachines } from '../../../engine/machines/compiledMachines.ts';
import type { Decision } from '../../../engine/sim/decision.ts';
import type { LogEvent } from '../../../engine/sim/eventLog.ts';
import { LiveTrial } from '../../../engine/sim/liveTrial.ts';

// The shipped fire season, plus one landslide site appended after the 30 forest compartments
// (indices and fire draws unchanged), so that a suppress order can name a site that is no forest.
const text = readFileSync(new URL('../../../scenarios/shidian-forest-fire.yaml', import.meta.url), 'utf8');
const landslide = '  - {id: ls01, name: {zh: 甸阳镇五福村滑坡, en: Wufu Village landslide}, kind: landslide, village: v101204, threatenedPeople: 30, susceptibility: 0.5, cuts: []}\n';
const derived = text.replace(/^hazard:/m, `${landslide}hazard:`);
const loaded = loadScenario(derived, 'shidian-forest-fire+landslide.yaml');
if (!loaded.ok) throw new Error('the derived fire scenario does not load');
const s = loaded.scenario;
const SEED = 1;
const CREW = ['team-forest-fire', 'team-county-fire', 'team-t101'];

const suppress = (team: string, site: string): Decision => ({ kind: 'dispatchTeam', team, task: { kind: 'suppress', site } });
const ofFire = (events: readonly LogEvent[], fire: unknown, type: string) => events.filter((e) => e.type === type && e.fire === fire);

/** Runs the season in half-hour steps until the first fire is reported; returns that report. */
function untilFirstReport(live: LiveTrial): LogEvent {
  for (let t = 0; t <= live.horizon; t += 30) {
    const found = live.advanceTo(t).find((e) => e.type === 'fire.detected');
    if (found) return found;
  }
  throw new Error(`no fire reported in seed ${SEED}`);
}

/** A drill: the trainee sends three crews to every fire as soon as it is reported (a busy crew is refused). */
function playFireDrill(seed: number) {
  const live = new LiveTrial(s, seed);
  const refused: string[] = [];
  for (let t = 0; t <= live.horizon; t += 30)
    for (const e of live.advanceTo(t))
      if (e.type === 'fire.detected')
        for (const team of CREW) {
          const r = live.decide({ t: live.now, by: 'trainee:fire', decision: suppress(team, String(e.site)) });
          if (!r.ok) refused.push(r.error.code);
        }
  live.advanceTo(live.horizon);
  return { live, refused };
}

describe('dispatchTeam with a suppress task in a drill (forest-fire season, manual mode)', () => {
  it('a reported fire burns uncontained until a trainee sends a crew; then it is contained and put out', () => {
    // nobody decides: the engine sends no crew, the fire escapes and is never contained
    const idle = new LiveTrial(s, SEED);
    const report = untilFirstReport(idle);
    idle.advanceTo(report.t + 48 * 60);
    const fire = report.fire;
    expect(ofFire(idle.events, fire, 'fire.escaped')).toHaveLength(1);
    for (const type of ['fire.crewOnLine', 'fire.contained', 'fire.out']) expect(ofFire(idle.events, fire, type), type).toHaveLength(0);
    expect(idle.events.some((e) => e.type === 'team.dispatched')).toBe(false);

    // the same world, a trainee sends the crews when the fire is reported
    const live = new LiveTrial(s, SEED);
    const seen = untilFirstReport(live);
    expect(seen).toEqual(report);
    const before = live.events.length;
    for (const team of CREW) {
      const r = live.decide({ t: live.now, by: 'trainee:fire', decision: suppress(team, String(seen.site)) });
      expect(r.ok, team).toBe(true);
    }
    // the events up to the report are the same as without decisions: deciding changes only the future
    expect(JSON.stringify(live.events.slice(0, before))).toBe(JSON.stringify(idle.events.slice(0, before)));
    live.advanceTo(report.t + 48 * 60);
    const ev = live.events;
    expect(ev.filter((e) => e.type === 'team.dispatched').map((e) => [e.team, e.task, e.target])).toEqual(CREW.map((team) => [team, 'suppress', seen.site]));
    const onLine = ofFire(ev, fire, 'fire.crewOnLine');
    const contained = ofFire(ev, fire, 'fire.contained');
    const out = ofFire(ev, fire, 'fire.out');
    expect(onLine.length).toBeGreaterThan(0);
    expect(contained).toHaveLength(1);
    expect(out).toHaveLength(1);
    expect(onLine[0]!.t).toBeLessThan(contained[0]!.t);
    expect(contained[0]!.t).toBeLessThan(out[0]!.t);
    // caught before it escaped initial attack, so no escape is logged
    expect(ofFire(ev, fire, 'fire.escaped')).toHaveLength(0);
    // the crews are released when it is out and head home
    for (const team of CREW) expect(ev.some((e) => e.type === 'team.returned' && e.team === team), team).toBe(true);
  });

  it('a suppress order for a site that is no forest, a team without fireSuppression, or no reported fire is refused and changes nothing', () => {
    const live = new LiveTrial(s, SEED);
    const report = untilFirstReport(live);
    const site = String(report.site);
    expect(s.hazardSites.find((h) => h.id === 'ls01')?.kind).toBe('landslide');
    expect(s.teams.find((t) => t.id === 'team-road-county')?.capabilities).not.toContain('fireSuppression');
    const quiet = s.hazardSites.find((h) => h.kind === 'forest' && h.id !== site)!.id;
    const before = JSON.stringify(live.events);
    const cases: [Decision, string, RegExp, RegExp][] = [
      [suppress('team-forest-fire', 'ls01'), 'notForest', /ls01.*不是林区/, /ls01 is not a forest compartment/],
      [suppress('team-road-county', site), 'noCapability', /team-road-county.*不具备扑火能力/, /team-road-county cannot fight forest fires/],
      [suppress('team-forest-fire', quiet), 'noFire', new RegExp(`${quiet}.*没有需要扑救`), new RegExp(`no reported fire to fight at ${quiet}`)],
      [suppress('team-forest-fire', 'nowhere'), 'unknownSite', /不存在的隐患点/, /no such hazard site/],
      [suppress('nobody', site), 'unknownTeam', /不存在的队伍/, /no such team/],
    ];
    for (const [decision, code, zh, en] of cases) {
      // well formed on the wire: the refusal is the engine's, not the schema's
      expect(parseDecision(JSON.parse(JSON.stringify(decision))).ok).toBe(true);
      const r = live.decide({ t: live.now, by: 'trainee:fire', decision });
      expect(r.ok, code).toBe(false);
      if (r.ok) continue;
      expect(r.error.code).toBe(code);
      expect(r.error.zh).toMatch(zh);
      expect(r.error.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(r.error.en).toMatch(en);
      expect(r.error.en).not.toMatch(/[\u4e00-\u9fff]/);
    }
    expect(JSON.stringify(live.events)).toBe(before);
    expect(live.decisions).toHaveLength(0);
    // and the world goes on as if nothing had been said
    live.advanceTo(live.horizon);
    const undisturbed = runTrial(s, SEED, undefined, { mode: 'manual', decisions: [] });
    expect(JSON.stringify(live.events)).toBe(JSON.stringify(undisturbed.events));
  });

  it('a fire drill replays byte for byte from its accepted decisions, twice and on both machine paths', () => {
    const { live, refused } = playFireDrill(SEED);
    const decisions = JSON.parse(JSON.stringify(live.decisions)); // as stored in the drill record
    expect(decisions.length).toBeGreaterThan(3);
    // every report got three orders; the refused ones (crews still out at another fire) are not in the record
    expect(decisions.length + refused.length).toBe(3 * live.events.filter((e) => e.type === 'fire.detected').length);
    expect(refused.every((code) => code === 'teamBusy')).toBe(true);
    const log = JSON.stringify(live.events);
    expect(live.events.some((e) => e.type === 'fire.contained')).toBe(true);
    const a = runTrial(s, SEED, undefined, { mode: 'manual', decisions });
    const b = runTrial(s, SEED, undefined, { mode: 'manual', decisions });
    const fast = runTrial(s, SEED, compiledMachines, { mode: 'manual', decisions });
    expect(JSON.stringify(a.events)).toBe(log);
    expect(JSON.stringify(b.events)).toBe(log);
    expect(JSON.stringify(fast.events)).toBe(log);
    expect(a.outcome).toEqual(live.outcome());
    expect(fast.outcome).toEqual(live.outcome());
  });
});
