/**
 * Shared parts of the county scenario builders (scripts/build-{lezhi,jingyan,shidian,pinghu}-
 * scenario.ts), split by concern under scripts/scenario-kit/ and re-exported here:
 *
 *   rand.ts        the seeded generator (mulberry32 keyed by "scenario:purpose"), round, tri, shares
 *   geo.ts         local km around the county centre, the county ellipse, relief
 *   county.ts      divisions placed on synthetic ground: seats, villages, populations, region/nodes
 *   roads.ts       the synthetic road network (trunk, village trees, cross-township detours)
 *   slopeSites.ts  滑坡/崩塌 sites above trunk roads and at steep villages
 *   resources.ts   items and stock, warehouses, teams, shelters in the format's key order
 *   response.ts    response ladder and end, shared targets, the catalogue of cited documents
 *   layout.ts      YAML layout, comments, the writer
 *   checks.ts      --calibrate: the engine over seeds 1…300, the default scenario's storm check
 *
 * Not a command: the builders import it. Deterministic: no Math.random, no clock; every random
 * choice comes from a generator keyed by (scenario, purpose), so changing one part leaves the
 * others as they were. Where the default scenario (lezhi) was built differently, an option keeps
 * its old behaviour and the default stays what the newer builders use, so no scenario's bytes move.
 */
export * from './scenario-kit/rand.ts';
export * from './scenario-kit/geo.ts';
export * from './scenario-kit/county.ts';
export * from './scenario-kit/roads.ts';
export * from './scenario-kit/slopeSites.ts';
export * from './scenario-kit/resources.ts';
export * from './scenario-kit/response.ts';
export * from './scenario-kit/layout.ts';
export * from './scenario-kit/checks.ts';
