/**
 * Hillslope hazard sites (滑坡/崩塌) for the rainstorm builders: some above the most susceptible
 * trunk roads, the rest at villages drawn ∝ relief². Pure; draws from Rand(ns, 'sites').
 */
import type { Bilingual, Village } from './county.ts';
import { pointSegmentDistance, relief, type XY } from './geo.ts';
import type { Link } from './roads.ts';
import { Rand, clamp, round, tri } from './rand.ts';

export interface Cut {
  link: string;
  /** probability that a failure blocks the link */
  probability: number;
}
export interface SlopeSite {
  id: string;
  v: Village;
  kind: 'landslide' | 'collapse';
  /** 村民小组 number, for the name */
  group: number;
  threatened: number;
  susceptibility: number;
  cuts: Cut[];
  onTrunk: boolean;
}

export interface SlopeSiteOptions {
  /** sites in all */
  count: number;
  /** of which above trunk roads (fewer when no village lies near enough) */
  trunkCount: number;
  /** a trunk site's village lies within this of the road, km */
  trunkNearKm: number;
  elevation: (p: XY) => number;
}

/**
 * The sites, ids gh01…: first those above trunk roads (the most susceptible trunk links, each
 * with its nearest unused village of either seat), then villages drawn ∝ relief². Threatened
 * people lognormal around 60 (10–300, at most a third of the village); susceptibility 0.2–0.95
 * from relative relief with noise.
 */
export function buildSlopeSites(vs: Village[], links: Link[], ns: string, o: SlopeSiteOptions): SlopeSite[] {
  const r = new Rand(ns, 'sites');
  const nodeXY = new Map<string, XY>();
  for (const v of vs) nodeXY.set(v.node, v.xy), nodeXY.set(v.t.node, v.t.xy);
  const used = new Set<string>();
  const sites: SlopeSite[] = [];
  const rough = new Map(vs.map((v) => [v.id, relief(o.elevation, v.xy)]));
  const maxRough = Math.max(...rough.values());
  const make = (v: Village, cuts: Cut[], onTrunk: boolean) => {
    used.add(v.id);
    const k = rough.get(v.id)! / maxRough;
    const threatened = clamp(Math.round(Math.exp(Math.log(60) + 0.8 * r.normal())), 10, 300);
    sites.push({
      id: '', v, kind: r.next() < 0.25 ? 'collapse' : 'landslide', group: r.int(1, 9),
      threatened: Math.min(threatened, Math.floor(v.population / 3)),
      susceptibility: round(clamp(0.25 + 0.6 * k + r.uniform(-0.1, 0.1), 0.2, 0.95), 2), cuts, onTrunk,
    });
  };
  const trunk = links.filter((l) => l.trunk && l.susceptibility > 0.05).sort((a, b) => b.susceptibility - a.susceptibility || (a.id < b.id ? -1 : 1));
  for (const l of trunk) {
    if (sites.length >= o.trunkCount) break;
    const a = nodeXY.get(l.from)!;
    const b = nodeXY.get(l.to)!;
    const near = vs.filter((v) => !used.has(v.id) && !v.community && (v.t.node === l.from || v.t.node === l.to)).sort((p, q) => pointSegmentDistance(p.xy, a, b) - pointSegmentDistance(q.xy, a, b))[0];
    if (!near || pointSegmentDistance(near.xy, a, b) > o.trunkNearKm) continue;
    make(near, [{ link: l.id, probability: round(r.uniform(0.4, 0.7), 2) }, { link: near.access, probability: round(r.uniform(0.2, 0.4), 2) }], true);
  }
  const pool = vs.filter((v) => !v.community && !used.has(v.id));
  while (sites.length < o.count) {
    const v = pool[r.weighted(pool.map((p) => (used.has(p.id) ? 0 : rough.get(p.id)! ** 2)))]!;
    const cuts: Cut[] = [{ link: v.access, probability: round(r.uniform(0.5, 0.9), 2) }];
    if (r.next() < 0.4) {
      const other = links.find((l) => l.id !== v.access && (l.from === v.node || l.to === v.node));
      const second = other?.id ?? vs.find((p) => p.node === v.parent)?.access;
      if (second) cuts.push({ link: second, probability: round(r.uniform(0.2, 0.5), 2) });
    }
    make(v, cuts, false);
  }
  sites.forEach((s, i) => (s.id = `gh${String(i + 1).padStart(2, '0')}`));
  return sites;
}

/** 滑坡/崩塌 and the English words the builders use for them. */
export const SLOPE_KIND_NAMES: Record<string, Bilingual> = {
  landslide: { zh: '滑坡', en: 'landslide' },
  collapse: { zh: '崩塌', en: 'rockfall' },
  debrisFlow: { zh: '泥石流', en: 'debris flow' },
};

/** A slope site as the scenario writes it: "<township><village><n>组滑坡" / "<village> (<township>) group n landslide". */
export function slopeSiteOut(s: { id: string; v: Village; kind: string; group: number; threatened: number; susceptibility: number; cuts: Cut[] }) {
  const k = SLOPE_KIND_NAMES[s.kind]!;
  return {
    id: s.id,
    name: { zh: `${s.v.t.d.zh}${s.v.d.zh}${s.group}组${k.zh}`, en: `${s.v.d.en} (${s.v.t.d.en}) group ${s.group} ${k.en}` },
    kind: s.kind, village: s.v.id, threatenedPeople: s.threatened, susceptibility: s.susceptibility, cuts: s.cuts,
  };
}

/** Provenance of buildSlopeSites' susceptibility (and of any relief-based site score). */
export const SITE_SUSCEPTIBILITY_PROVENANCE = { paths: ['hazardSites.*.susceptibility'], source: 'assumed', note: 'Relative 0–1 score from the local relief around the village, plus noise.' };

/**
 * The rainfall → small hillslope failure chain of the Sichuan rainstorm scenarios (乐至, 井研):
 * Caine's global threshold, a rate calibrated for a handful of failures per storm (乐至
 * --calibrate), small-slide consequences, search and clearing times. Its provenance: the
 * builder's (rule, rate) and SMALL_SLIDE_CHAIN_PROVENANCE (the rest).
 */
export const SMALL_SLIDE_CHAIN = {
  landslide: { rule: { type: 'intensityDuration', a: 14.82, b: 0.39 }, hourlyRateAtThreshold: 0.002, exponent: 1.5, intensityAt50: 8, intensitySpread: 0.7 },
  consequences: { affectedFraction: tri(0.3, 0.6, 1), deadMissingRate: tri(0, 0.005, 0.03), evacuatedFactor: 0.1 },
  rescue: { onSiteHours: tri(2, 4, 8) },
  clearing: { hours: { dist: 'lognormal', median: 3, sigma: 0.5, max: 24 }, trunkFactor: 1.2 },
};
export const SMALL_SLIDE_CHAIN_PROVENANCE = [
  { paths: ['chain.consequences.**'], source: 'assumed', note: 'Small hillslope failures: 30–100% of the threatened people affected; up to 3% of those still in place dead or missing; evacuation cuts casualties tenfold.' },
  { paths: ['chain.rescue.**', 'chain.clearing.**'], source: 'assumed', note: 'Search at a small slide 2–8 h; a loader reopens a blocked road in about 3 h (median), trunk slides 20% longer.' },
];
