import { PEOPLE_PER_HOUSEHOLD, ROOMS_PER_HOUSEHOLD } from '../rules/householdFactors.ts';
import { sampleDist, uniform } from '../random/index.ts';
import { startFireSeason } from './fire.ts';
import { onRoadCut } from './roads.ts';
import { requestRelief, admitToShelter } from './relief.ts';
import { responseAssess, responseEvidence } from './response.ts';
import { hazardTables, type HazardTables } from './hazardTables.ts';
import { drawStorm, windowSum } from './storm.ts';
import { dispatchRescue } from './teams.ts';
import type { Trial } from './trial.ts';

/** Draws the hazard (storm or quake) and schedules the hourly clock; logs what was drawn. */
export function startHazard(tr: Trial): void {
  const h = tr.s.hazard;
  const hours = Math.ceil(tr.s.horizonHours);
  if (h.kind === 'rainstorm') {
    const storm = drawStorm(h, hours, tr.rng('storm'), tr.rng('storm', 'noise'));
    tr.rainMm = storm.hourlyMm;
    if (tr.log.on) tr.log.add(0, 'hazard.drawn', {
      kind: 'rainstorm',
      onsetHour: storm.onsetHour,
      durationHours: storm.durationHours,
      peakMmPerHour: round(storm.peakMmPerHour, 3),
      peakPosition: round(storm.peakPosition, 3),
    });
  } else if (h.kind === 'fireSeason') {
    tr.rainMm = new Float64Array(hours);
    startFireSeason(tr);
  } else {
    tr.rainMm = new Float64Array(hours);
    const r = tr.rng('quake');
    const hour = sampleDist(r, h.hour);
    const magnitude = sampleDist(r, h.magnitude);
    const angle = uniform(r, 0, 2 * Math.PI);
    const radius = h.epicentreJitterKm * Math.sqrt(uniform(r, 0, 1));
    const shocks = [{ magnitude, hour }];
    if (h.aftershocks) {
      const a = tr.rng('quake', 'aftershocks');
      const n = Math.round(sampleDist(a, h.aftershocks.count));
      for (let k = 0; k < n; k++) {
        const at = hour + sampleDist(a, h.aftershocks.withinHours);
        const m = magnitude - sampleDist(a, h.aftershocks.magnitudeDrop);
        if (at * 60 <= tr.horizon) shocks.push({ magnitude: m, hour: at });
      }
    }
    tr.quake = { dxKm: radius * Math.cos(angle), dyKm: radius * Math.sin(angle), shocks };
    if (tr.log.on) tr.log.add(0, 'hazard.drawn', {
      kind: 'earthquake',
      hour: round(hour, 3),
      magnitude: round(magnitude, 2),
      aftershocks: shocks.length - 1,
    });
    shocks.forEach((sh, k) => tr.schedule(sh.hour * 60, { k: 'quake', shock: k }));
  }
  // the hourly clock (hours 0 … hours) runs beside the agenda: see Trial.lastHour and runUntil
  tr.lastHour = hours;
}

/**
 * The hourly tick at the end of hour `hour − 1`: rain gauges report, the warning signal is
 * re-evaluated, each hazard site's failure hazard for the past hour is applied, and the
 * response level is assessed.
 */
export function onHour(tr: Trial, hour: number): void {
  const h = hour - 1; // the hour that just ended
  const t = hazardTables(tr.world);
  if (h >= 0 && h < tr.rainMm.length) {
    if (t.rainless) {
      // a fire season or a quake: every hour is dry, so no signal is reached (thresholds above
      // zero) and the rain drives no failures; only the count of dry hours moves
      tr.dryHours++;
    } else {
      const mm = tr.rainMm[h]!;
      tr.dryHours = mm > 0 ? 0 : tr.dryHours + 1;
      if (mm > 0) {
        if (tr.log.on) tr.log.add(tr.now, 'rain.hour', { hour: h, mm: round(mm, 2) });
        if (tr.firstRainHour < 0) tr.firstRainHour = h;
      }
      tr.cumRainMm += mm;
      updateWarning(tr, h, t);
      if (tr.s.hazard.kind === 'rainstorm') rainfallFailures(tr, h, t);
    }
  }
  // watch, calm and evacuation follow the signal: nothing to do unless it changed
  if (tr.auto && tr.warningRank() !== tr.watchedAtRank) updateWatch(tr, t);
  responseAssess(tr);
  // Rainless, with the response ended (a final state): every later tick would only count a dry
  // hour that nothing reads (updateWarning, which reads the count, is never called rainless), so
  // the hourly clock stops here (a fire season ends its response a month before the season does)
  if (t.rainless && tr.response.value === 'ended' && tr.lastHour > hour) tr.lastHour = hour;
}

