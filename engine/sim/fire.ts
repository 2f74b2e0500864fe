import { forestFireGradeOf } from '../rules/index.ts';
import { poisson, sampleDist } from '../random/index.ts';
import { containmentTime, ellipseFactors, fireLength, headRate, lengthToBreadth } from './fireBehaviour.ts';
import { admitToShelter, endRelief, leaveShelter, requestRelief } from './relief.ts';
import { responseEvidence } from './response.ts';
import { onRoadCut } from './roads.ts';
import { assignFire } from './teams.ts';
import { fireAreaHa, fireNeedsCrews } from './fireState.ts';
import { hazardTables } from './hazardTables.ts';
import type { Fire, Trial } from './trial.ts';

type FireSeason = Extract<Trial['s']['hazard'], { kind: 'fireSeason' }>;

const MIN_PER_DAY = 1440;
const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;

function season(tr: Trial): FireSeason {
  const h = tr.s.hazard;
  if (h.kind !== 'fireSeason') throw new Error('not a fire season');
  return h;
}

/** The index that draw u picks, by weight; `total` is the weights' sum (hazardTables: summed once per world). */
function pick(weights: readonly number[], total: number, u: number): number {
  let x = u * total;
  for (let i = 0; i < weights.length; i++) {
    x -= weights[i]!;
    if (x < 0 && weights[i]! > 0) return i;
  }
  for (let i = weights.length - 1; i >= 0; i--) if (weights[i]! > 0) return i;
  return 0;
}

/**
 * Draws the season: a danger level (1–5) each day, from the weights of the day's period and
 * kept from the day before with probability `persistence` (stream 'fire','danger', two draws a
 * day), then each day's ignitions ~ Poisson(ignitionsPerDay[level]) with their hour and
 * compartment (stream 'fire','day',d). Schedules the ignitions; logs what was drawn.
 */
export function startFireSeason(tr: Trial): void {
  const h = season(tr);
  const tables = hazardTables(tr.world);
  const forests = tables.forests;
  const rd = tr.rng('fire', 'danger');
  const days = Math.min(h.days, Math.ceil(tr.horizon / MIN_PER_DAY));
  let level = 0;
  let ignitions = 0;
  for (let d = 0; d < days; d++) {
    let p = 0;
    while (p + 1 < h.danger.periods.length && h.danger.periods[p + 1]!.fromDay <= d) p++;
    const keep = rd.next();
    const u = rd.next();
    if (d === 0 || keep >= h.danger.persistence) level = pick(h.danger.periods[p]!.weights, tables.dangerTotals[p]!, u) + 1;
    tr.fireDangerDays[level - 1]!++;
    const r = tr.rngOnce('fire', 'day', d);
    const n = poisson(r, h.ignitionsPerDay[level - 1]!);
    for (let k = 0; k < n; k++) {
      const hour = sampleDist(r, h.ignitionHour);
      const site = forests[pick(tables.forestWeights, tables.forestTotal, r.next())]!;
      const t = (d * 24 + hour) * 60;
      if (t >= tr.horizon || forests.length === 0) continue;
      ignitions++;
      tr.schedule(t, { k: 'ignite', site, day: d, n: k, level });
    }
  }
  if (tr.log.on) tr.log.add(0, 'hazard.drawn', { kind: 'fireSeason', days, ignitions, dangerDays: [...tr.fireDangerDays] });
}

