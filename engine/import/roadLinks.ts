import { polylineKm, roundTo, type LonLat } from './geo.ts';
import type { RoadClassDefault } from './roadClass.ts';
import type { Cut } from './roadJunctions.ts';
import type { PlacedLine, RoadLine } from './roadLines.ts';
import type { RoadNodes } from './roadNodes.ts';

export interface GraphLink {
  id: string;
  /** from the name attribute; undefined when the feature has none (the scenario names it after the places at its ends) */
  name?: { zh: string; en: string };
  from: string;
  to: string;
  lengthKm: number;
  speedKmh: number;
  trunk: boolean;
  /** feature index in the layer */
  feature: number;
  roadClass: RoadClassDefault;
  /** speed taken from the feature's speed attribute (else the class default) */
  speedFromAttribute: boolean;
  /** length taken from the feature's length_km attribute (a feature that is one link only; else measured) */
  lengthFromAttribute?: boolean;
  /** route code (G318 …) when the feature has one */
  ref?: string;
  coords: LonLat[];
}

/**
 * The links: the pieces of each line between its nodes (a piece from a node back to itself is
 * dropped when shorter than twice the tolerance, else split in two at an extra node), measured
 * along the geometry; named rN (feature N) or rN-k, except that a feature that stayed one link
 * keeps its link_id and length_km (export-gis → import).
 */
export function roadLinks(lines: readonly PlacedLine[], cuts: readonly Cut[][], at: RoadNodes, snapKm: number): GraphLink[] {
  const { nodes, endNode, nodeFor, extraNode } = at;
  const links: GraphLink[] = [];
  const perFeature = new Map<number, GraphLink[]>();
  const givenOf = new Map<GraphLink, RoadLine['given']>();
  const addLink = (l: PlacedLine, from: number, to: number, coords: LonLat[]) => {
    const pts: LonLat[] = [nodes[from]!.position, ...coords.slice(1, -1), nodes[to]!.position];
    const link: GraphLink = {
      id: '',
      ...(l.name ? { name: l.name } : {}),
      from: nodes[from]!.id,
      to: nodes[to]!.id,
      lengthKm: Math.max(0.001, roundTo(polylineKm(pts), 3)),
      speedKmh: l.speed ?? l.cls.speedKmh,
      trunk: l.cls.trunk,
      feature: l.feature,
      roadClass: l.cls,
      speedFromAttribute: l.speed !== undefined,
      ...(l.ref ? { ref: l.ref } : {}),
      coords: pts,
    };
    links.push(link);
    perFeature.set(l.feature, [...(perFeature.get(l.feature) ?? []), link]);
    givenOf.set(link, l.given);
  };
  lines.forEach((l, li) => {
    const stops: { seg: number; t: number; lonlat: LonLat; node: number }[] = [
      { seg: 0, t: 0, lonlat: l.coords[0]!, node: nodeFor(endNode[li]![0]) },
      ...cuts[li]!.map((c) => ({ seg: c.seg, t: c.t, lonlat: c.lonlat, node: nodeFor(c.node!) })),
      { seg: l.coords.length - 2, t: 1, lonlat: l.coords[l.coords.length - 1]!, node: nodeFor(endNode[li]![1]) },
    ];
    for (let k = 1; k < stops.length; k++) {
      const a = stops[k - 1]!;
      const b = stops[k]!;
      // vertices strictly between the two stops
      const inner: LonLat[] = [];
      for (let v = a.seg + 1; v <= b.seg; v++) {
        if (v === a.seg + 1 && a.t >= 1) continue; // a lies on this vertex
        if (v === b.seg && b.t <= 0) continue; // b lies on this vertex
        inner.push(l.coords[v]!);
      }
      const coords: LonLat[] = [a.lonlat, ...inner, b.lonlat];
      if (a.node === b.node) {
        // a piece that starts and ends at one node: drop it when shorter than the tolerance, else split a loop in two
        if (polylineKm(coords) <= 2 * snapKm) continue;
        const mid = Math.floor(coords.length / 2);
        const midPoint: LonLat = coords.length > 2 ? coords[mid]! : [(coords[0]![0] + coords[1]![0]) / 2, (coords[0]![1] + coords[1]![1]) / 2];
        const m = extraNode(midPoint);
        addLink(l, a.node, m, coords.length > 2 ? coords.slice(0, mid + 1) : [coords[0]!, midPoint]);
        addLink(l, m, b.node, coords.length > 2 ? coords.slice(mid) : [midPoint, coords[1]!]);
        continue;
      }
      addLink(l, a.node, b.node, coords);
    }
  });
  for (const [feature, ls] of perFeature) ls.forEach((x, k) => (x.id = ls.length === 1 ? `r${feature}` : `r${feature}-${k + 1}`));
  // a feature that stayed one link keeps its link_id and length_km (export-gis → import); an id is
  // taken when no other feature gives it and no link keeps it as its own id
  const single = [...perFeature.values()].filter((ls) => ls.length === 1).map((ls) => ls[0]!);
  const givenCount = new Map<string, number>();
  for (const l of single) if (givenOf.get(l)?.id) givenCount.set(givenOf.get(l)!.id!, (givenCount.get(givenOf.get(l)!.id!) ?? 0) + 1);
  const takes = new Set(single.filter((l) => givenCount.get(givenOf.get(l)?.id ?? '') === 1));
  for (let changed = true; changed; ) {
    changed = false;
    const kept = new Set(links.filter((l) => !takes.has(l)).map((l) => l.id));
    for (const l of takes) if (kept.has(givenOf.get(l)!.id!)) changed = takes.delete(l);
  }
  for (const l of single) {
    const g = givenOf.get(l);
    if (takes.has(l)) l.id = g!.id!;
    if (g?.lengthKm !== undefined) Object.assign(l, { lengthKm: g.lengthKm, lengthFromAttribute: true });
  }
  return links;
}