function updateWarning(tr: Trial, h: number, t: HazardTables): void {
  // no signal up and every window dry (a quiet hour): no threshold can be reached, nothing to send
  if (tr.warning.value === 'none') {
    const longest = t.quietAfter;
    if (longest >= 0 && (tr.dryHours > h || tr.dryHours >= longest)) return;
  }
  let signal = 0;
  const rules = tr.s.warnings.rainstorm;
  for (let i = 0; i < rules.length; i++) {
    const rank = t.warningRank[i]!;
    if (rank > signal && windowSum(tr.rainMm, h, rules[i]!.windowHours) >= rules[i]!.thresholdMm) signal = rank;
  }
  const before = tr.warning.value;
  // no signal and none up: the machine has no transition for that (nor counts anything), skip the send
  if (signal === 0 && before === 'none') return;
  if (tr.warning.send({ type: 'HOUR', signal })) {
    if (tr.log.on) tr.log.add(tr.now, 'warning.changed', { from: before, to: tr.warning.value });
    tr.warningTimeline.push({ t: tr.now, level: tr.warning.value });
    responseEvidence(tr);
  }
}

/** Ratio of the storm so far (up to hour h) to the landslide threshold (≥ 1: above it); pure read. */
export function thresholdRatio(tr: Trial, h: number): number {
  const rule = tr.s.chain.landslide.rule;
  const cum = tr.cumRainMm;
  const first = tr.firstRainHour;
  if (first < 0 || cum <= 0) return 0;
  if (rule.type === 'cumulative') return cum / rule.thresholdMm;
  const D = h - first + 1; // hours of rain so far
  const meanI = cum / D;
  return meanI / (rule.a * negPow(hazardTables(tr.world).negPowD, D, rule.b));
}

/** D^−b, Math.pow's value, kept by D (whole hours) in `table`. */
function negPow(table: number[], D: number, b: number): number {
  let p = table[D];
  if (p === undefined) {
    p = Math.pow(D, -b);
    if (Number.isInteger(D) && D >= 0) table[D] = p;
  }
  return p;
}

/**
 * A draw above this cannot fall below p = 1 − e^(−x), x ≥ 0: p ≤ x exactly, and the rounding of
 * the exp and of the subtraction adds less than 1e-15 for x < 1 (for x ≥ 1 the bound exceeds
 * every draw). Lets the hourly loop skip the exp for most sites.
 */
const FAIL_BOUND_SLACK = 1e-9;

function rainfallFailures(tr: Trial, h: number, t: HazardTables): void {
  const ratio = thresholdRatio(tr, h);
  if (ratio < 1) return;
  const ls = tr.s.chain.landslide;
  const base = ls.hourlyRateAtThreshold * Math.pow(ratio, ls.exponent);
  const susceptibility = t.susceptibility;
  const pending = tr.siteFailPending;
  // one stream per site for its hourly draws: they happen in hour order, whatever else is
  // drawn; each site not pending draws every hour, whether or not the exp is needed
  const r = tr.siteRain();
  for (let i = 0; i < susceptibility.length; i++) {
    if (pending[i]) continue;
    const x = base * susceptibility[i]!;
    const u = r.next(i);
    if (u > x + FAIL_BOUND_SLACK) continue;
    // −x is (−base) × susceptibility, bit for bit: negation is exact
    if (u < 1 - Math.exp(-x)) {
      // the state of the slope at the end of this hour sets its hazard for the next one
      pending[i] = 1;
      tr.schedule(tr.now + 60 * r.next(i), { k: 'siteFail', site: i });
    }
  }
}

/** Sites go on watch while a signal is up, and are evacuated at the scenario's level. */
function updateWatch(tr: Trial, t: HazardTables): void {
  const rank = tr.warningRank();
  tr.watchedAtRank = rank;
  const evacuateRank = t.evacuateRank;
  const sites = tr.s.hazardSites;
  for (let i = 0; i < sites.length; i++) {
    const site = sites[i]!;
    const v = tr.sites.value(i);
    if (v === 'failed') continue;
    if (rank >= 1 && v === 'stable' && tr.sites.get(i).send({ type: 'WATCH' }) && tr.log.on) tr.log.add(tr.now, 'site.watch', { site: site.id });
    if (rank === 0 && v === 'watch.monitoring' && tr.sites.get(i).send({ type: 'CALM' }) && tr.log.on) tr.log.add(tr.now, 'site.calm', { site: site.id });
    if (rank >= evacuateRank && tr.sites.value(i) === 'watch.monitoring' && tr.sites.get(i).send({ type: 'EVACUATE' })) {
      if (tr.log.on) tr.log.add(tr.now, 'site.evacuated', { site: site.id, people: site.threatenedPeople });
      admitToShelter(tr, tr.world.siteVillage[i]!, site.threatenedPeople);
    }
  }
}