/** A fire starts in a compartment (unless one is still burning there): weather drawn, spread fixed. */
export function onIgnite(tr: Trial, site: number, day: number, n: number, level: number): void {
  const h = season(tr);
  const s = tr.s.hazardSites[site]!;
  const f = s.forest!;
  if (tr.fires.some((x) => x.site === site && !Number.isFinite(x.outAt))) {
    if (tr.log.on) tr.log.add(tr.now, 'fire.merged', { site: s.id });
    return;
  }
  const r = tr.rngOnce('fire', 'day', day, 'fire', n);
  const w = h.weather[level - 1]!;
  const tempC = sampleDist(r, w.temperatureC);
  const humidityPct = sampleDist(r, w.humidityPct);
  const windMs = sampleDist(r, w.windMs);
  const detectH = sampleDist(r, h.detectionHours);
  const rate = headRate(tempC, windMs, humidityPct, f.fuelFactor, f.slopeDeg);
  const lb = lengthToBreadth(windMs, h.windAdjustment);
  const { perimeterPerLength, areaPerLength2 } = ellipseFactors(lb);
  const capLength = Math.sqrt((f.areaHa * 10_000) / areaPerLength2);
  const index = tr.fires.length;
  const fire: Fire = {
    machine: tr.machines.forestFire(),
    site, day, level, t0: tr.now, detectedAt: Infinity, tempC, humidityPct, windMs, rate, lb, capLength, perimeterPerLength, areaPerLength2,
    line: 0, lineAt: tr.now, lineRate: 0, epoch: 0, onLine: [], sent: 0, containedAt: Infinity, outAt: Infinity, escaped: false, wuiAt: Infinity, evacuated: 0, stays: [],
  };
  tr.fires.push(fire);
  if (tr.log.on) tr.log.add(tr.now, 'fire.ignited', {
    fire: index, site: s.id, level, tempC: round(tempC, 1), humidityPct: round(humidityPct, 1), windMs: round(windMs, 1),
    headRateMPerMin: round(rate, 3), lengthToBreadth: round(lb, 3),
  });
  tr.schedule(tr.now + detectH * 60, { k: 'fireDetect', fire: index });
  if (f.wuiDistanceM !== undefined && f.wuiDistanceM <= capLength && rate > 0)
    tr.schedule(tr.now + f.wuiDistanceM / rate, { k: 'fireWui', fire: index });
}

/** The fire is found and reported: crews are sent (auto), the escape check is set. */
export function onFireDetect(tr: Trial, i: number): void {
  const f = tr.fires[i]!;
  f.detectedAt = tr.now;
  f.machine.send({ type: 'DETECT' });
  if (tr.log.on) tr.log.add(tr.now, 'fire.detected', { fire: i, site: tr.s.hazardSites[f.site]!.id, areaHa: round(fireAreaHa(f, tr.now), 3) });
  const sup = season(tr).suppression;
  tr.schedule(tr.now + sup.escalateAfterHours * 60, { k: 'fireEscalate', fire: i });
  if (tr.auto) for (let k = 0; k < sup.initialAttackTeams; k++) callCrew(tr, i);
  responseEvidence(tr);
}

function callCrew(tr: Trial, i: number): void {
  if (!assignFire(tr, i)) tr.fireBacklog.push(i);
}

/** Fireline m/min of team t at the line: its people × its tier's metres per person-hour / 60. */
function lineRateOf(tr: Trial, t: number): number {
  const team = tr.s.teams[t]!;
  return (team.size * season(tr).suppression.lineMetresPerPersonHour[team.tier]) / 60;
}

/** A crew reaches the fire edge and starts building line; containment is projected again. */
export function onFireLine(tr: Trial, t: number, leg: number): void {
  if (leg !== tr.teamLeg[t]) return;
  const task = tr.teamTask[t];
  if (task?.kind !== 'suppress') return;
  const f = tr.fires[task.fire]!;
  if (!fireNeedsCrews(tr, task.fire)) {
    // the fire was contained while the crew walked in: mop-up has enough hands
    tr.schedule(tr.now, { k: 'taskDone', team: t, leg });
    return;
  }
  f.line += f.lineRate * (tr.now - f.lineAt);
  f.lineAt = tr.now;
  f.lineRate += lineRateOf(tr, t);
  f.onLine.push(t);
  if (f.machine.value === 'detected') f.machine.send({ type: 'CREW_ON_LINE' });
  if (tr.log.on) tr.log.add(tr.now, 'fire.crewOnLine', { fire: task.fire, team: tr.s.teams[t]!.id, lineM: round(f.line, 1), perimeterM: round(f.perimeterPerLength * fireLength(f, tr.now), 1) });
  projectContainment(tr, task.fire);
}

function projectContainment(tr: Trial, i: number): void {
  const f = tr.fires[i]!;
  f.epoch++;
  const t = containmentTime(f, tr.now, f.line, f.lineRate);
  if (Number.isFinite(t)) tr.schedule(t, { k: 'fireContained', fire: i, epoch: f.epoch });
}

