/**
 * Where each import problem lies, for the map: a point (a dangling end, a self-crossing, a register
 * row's own 经度/纬度) and/or the road features it names (the feature itself, or every feature
 * of a piece not connected to the main network). A problem with neither (a missing column, an
 * empty geometry) is listed only. Pure.
 */
import type { LonLat } from '../../../engine/import/geo.ts';
import type { ImportProblem } from '../../../engine/import/importProblem.ts';
import type { ImportOutcome } from '../../import/importCounty.ts';
import { rowPositions } from './importFiles.ts';

export interface ProblemMark {
  /** index in the problem list */
  index: number;
  severity: 'error' | 'warning';
  at?: LonLat;
  /** road feature indexes to draw highlighted */
  features: number[];
}

const lonLat = (p: ImportProblem): LonLat | undefined => {
  const lon = Number(p.params.lon);
  const lat = Number(p.params.lat);
  return 'lon' in p.params && 'lat' in p.params && Number.isFinite(lon) && Number.isFinite(lat) ? [lon, lat] : undefined;
};

export function problemMarks(outcome: ImportOutcome): ProblemMark[] {
  const rows = new Map<string, Map<number, LonLat>>();
  for (const sheet of Object.values(outcome.sheets)) if (sheet) rows.set(sheet.file, rowPositions(sheet));
  const roadsFile = outcome.graph?.file;
  return outcome.problems.items.map((p, index) => {
    let at = lonLat(p);
    if (!at && p.row !== undefined) at = rows.get(p.file)?.get(p.row);
    const features: number[] = [];
    if (p.file === roadsFile && p.feature !== undefined) {
      if (p.key === 'disconnected') features.push(...String(p.params.features).split(/[,\s…]+/).filter((x) => /^\d+$/.test(x)).map(Number));
      else features.push(p.feature);
    }
    return { index, severity: p.severity, ...(at ? { at } : {}), features };
  });
}

/** The points of a road feature's geometry (LineString or MultiLineString), longitude–latitude only. */
export function featureLines(geometry: { type: string; coordinates?: unknown } | null): LonLat[][] {
  if (!geometry || !Array.isArray(geometry.coordinates)) return [];
  const parts = geometry.type === 'LineString' ? [geometry.coordinates] : geometry.type === 'MultiLineString' ? geometry.coordinates : [];
  return (parts as unknown[])
    .filter(Array.isArray)
    .map((part) => (part as unknown[]).filter((q): q is LonLat => Array.isArray(q) && Number.isFinite(q[0]) && Number.isFinite(q[1]) && Math.abs(q[0] as number) <= 180 && Math.abs(q[1] as number) <= 90));
}
