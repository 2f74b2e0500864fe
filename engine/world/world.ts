import { distMean, type DistSpec } from '../random/index.ts';
import type { Scenario } from '../scenario/schema/scenario.ts';
import { findBridges } from './bridges.ts';
import { buildRoadGraph, shortestPathTree, type RoadGraph } from './roadGraph.ts';
import { TreeCache } from './treeCache.ts';

/**
 * A scenario compiled for simulation: ids mapped to dense indices, the road graph in CSR
 * form, and per-entity lookups. Built once per (frozen) scenario and shared by every trial.
 */
export interface World {
  scenario: Scenario;
  graph: RoadGraph;
  nodeIndex: Map<string, number>;
  linkIndex: Map<string, number>;
  villageIndex: Map<string, number>;
  villageNode: Int32Array;
  linkTrunk: Uint8Array;
  /** for each site: village index and (link index, probability) pairs */
  siteVillage: Int32Array;
  siteCuts: { link: number; probability: number }[][];
  siteTriggers: { site: number; probability: number; delayHours: DistSpec }[][];
  warehouseNode: Int32Array;
  warehouseParent: Int32Array;
  itemCount: number;
  /** initial stock, warehouse-major: [w * itemCount + i] */
  initialStock: Float64Array;
  teamNode: Int32Array;
  teamCanClear: Uint8Array;
  teamCanRescue: Uint8Array;
  teamCanSuppress: Uint8Array;
  /** expected mobilisation minutes per team, used to rank candidates */
  teamExpectedMobilisation: Float64Array;
  shelterNode: Int32Array;
  /** per village: shelter indices by travel time on the intact network */
  villageShelters: Int32Array[];
  /**
   * Shortest-path trees by (root node, set of closed links), shared by every trial of this
   * world: trees are pure functions of that key, and most trials close only a few links.
   * Bounded (TREE_CACHE_LIMIT trees besides the intact ones); see TreeCache for how long a
   * tree it hands out stays valid.
   */
  treeCache: TreeCache;
  /** links whose closure disconnects the network (see trees.ts) */
  bridge: Uint8Array;
}

/**
 * Most trees kept per world besides the intact ones (16 bytes a node each: ≈ 5 KB for a
 * 300-node county, so ≈ 22 MB); the oldest are evicted and their arrays reused.
 */
export const TREE_CACHE_LIMIT = 4096;

const cache = new WeakMap<Scenario, World>();

/** Compiles (and caches) a validated scenario. Pure apart from the cache. */
export function compileWorld(s: Scenario): World {
  const hit = cache.get(s);
  if (hit) return hit;
  const nodeIndex = new Map(s.roads.nodes.map((n, i) => [n.id, i]));
  const linkIndex = new Map(s.roads.links.map((l, i) => [l.id, i]));
  const villageIndex = new Map(s.region.villages.map((v, i) => [v.id, i]));
  const siteIndex = new Map(s.hazardSites.map((h, i) => [h.id, i]));
  const node = (id: string) => {
    const i = nodeIndex.get(id);
    if (i === undefined) throw new Error(`unknown node ${id} (scenario not validated?)`);
    return i;
  };
  const graph = buildRoadGraph(
    s.roads.nodes.length,
    s.roads.links.map((l) => ({ from: node(l.from), to: node(l.to), minutes: (l.lengthKm / l.speedKmh) * 60 })),
  );
  const itemIds = s.reserves.items.map((it) => it.id);
  const whIndex = new Map(s.reserves.warehouses.map((w, i) => [w.id, i]));
  const initialStock = new Float64Array(s.reserves.warehouses.length * itemIds.length);
  s.reserves.warehouses.forEach((w, wi) =>
    itemIds.forEach((id, ii) => (initialStock[wi * itemIds.length + ii] = w.stock[id] ?? 0)),
  );
  const shelterNode = Int32Array.from(s.shelters.map((x) => node(x.node)));
  const villageNode = Int32Array.from(s.region.villages.map((v) => node(v.node)));
  const allOpen = new Uint8Array(graph.linkCount).fill(1);
  const treeCache = new Map<number, Float64Array>();
  const villageShelters = Array.from(villageNode, (vn) => {
    let dist = treeCache.get(vn);
    if (!dist) {
      dist = shortestPathTree(graph, allOpen, vn).dist;
      treeCache.set(vn, dist);
    }
    const d = dist;
    return Int32Array.from(
      s.shelters
        .map((_, k) => k)
        .filter((k) => Number.isFinite(d[shelterNode[k]!]!))
        .sort((a, b) => d[shelterNode[a]!]! - d[shelterNode[b]!]! || a - b),
    );
  });
  const world: World = {
    scenario: s,
    graph,
    nodeIndex,
    linkIndex,
    villageIndex,
    villageNode,
    linkTrunk: Uint8Array.from(s.roads.links.map((l) => (l.trunk ? 1 : 0))),
    siteVillage: Int32Array.from(s.hazardSites.map((h) => villageIndex.get(h.village) ?? -1)),
    siteCuts: s.hazardSites.map((h) => h.cuts.map((c) => ({ link: linkIndex.get(c.link) ?? -1, probability: c.probability }))),
    siteTriggers: s.hazardSites.map((h) =>
      (h.triggers ?? []).map((c) => ({ site: siteIndex.get(c.site) ?? -1, probability: c.probability, delayHours: c.delayHours })),
    ),
    warehouseNode: Int32Array.from(s.reserves.warehouses.map((w) => node(w.node))),
    warehouseParent: Int32Array.from(s.reserves.warehouses.map((w) => (w.parent === undefined ? -1 : whIndex.get(w.parent) ?? -1))),
    itemCount: itemIds.length,
    initialStock,
    teamNode: Int32Array.from(s.teams.map((t) => node(t.node))),
    teamCanClear: Uint8Array.from(s.teams.map((t) => (t.capabilities.includes('clearing') ? 1 : 0))),
    teamCanRescue: Uint8Array.from(s.teams.map((t) => (t.capabilities.includes('rescue') ? 1 : 0))),
    teamCanSuppress: Uint8Array.from(s.teams.map((t) => (t.capabilities.includes('fireSuppression') ? 1 : 0))),
    teamExpectedMobilisation: Float64Array.from(s.teams.map((t) => distMean(t.mobilisationHours) * 60)),
    shelterNode,
    villageShelters,
    treeCache: new TreeCache(TREE_CACHE_LIMIT),
    bridge: findBridges(graph),
  };
  cache.set(s, world);
  return world;
}