/** The escape check: a fire still uncontained this long after it was found calls extended attack. */
export function onFireEscalate(tr: Trial, i: number): void {
  const f = tr.fires[i]!;
  if (!fireNeedsCrews(tr, i)) return;
  if (!f.machine.send({ type: 'ESCAPE' })) return;
  f.escaped = true;
  if (tr.log.on) tr.log.add(tr.now, 'fire.escaped', { fire: i, site: tr.s.hazardSites[f.site]!.id, areaHa: round(fireAreaHa(f, tr.now), 3) });
  if (tr.auto) for (let k = 0; k < season(tr).suppression.extendedAttackTeams; k++) callCrew(tr, i);
  responseEvidence(tr);
}

/** Line closes around the fire: contained; mop-up until it is out. */
export function onFireContained(tr: Trial, i: number, epoch: number): void {
  const f = tr.fires[i]!;
  if (epoch !== f.epoch || !fireNeedsCrews(tr, i)) return;
  f.machine.send({ type: 'CONTAIN' });
  f.containedAt = tr.now;
  const area = fireAreaHa(f, tr.now);
  if (tr.log.on) tr.log.add(tr.now, 'fire.contained', { fire: i, areaHa: round(area, 3), grade: forestFireGradeOf(area).grade });
  const hours = sampleDist(tr.rng('fire', 'mopUp', i), season(tr).suppression.mopUpHours);
  tr.schedule(tr.now + hours * 60, { k: 'fireOut', fire: i });
  responseEvidence(tr);
}

/**
 * The fire is out: its crews are released and head home (or to queued work). If it reached its
 * village, the people it evacuated go home (re-entry once the fire is out, i.e. after mop-up
 * 清理余火 and the check that no embers remain — no extra delay is assumed): they leave their
 * shelters and the village needs no more daily relief for them. They stay counted as affected
 * and evacuated, and relief already sent stays counted.
 */
export function onFireOut(tr: Trial, i: number): void {
  const f = tr.fires[i]!;
  f.machine.send({ type: 'OUT' });
  f.outAt = tr.now;
  if (tr.log.on) tr.log.add(tr.now, 'fire.out', { fire: i, hoursFromDetection: round((tr.now - f.detectedAt) / 60, 3) });
  for (const t of f.onLine) {
    const task = tr.teamTask[t];
    if (task?.kind === 'suppress' && task.fire === i) tr.schedule(tr.now, { k: 'taskDone', team: t, leg: tr.teamLeg[t]! });
  }
  if (Number.isFinite(f.wuiAt)) {
    leaveShelter(tr, f.stays);
    f.stays = [];
    endRelief(tr, tr.world.siteVillage[f.site]!, tr.s.hazardSites[f.site]!.threatenedPeople);
  }
}

/**
 * The head fire reaches the village (森林城镇交界火): its people are evacuated to shelters and
 * need relief (unless already evacuated by a decision) until the fire is out (onFireOut), and
 * the fire may close the roads listed as the compartment's cuts.
 */
export function onFireWui(tr: Trial, i: number): void {
  const f = tr.fires[i]!;
  if (tr.now >= f.containedAt) return;
  const s = tr.s.hazardSites[f.site]!;
  f.wuiAt = tr.now;
  const village = tr.world.siteVillage[f.site]!;
  const before = tr.sites.value(f.site) === 'watch.evacuated';
  if (tr.log.on) tr.log.add(tr.now, 'fire.wui', { fire: i, site: s.id, village: tr.s.region.villages[village]!.id, people: s.threatenedPeople, alreadyEvacuated: before });
  if (!before && s.threatenedPeople > 0) {
    f.evacuated = s.threatenedPeople;
    f.stays = admitToShelter(tr, village, s.threatenedPeople);
  }
  if (s.threatenedPeople > 0) {
    tr.affectedPeople += s.threatenedPeople;
    requestRelief(tr, village, s.threatenedPeople);
  }
  const r = tr.rng('fire', 'wui', i);
  tr.world.siteCuts[f.site]!.forEach(({ link, probability }, k) => {
    if (link >= 0 && r.next() < probability) onRoadCut(tr, link, f.site, k);
  });
  responseEvidence(tr);
}
