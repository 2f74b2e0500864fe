import type { DivisionData } from './divisions.ts';
import type { LonLat } from './geo.ts';
import type { Elevation, ImportContext } from './importContext.ts';
import { REGISTERS } from './registerSpecs.ts';
import { parseRegister, type RegisterRow } from './registers.ts';

/** A village register row matched to its division code and snapped to the road network. */
export interface ImportedVillage {
  row: RegisterRow;
  d: DivisionData['villages'][number];
  position: LonLat;
  /** nearest road node (index) and how far, km */
  node: number;
  km: number;
  elevation: Elevation;
}

/** A township with imported villages, seated at its most populous one. */
export interface ImportedTownship {
  t: DivisionData['townships'][number];
  members: ImportedVillage[];
  seat: ImportedVillage;
  population: number;
}

/**
 * The villages register: each row matched by code, or by name (with its township where the name
 * is ambiguous), at most once; undefined (an error) when no register was given.
 */
export function importVillages(cx: ImportContext): ImportedVillage[] | undefined {
  const { input, problems, roads, county } = cx;
  const div = input.divisions;
  if (!input.villages) {
    problems.error('--villages', 'noVillagesRegister');
    return undefined;
  }
  const vs = input.villages;
  cx.addSource('villages', vs, '村（社区）名册');
  const vrows = parseRegister(vs, REGISTERS.villages, cx.register, problems);
  const byCode = new Map(div.villages.map((v) => [v.code, v]));
  const townshipByCode = new Map(div.townships.map((t) => [t.code, t]));
  const villages: ImportedVillage[] = [];
  const seenVillage = new Map<string, number>();
  for (const row of vrows) {
    const code = row.values.code as string | undefined;
    const name = row.values.name as string | undefined;
    const town = row.values.township as string | undefined;
    let d: DivisionData['villages'][number] | undefined;
    if (code !== undefined) {
      d = byCode.get(code.replace(/\s/g, ''));
      if (!d) {
        problems.error(vs.file, 'unknownVillage', { value: code, county: county.zh }, { row: row.row, column: row.columns.code! });
        continue;
      }
    } else if (name !== undefined) {
      let hits = div.villages.filter((v) => v.zh === name || v.en.toLowerCase() === name.toLowerCase());
      if (hits.length > 1 && town) hits = hits.filter((v) => { const t = townshipByCode.get(v.township); return t && (t.zh === town || t.en === town); });
      if (hits.length !== 1) {
        problems.error(vs.file, hits.length === 0 ? 'unknownVillage' : 'ambiguousVillage', { value: name, county: county.zh, count: hits.length }, { row: row.row, column: row.columns.name! });
        continue;
      }
      d = hits[0]!;
    } else {
      problems.error(vs.file, 'emptyCell', {}, { row: row.row, column: REGISTERS.villages.fields[1]!.zh });
      continue;
    }
    const first = seenVillage.get(d.code);
    if (first !== undefined) {
      problems.error(vs.file, 'duplicateRow', { first, value: d.zh }, { row: row.row });
      continue;
    }
    seenVillage.set(d.code, row.row);
    const position = row.values.position as LonLat;
    const nn = cx.nearestNode(position);
    const elevation: Elevation = typeof row.values.elevation === 'number' ? { m: row.values.elevation, from: 'file' } : cx.elevationAt(position, vs.file, row.row);
    if (nn.km > 2) problems.warn(vs.file, 'farFromRoad', { m: Math.round(nn.km * 1000), node: cx.nodeId(nn.index) }, { row: row.row });
    else if (!roads.mainNodes.has(cx.nodeId(nn.index))) problems.warn(vs.file, 'offMainNetwork', { node: cx.nodeId(nn.index) }, { row: row.row });
    villages.push({ row, d, position, node: nn.index, km: nn.km, elevation });
  }
  if (villages.length === 0 && problems.errorCount === 0) problems.error(vs.file, 'noVillages');
  return villages;
}

/** The townships that have imported villages (by code), each seated at its most populous village. */
export function townshipsOf(villages: readonly ImportedVillage[], div: DivisionData): ImportedTownship[] {
  const townshipByCode = new Map(div.townships.map((t) => [t.code, t]));
  const codes = [...new Set(villages.map((v) => v.d.township))].sort();
  return codes.map((code) => {
    const members = villages.filter((v) => v.d.township === code);
    const seat = [...members].sort((a, b) => (b.row.values.population as number) - (a.row.values.population as number) || a.row.row - b.row.row)[0]!;
    const t = townshipByCode.get(code) ?? { code, zh: code, en: code };
    return { t, members, seat, population: members.reduce((s, v) => s + (v.row.values.population as number), 0) };
  });
}

/** A village's scenario id: v + its 12-digit code. */
export const villageId = (v: ImportedVillage): string => `v${v.d.code}`;
