import { closestOnSegment, GridIndex, roundTo, segmentCrossing, type LocalPlane, type LonLat, type XY } from './geo.ts';
import type { ProblemList } from './importProblem.ts';
import type { PlacedLine } from './roadLines.ts';

/** A point where a line is cut: segment index and parameter along it; `node` is its point's number once numbered. */
export interface Cut {
  seg: number;
  t: number;
  xy: XY;
  lonlat: LonLat;
  node?: number;
}

/**
 * Where each line must be cut (per line, unsorted): at crossings with other lines (both cut)
 * and where a line's end lies within the tolerance of another line (a T-junction: the other
 * line cut at the closest point); `crossings` counts the crossings away from line ends. A line
 * crossing itself is a located error: undefined. Two links of an exported graph (both with a
 * link_id) are never cut against each other: such a crossing is a bridge.
 */
export function junctionCuts(lines: readonly PlacedLine[], plane: LocalPlane, snapKm: number, file: string, problems: ProblemList): { cuts: Cut[][]; crossings: number } | undefined {
  // segments on a grid; crossings between lines (split both) and within a line (an error)
  const cell = Math.max(0.25, snapKm * 4);
  const grid = new GridIndex<number>(cell);
  const segs: { line: number; seg: number }[] = [];
  lines.forEach((l, li) =>
    l.xy.slice(1).forEach((b, si) => {
      const a = l.xy[si]!;
      grid.add(segs.length, Math.min(a[0], b[0]) - snapKm, Math.min(a[1], b[1]) - snapKm, Math.max(a[0], b[0]) + snapKm, Math.max(a[1], b[1]) + snapKm);
      segs.push({ line: li, seg: si });
    }),
  );
  const cuts: Cut[][] = lines.map(() => []);
  const cutAt = (li: number, seg: number, t: number): Cut => {
    const l = lines[li]!;
    const a = l.xy[seg]!;
    const b = l.xy[seg + 1]!;
    const xy: XY = [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
    const c: Cut = { seg, t, xy, lonlat: plane.toLonLat(xy) };
    cuts[li]!.push(c);
    return c;
  };
  const crossingPoints = new Set<string>();
  const selfCrossed = new Set<number>();
  segs.forEach((s1, k1) => {
    const l1 = lines[s1.line]!;
    const a = l1.xy[s1.seg]!;
    const b = l1.xy[s1.seg + 1]!;
    for (const k2 of grid.inBox(Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1]))) {
      if (k2 <= k1) continue;
      const s2 = segs[k2]!;
      const l2 = lines[s2.line]!;
      if (s2.line === s1.line && Math.abs(s2.seg - s1.seg) <= 1) continue;
      // two links of an exported graph (both with link_id) were already split at every junction: a crossing is a bridge
      if (s2.line !== s1.line && l1.given?.id && l2.given?.id) continue;
      // between two roads a crossing may pass through a vertex (inclusive); within one road only a proper crossing counts
      const x = segmentCrossing(a, b, l2.xy[s2.seg]!, l2.xy[s2.seg + 1]!, s2.line === s1.line ? 1e-9 : -1e-12);
      if (!x) continue;
      if (s2.line === s1.line) {
        if (!selfCrossed.has(s1.line)) {
          selfCrossed.add(s1.line);
          const p = plane.toLonLat([a[0] + x[0] * (b[0] - a[0]), a[1] + x[0] * (b[1] - a[1])]);
          problems.error(file, 'selfCrossing', { lon: roundTo(p[0], 5), lat: roundTo(p[1], 5) }, { feature: l1.feature });
        }
        continue;
      }
      const c1 = cutAt(s1.line, s1.seg, x[0]);
      cutAt(s2.line, s2.seg, x[1]);
      const atEnd = (line: PlacedLine, seg: number, t: number) => (seg === 0 && t <= 1e-9) || (seg === line.xy.length - 2 && t >= 1 - 1e-9);
      if (!atEnd(l1, s1.seg, x[0]) && !atEnd(l2, s2.seg, x[1])) crossingPoints.add(`${Math.round(c1.xy[0] * 1e5)},${Math.round(c1.xy[1] * 1e5)}`);
    }
  });
  if (selfCrossed.size > 0) return undefined;

  // an end within the tolerance of another line (T-junction): cut that line at the closest point
  const ends: { li: number; xy: XY; lonlat: LonLat; first: boolean }[] = [];
  lines.forEach((l, li) => {
    ends.push({ li, xy: l.xy[0]!, lonlat: l.coords[0]!, first: true });
    ends.push({ li, xy: l.xy[l.xy.length - 1]!, lonlat: l.coords[l.coords.length - 1]!, first: false });
  });
  for (const e of ends) {
    let best: { k: number; t: number; km: number } | undefined;
    for (const k of grid.near(e.xy, snapKm)) {
      const s = segs[k]!;
      if (s.line === e.li || (lines[e.li]!.given?.id && lines[s.line]!.given?.id)) continue;
      const l = lines[s.line]!;
      const c = closestOnSegment(e.xy, l.xy[s.seg]!, l.xy[s.seg + 1]!);
      if (c.km <= snapKm && (!best || c.km < best.km)) best = { k, ...c };
    }
    if (!best) continue;
    const s = segs[best.k]!;
    const last = lines[s.line]!.xy.length - 2;
    if ((s.seg === 0 && best.t === 0) || (s.seg === last && best.t === 1)) continue; // its own end: clustering joins them
    cutAt(s.line, s.seg, best.t);
  }
  return { cuts, crossings: crossingPoints.size };
}
