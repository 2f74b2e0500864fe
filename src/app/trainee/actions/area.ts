import type { MapInfo } from '../../net/types.ts';

/** Whether a township is in this position's jurisdiction ('county' covers all). Pure. */
export function inArea(map: MapInfo, township: string | undefined): boolean {
  const j = map.you?.jurisdiction;
  if (!j) return false;
  return j === 'county' || (township !== undefined && j.includes(township));
}

/** Hazard sites in the position's jurisdiction. Pure. */
export function sitesInArea(map: MapInfo): MapInfo['hazardSites'] {
  const tw = new Map(map.region.villages.map((v) => [v.id, v.township]));
  return map.hazardSites.filter((s) => inArea(map, tw.get(s.village)));
}

/** Villages in the position's jurisdiction. Pure. */
export function villagesInArea(map: MapInfo): MapInfo['region']['villages'] {
  return map.region.villages.filter((v) => inArea(map, v.township));
}

/** The stores this position holds (MapInfo.you.warehouses), in map order. Pure. */
export function ownWarehouses(map: MapInfo): MapInfo['warehouses'] {
  return map.warehouses.filter((w) => map.you?.warehouses.includes(w.id));
}