/**
 * A shock (the main one, or an aftershock): each site not yet failed fails with a logistic
 * probability in the local seismic intensity.
 */
export function onQuake(tr: Trial, shock: number): void {
  const q = tr.quake;
  const h = tr.s.hazard;
  if (!q || h.kind !== 'earthquake') return;
  const ls = tr.s.chain.landslide;
  const t = hazardTables(tr.world);
  const magnitude = q.shocks[shock]!.magnitude;
  if (tr.log.on) tr.log.add(tr.now, shock === 0 ? 'quake.mainshock' : 'quake.aftershock', { magnitude: round(magnitude, 2) });
  const sites = tr.s.hazardSites;
  for (let i = 0; i < sites.length; i++) {
    if (tr.siteFailPending[i]) continue;
    const site = sites[i]!;
    const r = tr.rngOnce('site', site.id, 'quake', shock);
    const u = r.next();
    // p = susceptibility ÷ (1 + e^…) with a divisor ≥ 1 never exceeds the susceptibility: a
    // draw at or above it cannot fail, and the distance, intensity and exp are spared
    if (u >= site.susceptibility) continue;
    const dx = t.eastKm[i]! - q.dxKm;
    const dy = t.northKm[i]! - q.dyKm;
    const R = Math.hypot(dx, dy);
    const I = h.attenuation.a + h.attenuation.b * magnitude - h.attenuation.c * Math.log(R + h.attenuation.r0);
    const p = site.susceptibility / (1 + Math.exp(-(I - ls.intensityAt50) / ls.intensitySpread));
    if (u < p) {
      tr.siteFailPending[i] = 1;
      tr.schedule(tr.now + 10 * r.next(), { k: 'siteFail', site: i });
    }
  }
}

/** A slope fails: people affected and hurt, roads cut, rescue and relief set in motion. */
export function onSiteFail(tr: Trial, i: number): void {
  const site = tr.s.hazardSites[i]!;
  const m = tr.sites.get(i);
  const evacuated = m.value === 'watch.evacuated';
  m.send({ type: 'FAIL' });
  tr.siteFailedAt[i] = tr.now;
  const r = tr.siteRng(i, 'consequences');
  const c = tr.s.chain.consequences;
  const affected = Math.round(site.threatenedPeople * sampleDist(r, c.affectedFraction));
  const deadMissing = Math.round(site.threatenedPeople * sampleDist(r, c.deadMissingRate) * (evacuated ? c.evacuatedFactor : 1));
  tr.failedSites++;
  tr.affectedPeople += affected;
  tr.deadMissing += deadMissing;
  // the homes of the people a failure affects are collapsed or badly damaged (assumed), in rooms
  tr.damagedRooms += Math.round((affected / PEOPLE_PER_HOUSEHOLD.value) * ROOMS_PER_HOUSEHOLD.value);
  tr.firstFailureAt = Math.min(tr.firstFailureAt, tr.now);
  if (tr.log.on) tr.log.add(tr.now, 'site.failed', { site: site.id, affected, deadMissing, evacuated });
  const village = tr.world.siteVillage[i]!;
  if (!evacuated && affected > 0) admitToShelter(tr, village, affected);
  const cuts = tr.world.siteCuts[i]!;
  for (let k = 0; k < cuts.length; k++) {
    const { link, probability } = cuts[k]!;
    if (link >= 0 && r.next() < probability) onRoadCut(tr, link, i, k);
  }
  if (!evacuated && (affected > 0 || deadMissing > 0)) {
    tr.siteNeedsRescue[i] = 1;
    dispatchRescue(tr, i);
  }
  if (affected > 0) requestRelief(tr, village, affected);
  // 灾害链: this failure may set off others (a breached levee floods the chemical park…)
  const tr2 = tr.world.siteTriggers[i]!;
  if (tr2.length > 0) {
    const rt = tr.siteRng(i, 'triggers');
    for (const trig of tr2) {
      const u = rt.next();
      const delay = sampleDist(rt, trig.delayHours);
      if (trig.site < 0 || u >= trig.probability || tr.siteFailPending[trig.site]) continue;
      tr.siteFailPending[trig.site] = 1;
      if (tr.log.on) tr.log.add(tr.now, 'chain.triggered', { from: site.id, to: tr.s.hazardSites[trig.site]!.id, delayHours: round(delay, 3) });
      tr.schedule(tr.now + delay * 60, { k: 'siteFail', site: trig.site });
    }
  }
  responseEvidence(tr);
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
