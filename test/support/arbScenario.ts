/**
 * fast-check arbitraries for random VALID yanlian scenarios (schemaVersion 1), as plain objects.
 *
 * Every field is drawn within the range the schema allows (engine/scenario/schema/*.ts) and every
 * cross reference points at something that exists, so `loadScenario(stringify(x))` must succeed
 * (warnings such as unreachable nodes or a missing team capability are allowed: they are legal).
 *
 * Distribution specs: a field held by `boundedDist(lo, hi)` must have its whole support inside
 * [lo, hi] (primitives.ts `distSupport`). So `fixed`, `uniform`, `triangular`, `normal` with both
 * clamps, `lognormal` with a `max` (only where lo ≤ 0) and `bernoulli` (only where [0, 1] ⊂
 * [lo, hi]) are generated. `exponential`, `gamma` and `poisson` have support [0, ∞) and no clamp,
 * so no field of schema v1 can hold them: they only appear in the corruption tests (as errors).
 *
 * Two deliberate narrowings, for run time only (documented where they are drawn):
 * horizons above 240 h are rare, and `coverDaysPerDelivery` is ≥ 0.5 (the schema allows (0, 30];
 * a tiny value schedules a relief round every few minutes for every affected village).
 */
import fc from 'fast-check';
import type { DistSpec } from '../../engine/random/distSpec.ts';
import type { Scenario } from '../../engine/scenario/schema/scenario.ts';

type LocalText = { zh: string; en: string };
type Condition = Scenario['response']['endAll'][number];
type Metric = Condition['metric'];

/** `-0` → `0`, so YAML round trips and deep equality do not trip over signed zero. */
const noNegZero = (x: number): number => x + 0;

/** Finite double in [min, max]; with `gt`, in (min, max]. */
export function num(min: number, max: number, gt = false): fc.Arbitrary<number> {
  return fc.double({ min, max, noNaN: true, minExcluded: gt }).map(noNegZero);
}

/** Mostly readable numbers (integers, two decimals) with some raw doubles, in [min, max] ((min, max] with gt). */
export function niceNum(min: number, max: number, gt = false): fc.Arbitrary<number> {
  const arbs: fc.WeightedArbitrary<number>[] = [{ weight: 2, arbitrary: num(min, max, gt) }];
  const lo = Math.ceil(gt ? min + 1e-9 : min);
  const hi = Math.floor(max);
  if (lo <= hi) arbs.push({ weight: 2, arbitrary: fc.integer({ min: lo, max: Math.min(hi, 2 ** 31 - 1) }) });
  const lo2 = Math.ceil(min * 100 + (gt ? 1e-9 : 0));
  const hi2 = Math.floor(max * 100);
  if (lo2 <= hi2 && Math.abs(lo2) < 2 ** 31 && Math.abs(hi2) < 2 ** 31)
    arbs.push({ weight: 2, arbitrary: fc.integer({ min: lo2, max: hi2 }).map((k) => noNegZero(k / 100)) });
  return fc.oneof(...arbs);
}

const int = (min: number, max: number) => fc.integer({ min, max });
/** People counts: mostly small, sometimes up to the schema limit. */
const people = (min = 0) => fc.oneof({ weight: 4, arbitrary: int(min, 3000) }, { weight: 1, arbitrary: int(min, 50_000_000) });

/** Sorted pair lo ≤ a ≤ b ≤ hi. */
const range2 = (lo: number, hi: number) =>
  fc.tuple(niceNum(lo, hi), niceNum(lo, hi)).map(([a, b]) => (a <= b ? [a, b] : [b, a]) as [number, number]);
const range3 = (lo: number, hi: number) =>
  fc.tuple(niceNum(lo, hi), niceNum(lo, hi), niceNum(lo, hi)).map((xs) => xs.sort((p, q) => p - q) as [number, number, number]);

/**
 * A distribution spec whose every value lies in [lo, hi] — valid for `boundedDist(lo, hi)`.
 * Uses every kind that such a field can hold (see the file comment).
 */
