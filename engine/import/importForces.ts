import type { ScenarioFile } from '../scenario/schema/scenario.ts';
import type { LonLat } from './geo.ts';
import type { ImportContext } from './importContext.ts';
import type { ImportedTownship } from './importVillages.ts';
import { CAPABILITIES, lookupWord, REGISTERS, TEAM_TIERS } from './registerSpecs.ts';
import { parseRegister } from './registers.ts';

type Capability = ScenarioFile['teams'][number]['capabilities'][number];

/**
 * The teams register: tier, size, capabilities (抢通、救援、扑火 and their synonyms), snapped to
 * the road network, mobilising in the template's hours for the tier. Without a register: a
 * county group at the county seat and a rescue team at each township seat (assumed).
 */
export function importTeams(cx: ImportContext, townships: readonly ImportedTownship[], countySeat: ImportedTownship | undefined): ScenarioFile['teams'] {
  const { input, problems, tpl, county } = cx;
  const teams: ScenarioFile['teams'] = [];
  if (!input.teams) {
    if (countySeat) {
      teams.push({ id: 'team-county', name: { zh: `${county.zh}综合应急救援大队`, en: `${county.en} emergency rescue group` }, tier: 'county', node: cx.nodeId(countySeat.seat.node), size: tpl.defaultTeamSize.county, capabilities: tpl.forest ? ['clearing', 'rescue', tpl.forest.teamCapability] : ['clearing', 'rescue'], mobilisationHours: tpl.mobilisation.county });
      for (const t of townships) teams.push({ id: `team-${t.t.code}`, name: { zh: `${t.t.zh}应急救援队`, en: `${t.t.en} rescue team` }, tier: 'township', node: cx.nodeId(t.seat.node), size: tpl.defaultTeamSize.township, capabilities: tpl.forest ? ['rescue', tpl.forest.teamCapability] : ['rescue'], mobilisationHours: tpl.mobilisation.township });
      cx.provenance.push({ paths: ['teams.*.size'], source: 'assumed', note: `No teams register (--teams): a county group of ${tpl.defaultTeamSize.county} (clearing and rescue) and a rescue team of ${tpl.defaultTeamSize.township} at each township seat.` });
    }
    return teams;
  }
  const tt = input.teams;
  cx.addSource('teams', tt, '应急救援队伍名册');
  for (const row of parseRegister(tt, REGISTERS.teams, cx.register, problems)) {
    const tier = lookupWord(TEAM_TIERS, row.values.tier as string);
    if (!tier) {
      problems.error(tt.file, 'unknownValue', { value: row.values.tier as string, allowed: '县级、乡镇、村、专业' }, { row: row.row, column: row.columns.tier! });
      continue;
    }
    const words = String(row.values.capabilities).split(/[、,，;；/\s]+/).filter((w) => w !== '');
    const caps = [...new Set(words.map((w) => lookupWord(CAPABILITIES, w)))];
    if (caps.some((c) => c === undefined) || caps.length === 0 || (row.values.size as number) < 1) {
      if ((row.values.size as number) < 1) problems.error(tt.file, 'outOfRange', { value: row.values.size as number, min: 1, max: 100000 }, { row: row.row, column: row.columns.size! });
      else problems.error(tt.file, 'unknownValue', { value: row.values.capabilities as string, allowed: '抢通、救援、扑火' }, { row: row.row, column: row.columns.capabilities! });
      continue;
    }
    const nn = cx.nearestNode(row.values.position as LonLat);
    if (nn.km > 2) problems.warn(tt.file, 'farFromRoad', { m: Math.round(nn.km * 1000), node: cx.nodeId(nn.index) }, { row: row.row });
    teams.push({
      id: `team-r${row.row}`,
      name: { zh: row.values.name as string, en: (row.values.nameEn as string | undefined) ?? `${county.en} team (row ${row.row})` },
      tier,
      node: cx.nodeId(nn.index),
      size: row.values.size as number,
      capabilities: caps as Capability[],
      mobilisationHours: tpl.mobilisation[tier],
    });
  }
  if (teams.length > 0) cx.provenance.push({ paths: ['teams.*.size'], source: 'teams', note: `${tt.file}: team team-rN is 第 N 行 (row N); column 人数 (size).` });
  return teams;
}

/** The shelters register: capacity given, or its area ÷ the template's m² per person (GB 21734-2008); snapped to the road network. */
export function importShelters(cx: ImportContext): ScenarioFile['shelters'] {
  const { input, problems, tpl, county } = cx;
  const shelters: ScenarioFile['shelters'] = [];
  if (!input.shelters) return shelters;
  let shelterFromArea = false;
  const sh = input.shelters;
  cx.addSource('shelters', sh, '应急避难场所名册');
  for (const row of parseRegister(sh, REGISTERS.shelters, cx.register, problems)) {
    let capacity = row.values.capacity as number | undefined;
    const fromArea = capacity === undefined;
    if (capacity === undefined && typeof row.values.area === 'number') capacity = Math.floor(row.values.area / tpl.shelterM2PerPerson);
    if (capacity === undefined) {
      problems.error(sh.file, 'emptyCell', {}, { row: row.row, column: REGISTERS.shelters.fields.find((f) => f.key === 'capacity')!.zh });
      continue;
    }
    const nn = cx.nearestNode(row.values.position as LonLat);
    if (nn.km > 2) problems.warn(sh.file, 'farFromRoad', { m: Math.round(nn.km * 1000), node: cx.nodeId(nn.index) }, { row: row.row });
    shelters.push({ id: `sh-r${row.row}`, name: { zh: row.values.name as string, en: (row.values.nameEn as string | undefined) ?? `${county.en} shelter (row ${row.row})` }, node: cx.nodeId(nn.index), capacity });
    if (fromArea) shelterFromArea = true;
  }
  if (shelters.length > 0)
    cx.provenance.push({
      paths: ['shelters.*.capacity'],
      source: 'shelters',
      note: `${sh.file}: shelter sh-rN is 第 N 行 (row N); the 容纳人数 (capacity) column, or where it is empty the 面积 (area) ÷ ${tpl.shelterM2PerPerson} m² per person (GB 21734-2008)${shelterFromArea ? '' : ' (no row needed it)'}.`,
    });
  return shelters;
}
