/**
 * What a builder's county has to answer with: relief items and stock, warehouses, teams and
 * shelters, as the scenario format writes them (key order fixed here, so the YAML does not move).
 * Pure. Item quantities per person come from the Sphere standards (see ITEM_PROVENANCE).
 */
import type { Bilingual, Township, Village } from './county.ts';
import { atTownship, atVillage } from './county.ts';
import { tri } from './rand.ts';

/** The four relief items of every shipped scenario (same provenance). */
export const ITEMS = [
  { id: 'tent', name: { zh: '救灾帐篷（12 m²）', en: 'relief tent (12 m²)' }, unit: { zh: '顶', en: 'tent' }, perPersonOnce: 0.29, perPersonPerDay: 0 },
  { id: 'quilt', name: { zh: '棉被', en: 'quilt' }, unit: { zh: '床', en: 'quilt' }, perPersonOnce: 1, perPersonPerDay: 0 },
  { id: 'food', name: { zh: '方便食品', en: 'instant food' }, unit: { zh: '份', en: 'portion' }, perPersonOnce: 0, perPersonPerDay: 3 },
  { id: 'water', name: { zh: '饮用水', en: 'drinking water' }, unit: { zh: '升', en: 'litre' }, perPersonOnce: 0, perPersonPerDay: 3 },
];
/** Stock for `people` relocated people: tents and quilts once, food and water for one day. */
export const stockFor = (people: number) => ({
  tent: Math.ceil(people * ITEMS[0]!.perPersonOnce),
  quilt: people * ITEMS[1]!.perPersonOnce,
  food: people * ITEMS[2]!.perPersonPerDay,
  water: people * ITEMS[3]!.perPersonPerDay,
});
export const ITEM_PROVENANCE = [
  { paths: ['reserves.items.0.perPersonOnce'], source: 'sphere2018', note: 'Sphere 3.5 m² covered space per person in a 12 m² relief tent (Red Cross standard) = 1/3.43 ≈ 0.29 tents per person.' },
  { paths: ['reserves.items.3.perPersonPerDay'], source: 'sphere2018', note: 'Survival drinking water 2.5–3 L per person per day (Sphere water supply standard 1); 3 L.' },
  { paths: ['reserves.items.1.perPersonOnce', 'reserves.items.2.perPersonPerDay'], source: 'assumed', note: 'One quilt per person (two in winter, common local catalogues, standards-cn S-4, M); three instant-food portions a day.' },
  { paths: ['reserves.items.0.perPersonPerDay', 'reserves.items.1.perPersonPerDay', 'reserves.items.2.perPersonOnce', 'reserves.items.3.perPersonOnce'], source: 'assumed', note: 'Tents and quilts are issued once, food and water daily.' },
];
/** Each delivery covers a day; adequacy over three days (every shipped scenario). */
export const COVER_DAYS_PROVENANCE = { paths: ['reserves.coverDaysPerDelivery', 'reserves.horizonCoverDays'], source: 'assumed', note: 'Each delivery covers one day of need; adequacy judged over the three-day horizon.' };

/** The scenario's `reserves`: the four items, the warehouses, a day a delivery, three days judged. */
export const reservesOut = (warehouses: unknown[]) => ({ items: ITEMS, warehouses, coverDaysPerDelivery: 1, horizonCoverDays: 3 });

export interface WarehouseIn {
  id: string;
  name: Bilingual;
  tier: 'county' | 'township' | 'village' | 'agreement';
  node: string;
  /** the store it is refilled from */
  parent?: string;
  /** item id → units */
  stock: Record<string, number>;
  /** distributions, hours */
  resupplyLeadHours: unknown;
  loadingHours: unknown;
  /** refill below this fraction of the initial stock; default 0.3 */
  reorderFraction?: number;
}
/**
 * A warehouse as the scenario writes it: id, name, tier, node, parent, stock, resupplyLeadHours,
 * reorderFraction, loadingHours (the default scenario writes parent after stock: parentAfterStock).
 */
export function warehouse(w: WarehouseIn, opts: { parentAfterStock?: boolean } = {}): Record<string, unknown> {
  const parent = w.parent ? { parent: w.parent } : {};
  const head = { id: w.id, name: w.name, tier: w.tier, node: w.node };
  const tail = { resupplyLeadHours: w.resupplyLeadHours, reorderFraction: w.reorderFraction ?? 0.3, loadingHours: w.loadingHours };
  return opts.parentAfterStock ? { ...head, stock: w.stock, ...parent, ...tail } : { ...head, ...parent, stock: w.stock, ...tail };
}

export type TeamTier = 'county' | 'professional' | 'township' | 'village';
export type Capability = 'rescue' | 'clearing';
export interface TeamOut {
  id: string;
  name: Bilingual;
  tier: TeamTier;
  node: string;
  /** people */
  size: number;
  capabilities: Capability[];
  /** distribution, hours from call-out to leaving base */
  mobilisationHours: unknown;
}
/** A team as the scenario writes it (key order fixed). */
export const team = (id: string, name: Bilingual, tier: TeamTier, node: string, size: number, capabilities: Capability[], mobilisationHours: unknown): TeamOut => ({
  id, name, tier, node, size, capabilities, mobilisationHours,
});

export interface TeamShape<P> {
  /** name after the place name: "应急救援队" / "emergency rescue team" */
  zh: string;
  en: string;
  /** people; called in order, so it may draw */
  size: (p: P, i: number) => number;
  /** default ['rescue'] */
  capabilities?: (p: P) => Capability[];
  /** default: township teams tri(0.5, 1, 2) h, village squads tri(0.25, 0.5, 1) h (assumed night call-out) */
  mobilisationHours?: () => unknown;
}
/** A team at each township seat, id `team-<township id>`, tier township, in township order. */
export function townshipTeams(ts: Township[], o: TeamShape<Township>): TeamOut[] {
  return ts.map((t, i) => team(`team-${t.id}`, atTownship(t, o.zh, o.en), 'township', t.node, o.size(t, i), o.capabilities?.(t) ?? ['rescue'], o.mobilisationHours?.() ?? tri(0.5, 1, 2)));
}
/** A squad at each village, id `team-<village id>`, tier village, in the order given. */
export function villageTeams(vs: Village[], o: TeamShape<Village>): TeamOut[] {
  return vs.map((v, i) => team(`team-${v.id}`, atVillage(v, o.zh, o.en), 'village', v.node, o.size(v, i), o.capabilities?.(v) ?? ['rescue'], o.mobilisationHours?.() ?? tri(0.25, 0.5, 1)));
}

export interface ShelterOut {
  id: string;
  name: Bilingual;
  node: string;
  /** people */
  capacity: number;
}
export const shelter = (id: string, name: Bilingual, node: string, capacity: number): ShelterOut => ({ id, name, node, capacity });
/** A shelter at each township seat, id `<prefix><township id>` (prefix default `sh-`); capacity called in order. */
export function townshipShelters(ts: Township[], zh: string, en: string, capacity: (t: Township) => number, prefix = 'sh-'): ShelterOut[] {
  return ts.map((t) => shelter(`${prefix}${t.id}`, atTownship(t, zh, en), t.node, capacity(t)));
}
/** A shelter at each village given, id `<prefix><village id>`; capacity called in order. */
export function villageShelters(vs: Village[], zh: string, en: string, capacity: (v: Village) => number, prefix = 'sh-'): ShelterOut[] {
  return vs.map((v) => shelter(`${prefix}${v.id}`, atVillage(v, zh, en), v.node, capacity(v)));
}

/** Sorted by id (the builders list generated places in code order). */
export const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : 1));