export function arbDist(lo: number, hi: number): fc.Arbitrary<DistSpec> {
  const span = hi - lo;
  const kinds: fc.Arbitrary<DistSpec>[] = [
    niceNum(lo, hi).map((value) => ({ dist: 'fixed', value })),
    range2(lo, hi).map(([min, max]) => ({ dist: 'uniform', min, max })),
    range3(lo, hi).map(([min, mode, max]) => ({ dist: 'triangular', min, mode, max })),
    // mean anywhere (even outside the clamps), any sd ≥ 0: the clamps keep it in range
    fc
      .record({ mean: niceNum(lo - span, hi + span), sd: fc.oneof(niceNum(0, span), num(0, 1e12)), mm: range2(lo, hi) })
      .map(({ mean, sd, mm: [min, max] }) => ({ dist: 'normal', mean, sd, min, max })),
  ];
  if (lo <= 0)
    kinds.push(
      fc
        .record({ median: fc.oneof(niceNum(0, hi, true), num(0, 1e6, true)), sigma: niceNum(0, 5), max: niceNum(0, hi) })
        .map(({ median, sigma, max }) => ({ dist: 'lognormal', median, sigma, max })),
    );
  if (lo <= 0 && hi >= 1) kinds.push(niceNum(0, 1).map((p) => ({ dist: 'bernoulli', p })));
  return fc.oneof(...kinds);
}

const ZH_NAMES = ['甲镇', '乙镇', '丙村', '丁家湾', '石桥', '青龙场', '白鹤林', '双河口', '测试县', '滑坡隐患点'];
const arbText: fc.Arbitrary<LocalText> = fc.record({
  zh: fc.oneof(fc.constantFrom(...ZH_NAMES), fc.tuple(fc.constantFrom(...ZH_NAMES), fc.string({ minLength: 1, maxLength: 6 })).map(([a, b]) => a + b)),
  en: fc.oneof(fc.constantFrom('Jia Town', 'Yi Village', 'Stone Bridge', "O'Neil's road", 'a: b # not a comment', '- dash'), fc.string({ minLength: 1, maxLength: 12 })),
});

/** An ASCII id: a prefix and index (unique per kind) and an optional tail after "_". */
const idTail = fc.oneof(
  { weight: 3, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z0-9_.-]{1,6}$/).map((s) => '_' + s) },
);
const ids = (prefix: string, n: number) => fc.array(idTail, { minLength: n, maxLength: n }).map((tails) => tails.map((t, i) => `${prefix}${i}${t}`));

const METRICS: Metric[] = ['deadMissing', 'affectedPeople', 'failedSites', 'cutLinks', 'cutTrunkLinks', 'warningLevel', 'villagesAwaitingRelief'];
const arbCondition: fc.Arbitrary<Condition> = fc.record({
  metric: fc.constantFrom(...METRICS),
  op: fc.constantFrom('>=', '<=', '==', '>', '<'),
  value: fc.oneof({ weight: 4, arbitrary: int(-1, 40) }, { weight: 1, arbitrary: num(-1e6, 1e6) }),
});

const LEVELS = ['blue', 'yellow', 'orange', 'red'] as const;
/** Rainstorm signals: distinct levels whose rate (mm per window hour) never falls as the level rises. */
const arbWarnings: fc.Arbitrary<Scenario['warnings']> = fc
  .record({
    levels: fc.subarray([...LEVELS], { minLength: 1 }),
    raw: fc.array(fc.record({ windowHours: int(1, 72), thresholdMm: niceNum(0, 1000, true) }), { minLength: 4, maxLength: 4 }),
    cancelAfterDryHours: int(1, 72),
    evacuateAt: fc.constantFrom(...LEVELS),
  })
  .map(({ levels, raw, cancelAfterDryHours, evacuateAt }) => {
    const byRate = raw.slice(0, levels.length).sort((a, b) => a.thresholdMm / a.windowHours - b.thresholdMm / b.windowHours);
    const rainstorm = levels.map((level, i) => ({ level, ...byRate[i]! }));
    // list order does not matter to the engine; reverse sometimes to show it
    if (raw[0]!.windowHours % 2 === 0) rainstorm.reverse();
    return { rainstorm, cancelAfterDryHours, evacuateAt };
  });

