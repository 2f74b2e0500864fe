import { WARNING_LEVELS } from '../machines/rainWarning.machine.ts';
import type { World } from '../world/world.ts';

/**
 * Constants of the hourly tick and the shocks (hazards.ts) that depend on the compiled world
 * alone, computed once per world and shared by every trial: each is the very value the
 * handlers used to compute per hour (or per site and shock), so results stay bit-identical.
 */
export interface HazardTables {
  /** per site: its susceptibility (0–1) */
  susceptibility: Float64Array;
  /** per rainstorm warning rule: the rank of its level in WARNING_LEVELS */
  warningRank: Int8Array;
  /**
   * the longest warning window (hours), or −1 when some threshold is not above zero: after
   * that many dry hours (or when no rain has fallen yet) every window sums to 0 and no
   * threshold is reached
   */
  quietAfter: number;
  /**
   * no rain falls (a fire season or an earthquake: the hourly rainfall is all zeros) and every
   * warning threshold is above zero: no hourly tick sends the warning anything or sums a window
   */
  rainless: boolean;
  /** rank of the warning level at which watched sites are evacuated */
  evacuateRank: number;
  /** intensity–duration landslide rule: D^−b by hours of rain D, filled as asked (Math.pow's own value) */
  negPowD: number[];
  /**
   * earthquake: per site, its village's offset east and north of the epicentre (km, before the
   * drawn epicentre shift), as onQuake's flat-earth formula computes them; empty otherwise
   */
  eastKm: Float64Array;
  northKm: Float64Array;
  /** fire season: the forest compartments (site indices) and their susceptibilities, the weights an ignition picks by */
  forests: number[];
  forestWeights: number[];
  /** the sum of forestWeights, and per danger period the sum of its level weights (as `pick` added them up) */
  forestTotal: number;
  dangerTotals: number[];
}

const tables = new WeakMap<World, HazardTables>();
let lastWorld: World | null = null;
let lastTables: HazardTables | null = null;

/** The world's hazard tables (cached per world; the last one beside the map, as the tick asks every hour). */
export function hazardTables(w: World): HazardTables {
  if (w === lastWorld) return lastTables!;
  let t = tables.get(w);
  if (!t) tables.set(w, (t = build(w)));
  lastWorld = w;
  lastTables = t;
  return t;
}

function build(w: World): HazardTables {
  const s = w.scenario;
  const rules = s.warnings.rainstorm;
  const eastKm = new Float64Array(s.hazard.kind === 'earthquake' ? s.hazardSites.length : 0);
  const northKm = new Float64Array(eastKm.length);
  if (s.hazard.kind === 'earthquake') {
    const [lon0, lat0] = s.hazard.epicentre;
    for (let i = 0; i < eastKm.length; i++) {
      const v = s.region.villages[w.siteVillage[i]!]!;
      // the same operations in the same order as onQuake's dx and dy, less the drawn shift
      eastKm[i] = (v.position[0] - lon0) * 111.32 * Math.cos((lat0 * Math.PI) / 180);
      northKm[i] = (v.position[1] - lat0) * 110.57;
    }
  }
  const forests: number[] = [];
  const forestWeights: number[] = [];
  s.hazardSites.forEach((site, i) => {
    if (site.kind === 'forest' && site.forest) forests.push(i), forestWeights.push(site.susceptibility);
  });
  const sum = (weights: readonly number[]) => weights.reduce((a, b) => a + b, 0);
  const quietAfter = rules.every((x) => x.thresholdMm > 0) ? Math.max(0, ...rules.map((x) => x.windowHours)) : -1;
  return {
    susceptibility: Float64Array.from(s.hazardSites, (site) => site.susceptibility),
    warningRank: Int8Array.from(rules, (r) => WARNING_LEVELS.indexOf(r.level)),
    quietAfter,
    rainless: s.hazard.kind !== 'rainstorm' && quietAfter >= 0,
    evacuateRank: WARNING_LEVELS.indexOf(s.warnings.evacuateAt),
    negPowD: [],
    eastKm,
    northKm,
    forests,
    forestWeights,
    forestTotal: sum(forestWeights),
    dangerTotals: s.hazard.kind === 'fireSeason' ? s.hazard.danger.periods.map((p) => sum(p.weights)) : [],
  };
}
