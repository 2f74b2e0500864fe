import type { ScenarioFile } from '../scenario/schema/scenario.ts';
import type { RoadGraph } from './buildRoadGraph.ts';
import type { DivisionData } from './divisions.ts';
import { planeKm, roundTo, type LonLat, type XY } from './geo.ts';
import type { ProblemList } from './importProblem.ts';
import type { RegisterContext, SheetData } from './registers.ts';
import type { ImportTemplate } from './rainstormTemplate.ts';

/** What `yanlian import` read: the division table, the road layer, the registers given, the template. */
export interface ImportInput {
  divisions: DivisionData;
  roads: RoadGraph;
  villages?: SheetData;
  sites?: SheetData;
  stores?: SheetData;
  teams?: SheetData;
  shelters?: SheetData;
  template: ImportTemplate;
  /** a hazard site threatens the links within this distance, m (default 200) */
  bufferM?: number;
  /** elevation model: metres at a position, undefined outside it */
  dem?: { file: string; at(p: LonLat): number | undefined };
}

export type Provenance = ScenarioFile['provenance'][number];

/** A position's nearest road node and how far it is, km. */
export interface NodeSnap {
  index: number;
  km: number;
}

export interface Elevation {
  m: number;
  from: 'dem' | 'flat' | 'file';
}

/**
 * What every register's import shares: the input, the problems found, the sources and provenance
 * entries written so far (in the scenario's order), and lookups on the road layer.
 */
export interface ImportContext {
  readonly input: ImportInput;
  readonly problems: ProblemList;
  readonly tpl: ImportTemplate;
  readonly roads: RoadGraph;
  readonly county: DivisionData['county'];
  /** a hazard site threatens the links within this distance, km */
  readonly bufferKm: number;
  /** where a register's positions must lie: the road layer's extent and a margin */
  readonly register: RegisterContext;
  readonly sources: ScenarioFile['sources'];
  readonly provenance: Provenance[];
  /** each road node's plane position, km */
  readonly nodeXY: XY[];
  /** names a register as a source: `${zh} ${file}（导入）` */
  addSource(id: string, sheet: SheetData, zh: string): void;
  /** the nearest road node (ties: a node on the main network) */
  nearestNode(p: LonLat): NodeSnap;
  /** a road node's id */
  nodeId(i: number): string;
  /** the DEM's elevation at p; the template's flat one outside it or without a DEM (warned) */
  elevationAt(p: LonLat, file: string, row: number): Elevation;
}

/** Degrees around the road layer within which registers' positions are accepted. */
const BOUNDS_MARGIN = 0.02;

/** The shared import state over `input`; problems go to `problems`. */
export function importContext(input: ImportInput, problems: ProblemList): ImportContext {
  const { divisions: div, roads, template: tpl } = input;
  const b = roads.bounds;
  const sources: ScenarioFile['sources'] = {
    gb2260: { title: `统计用区划代码（${div.source}）`, standard: 'GB/T 2260 + 统计用区划代码' },
    roads: { title: `道路图层 ${roads.file}（导入）`, file: roads.file },
  };
  const nodeXY = roads.nodes.map((n) => roads.plane.toXY(n.position));
  let warnedDem = false;
  return {
    input,
    problems,
    tpl,
    roads,
    county: div.county,
    bufferKm: (input.bufferM ?? 200) / 1000,
    register: { bounds: { minLon: b.minLon - BOUNDS_MARGIN, maxLon: b.maxLon + BOUNDS_MARGIN, minLat: b.minLat - BOUNDS_MARGIN, maxLat: b.maxLat + BOUNDS_MARGIN } },
    sources,
    provenance: [],
    nodeXY,
    addSource: (id, sheet, zh) => void (sources[id] = { title: `${zh} ${sheet.file}（导入）`, file: sheet.file }),
    nearestNode(p) {
      const xy = roads.plane.toXY(p);
      let best: NodeSnap = { index: 0, km: Infinity };
      nodeXY.forEach((q, i) => {
        const km = planeKm(xy, q);
        if (km < best.km || (km === best.km && roads.mainNodes.has(roads.nodes[i]!.id) && !roads.mainNodes.has(roads.nodes[best.index]!.id))) best = { index: i, km };
      });
      return best;
    },
    nodeId: (i) => roads.nodes[i]!.id,
    elevationAt(p, file, row) {
      if (input.dem) {
        const m = input.dem.at(p);
        if (m !== undefined && Number.isFinite(m)) return { m: roundTo(m, 0), from: 'dem' };
        problems.warn(file, 'outsideDem', { lon: p[0], lat: p[1], m: tpl.flatElevationM }, { row });
        return { m: tpl.flatElevationM, from: 'flat' };
      }
      if (!warnedDem) {
        warnedDem = true;
        problems.warn(file, 'noDem', { m: tpl.flatElevationM });
      }
      return { m: tpl.flatElevationM, from: 'flat' };
    },
  };
}