const RESPONSE_LEVELS = ['IV', 'III', 'II', 'I'] as const;
const arbResponse: fc.Arbitrary<Scenario['response']> = fc.record({
  levels: fc
    .shuffledSubarray([...RESPONSE_LEVELS], { minLength: 1 })
    .chain((lv) => fc.tuple(...lv.map((level) => fc.array(arbCondition, { minLength: 1, maxLength: 3 }).map((startAny) => ({ level, startAny }))))),
  deescalateAfterHours: niceNum(0, 720),
  endAll: fc.array(arbCondition, { minLength: 1, maxLength: 3 }),
  endAfterHours: niceNum(0, 720),
});

const arbRainstorm: fc.Arbitrary<Scenario['hazard']> = fc.record({
  kind: fc.constant('rainstorm' as const),
  onsetHour: fc.oneof(arbDist(0, 6), arbDist(0, 720)),
  durationHours: fc.oneof(arbDist(1, 24), arbDist(1, 240)),
  peakIntensityMmPerHour: fc.oneof(arbDist(0, 120), arbDist(0, 300)),
  peakPosition: arbDist(0, 1),
  hourlyNoiseSigma: niceNum(0, 2),
});

const arbChain: fc.Arbitrary<Scenario['chain']> = fc.record({
  landslide: fc.record({
    rule: fc.oneof(
      fc.record({ type: fc.constant('intensityDuration' as const), a: fc.oneof(niceNum(0, 60, true), num(0, 1e6, true)), b: niceNum(0, 2) }),
      fc.record({ type: fc.constant('cumulative' as const), thresholdMm: niceNum(0, 2000, true) }),
    ),
    hourlyRateAtThreshold: niceNum(0, 5),
    exponent: niceNum(0, 10),
    intensityAt50: niceNum(4, 12),
    intensitySpread: niceNum(0, 3, true),
  }),
  consequences: fc.record({
    affectedFraction: arbDist(0, 1),
    deadMissingRate: arbDist(0, 1),
    evacuatedFactor: niceNum(0, 1),
  }),
  rescue: fc.record({ onSiteHours: fc.oneof(arbDist(0, 12), arbDist(0, 240)) }),
  clearing: fc.record({ hours: fc.oneof(arbDist(0, 24), arbDist(0, 720)), trunkFactor: niceNum(0, 5, true) }),
});

/** Sizes of one scenario. */
export interface ScenarioSizes {
  townships: number;
  villages: number;
  nodes: number;
  links: number;
  sites: number;
  items: number;
  warehouses: number;
  teams: number;
  shelters: number;
  targets: number;
  /** start with a random spanning tree, so every node is reachable */
  connected: boolean;
  hazard: 'rainstorm' | 'earthquake';
}

export const arbSizes: fc.Arbitrary<ScenarioSizes> = fc.record({
  townships: int(1, 4),
  villages: int(1, 10),
  nodes: int(2, 12),
  links: int(1, 16),
  sites: int(0, 8),
  items: int(1, 4),
  warehouses: int(1, 5),
  teams: int(1, 4),
  shelters: int(0, 4),
  targets: int(0, 6),
  connected: fc.boolean(),
  hazard: fc.constantFrom('rainstorm', 'earthquake'),
});

/** A random valid scenario of the given sizes. */
export function arbScenarioOfSize(sz: ScenarioSizes): fc.Arbitrary<Scenario> {
  const nodeIdx = int(0, sz.nodes - 1);
  // a "county": positions within ±0.5° of a centre well inside China's box
  const centre = fc.tuple(niceNum(74, 135), niceNum(4, 53));
  const offset = fc.tuple(num(-0.5, 0.5), num(-0.5, 0.5));
  const elevation = fc.oneof(niceNum(200, 1500), niceNum(-200, 8900));

  const links = fc
    .tuple(
      fc.array(int(0, 1_000_000), { minLength: sz.nodes - 1, maxLength: sz.nodes - 1 }),
      fc.array(fc.tuple(nodeIdx, int(0, sz.nodes - 2)), { minLength: sz.links, maxLength: sz.links }),
    )
    .map(([tree, extra]) => {
      const pairs: [number, number][] = [];
      if (sz.connected) tree.forEach((r, k) => pairs.push([k + 1, r % (k + 1)])); // node k+1 joins an earlier one
      for (const [from, to0] of extra) pairs.push([from, to0 >= from ? to0 + 1 : to0]); // never a self-loop
      return pairs.slice(0, Math.max(sz.links, sz.connected ? sz.nodes - 1 : 1));
    });

  return fc
    .record({
      id: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,20}$/),
      name: arbText,
      description: arbText,
      start: fc.oneof(
        fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2090-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString()),
        fc
          .record({ y: int(2000, 2040), mo: int(1, 12), d: int(1, 28), h: int(0, 23), mi: int(0, 59), off: fc.constantFrom('+08:00', '-05:30', 'Z', '+00:00') })
          .map(({ y, mo, d, h, mi, off }) => `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:00${off}`),
      ),
      // mostly short drills; long horizons are rarer (run time)
      horizonHours: fc.oneof(
        { weight: 3, arbitrary: niceNum(0, 72, true) },
        { weight: 2, arbitrary: niceNum(72, 240) },
        { weight: 1, arbitrary: niceNum(240, 1440) },
      ),
      withSource: fc.boolean(),
      terrain: fc.constantFrom('plain', 'hilly', 'mountainous', 'coastal'),
      centre,
      regionName: arbText,
      countyCode: fc.option(fc.stringMatching(/^\d{6}$/), { nil: undefined }),
      nodeIds: ids('n', sz.nodes),
      nodes: fc.array(fc.record({ off: offset, elevationM: fc.option(elevation, { nil: undefined }) }), { minLength: sz.nodes, maxLength: sz.nodes }),
      townshipIds: ids('t', sz.townships),
      townships: fc.array(
        fc.record({ name: arbText, code: fc.option(fc.stringMatching(/^\d{9,12}$/), { nil: undefined }), population: people(), off: offset, elevationM: elevation, node: nodeIdx }),
        { minLength: sz.townships, maxLength: sz.townships },
      ),
      villageIds: ids('v', sz.villages),
      villages: fc.array(
        fc.record({
          name: arbText,
          code: fc.option(fc.stringMatching(/^\d{9,12}$/), { nil: undefined }),
          township: int(0, sz.townships - 1),
          population: people(),
          off: offset,
          elevationM: elevation,
          node: nodeIdx,
        }),
        { minLength: sz.villages, maxLength: sz.villages },
      ),
      linkIds: ids('l', Math.max(sz.links, sz.connected ? sz.nodes - 1 : 1)),
      linkPairs: links,
      linkProps: fc.array(
        fc.record({
          name: fc.option(arbText, { nil: undefined }),
          lengthKm: fc.oneof(niceNum(0.5, 30), niceNum(0, 500, true)),
          speedKmh: fc.oneof(niceNum(10, 80), niceNum(0, 130, true)),
          trunk: fc.boolean(),
          susceptibility: niceNum(0, 1),
        }),
        { minLength: 16, maxLength: 16 + 12 },
      ),
      siteIds: ids('gh', sz.sites),
      sites: fc.array(
        fc.record({
          name: arbText,
          kind: fc.constantFrom('landslide', 'collapse', 'debrisFlow'),
          village: int(0, sz.villages - 1),
          threatenedPeople: people(),
          susceptibility: niceNum(0, 1),
          cuts: fc.array(fc.record({ link: int(0, 1_000_000), probability: niceNum(0, 1) }), { maxLength: 3 }),
        }),
        { minLength: sz.sites, maxLength: sz.sites },
      ),
      hazard:
        sz.hazard === 'rainstorm'
          ? arbRainstorm
          : fc
              .record({
                hour: fc.oneof(arbDist(0, 24), arbDist(0, 720)),
                magnitude: arbDist(3, 9.5),
                epOff: fc.tuple(num(-1, 1), num(-1, 1)),
                epicentreJitterKm: niceNum(0, 200),
                attenuation: fc.oneof(
                  // plausible Chinese attenuation coefficients …
                  fc.record({ a: niceNum(0, 6), b: niceNum(0.5, 2), c: niceNum(0, 5), r0: niceNum(0, 40) }),
                  // … and anything the schema lets through
                  fc.record({ a: num(-1e6, 1e6), b: num(-1e6, 1e6), c: num(-1e6, 1e6), r0: num(0, 1e6) }),
                ),
              })
              .map((q) => ({ kind: 'earthquake' as const, ...q })),
      chain: arbChain,
      warnings: arbWarnings,
      response: arbResponse,
      itemIds: ids('it', sz.items),
      items: fc.array(fc.record({ name: arbText, unit: arbText, perPersonOnce: fc.oneof(niceNum(0, 3), niceNum(0, 100)), perPersonPerDay: fc.oneof(niceNum(0, 5), niceNum(0, 100)) }), {
        minLength: sz.items,
        maxLength: sz.items,
      }),
      whIds: ids('wh', sz.warehouses),
      // warehouse k (in resupply order) may draw on any warehouse before it: acyclic by construction
      whOrder: fc.shuffledSubarray(
        Array.from({ length: sz.warehouses }, (_, i) => i),
        { minLength: sz.warehouses, maxLength: sz.warehouses },
      ),
      warehouses: fc.array(
        fc.record({
          name: arbText,
          tier: fc.constantFrom('county', 'township', 'village', 'agreement'),
          node: nodeIdx,
          stock: fc.array(fc.option(fc.oneof({ weight: 3, arbitrary: int(0, 2000) }, { weight: 1, arbitrary: int(0, 100_000_000) }), { nil: undefined }), {
            minLength: sz.items,
            maxLength: sz.items,
          }),
          parent: fc.option(int(0, 1_000_000), { nil: undefined }),
          resupplyLeadHours: fc.oneof(arbDist(0, 24), arbDist(0, 720)),
          reorderFraction: niceNum(0, 1),
          loadingHours: fc.oneof(arbDist(0, 4), arbDist(0, 48)),
        }),
        { minLength: sz.warehouses, maxLength: sz.warehouses },
      ),
      // ≥ 0.5 for run time; the schema allows (0, 30]
      coverDaysPerDelivery: niceNum(0.5, 30),
      horizonCoverDays: niceNum(0, 60, true),
      teamIds: ids('team', sz.teams),
      teams: fc.array(
        fc.record({
          name: arbText,
          tier: fc.constantFrom('county', 'township', 'village', 'professional'),
          node: nodeIdx,
          size: people(1),
          capabilities: fc.oneof(
            fc.shuffledSubarray(['clearing', 'rescue'] as const, { minLength: 1 }).map((c) => [...c]),
            fc.array(fc.constantFrom('clearing' as const, 'rescue' as const), { minLength: 1, maxLength: 3 }), // repeats are legal
          ),
          mobilisationHours: fc.oneof(arbDist(0, 3), arbDist(0, 48)),
        }),
        { minLength: sz.teams, maxLength: sz.teams },
      ),
      shelterIds: ids('sh', sz.shelters),
      shelters: fc.array(fc.record({ name: arbText, node: nodeIdx, capacity: people() }), { minLength: sz.shelters, maxLength: sz.shelters }),
      targetIds: ids('tg', sz.targets),
      targets: fc.array(
        fc.record({
          name: arbText,
          kind: fc.constantFrom('reliefWithin', 'trunkReopenWithin', 'rescueArrivalWithin', 'responseWithin'),
          hours: fc.oneof(niceNum(0, 24, true), niceNum(0, 720, true)),
        }),
        { minLength: sz.targets, maxLength: sz.targets },
      ),
    })
    .map((g): Scenario => {
      const [lon0, lat0] = g.centre;
      const pos = ([dx, dy]: [number, number]): [number, number] => [noNegZero(lon0 + dx), noNegZero(lat0 + dy)];
      const nodeId = (i: number) => g.nodeIds[i]!;
      const linkIds = g.linkIds.slice(0, g.linkPairs.length);
      const whRank = g.whOrder; // whRank[k] = list position of the k-th warehouse in resupply order
      const warehouses: Scenario['reserves']['warehouses'] = new Array(sz.warehouses);
      g.warehouses.forEach((w, k) => {
        const stock: Record<string, number> = {};
        w.stock.forEach((q, i) => q !== undefined && (stock[g.itemIds[i]!] = q));
        warehouses[whRank[k]!] = {
          id: g.whIds[whRank[k]!]!,
          name: w.name,
          tier: w.tier,
          node: nodeId(w.node),
          stock,
          ...(k > 0 && w.parent !== undefined ? { parent: g.whIds[whRank[w.parent % k]!]! } : {}),
          resupplyLeadHours: w.resupplyLeadHours,
          reorderFraction: w.reorderFraction,
          loadingHours: w.loadingHours,
        };
      });
      const scenario: Scenario = {
        schemaVersion: 1,
        id: g.id,
        name: g.name,
        description: g.description,
        start: g.start,
        horizonHours: g.horizonHours,
        sources: g.withSource ? { src0: { title: 'Generated test source', url: 'https://example.org/x' } } : {},
        provenance: [{ paths: ['**'], source: g.withSource ? 'src0' : 'assumed', note: 'Random property-test scenario.' }],
        region: {
          name: g.regionName,
          ...(g.countyCode !== undefined ? { code: g.countyCode } : {}),
          terrain: g.terrain,
          townships: g.townships.map((t, i) => ({
            id: g.townshipIds[i]!,
            name: t.name,
            ...(t.code !== undefined ? { code: t.code } : {}),
            population: t.population,
            position: pos(t.off),
            elevationM: t.elevationM,
            node: nodeId(t.node),
          })),
          villages: g.villages.map((v, i) => ({
            id: g.villageIds[i]!,
            name: v.name,
            ...(v.code !== undefined ? { code: v.code } : {}),
            township: g.townshipIds[v.township]!,
            population: v.population,
            position: pos(v.off),
            elevationM: v.elevationM,
            node: nodeId(v.node),
          })),
        },
        roads: {
          nodes: g.nodes.map((n, i) => ({ id: nodeId(i), position: pos(n.off), ...(n.elevationM !== undefined ? { elevationM: n.elevationM } : {}) })),
          links: g.linkPairs.map(([from, to], i) => {
            const p = g.linkProps[i % g.linkProps.length]!;
            return {
              id: linkIds[i]!,
              ...(p.name !== undefined ? { name: p.name } : {}),
              from: nodeId(from),
              to: nodeId(to),
              lengthKm: p.lengthKm,
              speedKmh: p.speedKmh,
              trunk: p.trunk,
              susceptibility: p.susceptibility,
            };
          }),
        },
        hazardSites: g.sites.map((s, i) => ({
          id: g.siteIds[i]!,
          name: s.name,
          kind: s.kind,
          village: g.villageIds[s.village]!,
          threatenedPeople: s.threatenedPeople,
          susceptibility: s.susceptibility,
          cuts: s.cuts.map((c) => ({ link: linkIds[c.link % linkIds.length]!, probability: c.probability })),
        })),
        hazard:
          g.hazard.kind === 'rainstorm'
            ? g.hazard
            : (() => {
                const q = g.hazard as Extract<typeof g.hazard, { epOff: unknown }>;
                return {
                  kind: 'earthquake' as const,
                  hour: q.hour,
                  magnitude: q.magnitude,
                  epicentre: pos(q.epOff),
                  epicentreJitterKm: q.epicentreJitterKm,
                  attenuation: q.attenuation,
                };
              })(),
        chain: g.chain,
        warnings: g.warnings,
        response: g.response,
        reserves: {
          items: g.items.map((it, i) => ({ id: g.itemIds[i]!, ...it })),
          warehouses,
          coverDaysPerDelivery: g.coverDaysPerDelivery,
          horizonCoverDays: g.horizonCoverDays,
        },
        teams: g.teams.map((t, i) => ({ id: g.teamIds[i]!, name: t.name, tier: t.tier, node: nodeId(t.node), size: t.size, capabilities: t.capabilities, mobilisationHours: t.mobilisationHours })),
        shelters: g.shelters.map((s, i) => ({ id: g.shelterIds[i]!, name: s.name, node: nodeId(s.node), capacity: s.capacity })),
        targets: g.targets.map((t, i) => ({ id: g.targetIds[i]!, name: t.name, kind: t.kind, hours: t.hours })),
      };
      return scenario;
    });
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A random valid scenario (plain object, not frozen). */
export const arbScenario: fc.Arbitrary<Scenario> = arbSizes.chain(arbScenarioOfSize);
