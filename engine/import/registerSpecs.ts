/**
 * The five register formats: columns (Chinese header first, English and other common headers
 * accepted), types and units. The one table the parser, the `--templates` workbooks and
 * docs/import.md read. Pure data.
 */
import type { FieldSpec, RegisterSpec } from './registers.ts';

const LON: FieldSpec = { key: 'lon', zh: '经度', en: 'longitude', aliases: ['lon', 'lng', 'x', '东经'], type: 'lon', required: true };
const LAT: FieldSpec = { key: 'lat', zh: '纬度', en: 'latitude', aliases: ['lat', 'y', '北纬'], type: 'lat', required: true };
const POS: FieldSpec = { key: 'position', zh: '经纬度', en: 'position', aliases: ['坐标', '位置', 'lonlat'], type: 'position' };
const NAME: FieldSpec = { key: 'name', zh: '名称', en: 'name', aliases: [], type: 'text', required: true };
const NAME_EN: FieldSpec = { key: 'nameEn', zh: '英文名称', en: 'name_en', aliases: ['英文名'], type: 'text' };

export const VILLAGES: RegisterSpec = {
  id: 'villages',
  fields: [
    { key: 'code', zh: '区划代码', en: 'code', aliases: ['代码', '村代码', '统计用区划代码', 'division_code'], type: 'text' },
    { key: 'name', zh: '村（社区）', en: 'village', aliases: ['村名', '名称', '村（社区）名称', '村社区', 'name'], type: 'text' },
    { key: 'township', zh: '乡镇（街道）', en: 'township', aliases: ['乡镇', '所属乡镇', '镇', '街道'], type: 'text' },
    { key: 'population', zh: '人口', en: 'population', aliases: ['常住人口', '户籍人口', '总人口', '人数'], type: 'int', required: true, max: 5_000_000 },
    LON,
    LAT,
    POS,
    { key: 'elevation', zh: '高程', en: 'elevation', aliases: ['海拔', 'elevation_m', '高程m'], type: 'number', min: -200, max: 8900 },
  ],
};

export const SITES: RegisterSpec = {
  id: 'sites',
  fields: [
    { key: 'code', zh: '编号', en: 'id', aliases: ['隐患点编号', '统一编号', 'code'], type: 'text' },
    NAME,
    NAME_EN,
    { key: 'kind', zh: '类型', en: 'kind', aliases: ['灾种', '灾害类型', '隐患类型', 'type'], type: 'text', required: true },
    { key: 'scale', zh: '规模等级', en: 'scale', aliases: ['规模', '险情等级', '等级'], type: 'text' },
    { key: 'people', zh: '威胁人数', en: 'threatened_people', aliases: ['受威胁人数', '威胁人口', 'people'], type: 'int', required: true, max: 1_000_000 },
    { key: 'property', zh: '威胁财产', en: 'threatened_property', aliases: ['威胁财产万元', '受威胁财产'], type: 'number', min: 0 },
    { key: 'village', zh: '所在村', en: 'village', aliases: ['村（社区）', '所在村（社区）', '村'], type: 'text' },
    { key: 'susceptibility', zh: '易发性', en: 'susceptibility', aliases: [], type: 'number', min: 0, max: 1 },
    // written by export-gis: "r3:0.62；r5:0.4" replaces the buffer search, so a round trip keeps the cuts
    { key: 'cuts', zh: '阻断路段', en: 'cuts', aliases: ['cut_links'], type: 'text' },
    LON,
    LAT,
    POS,
    // a forest compartment (类型 林区, `--template fire-season`): what the fire model needs
    { key: 'areaHa', zh: '林区面积', en: 'area_ha', aliases: ['面积（公顷）', '面积(公顷)', '面积公顷', '林地面积', '小班面积'], type: 'number', min: 0.01, max: 100_000 },
    { key: 'fuelFactor', zh: '可燃物系数', en: 'fuel_factor', aliases: ['可燃物更正系数', 'Ks'], type: 'number', min: 0.01, max: 5 },
    { key: 'slopeDeg', zh: '坡度', en: 'slope_deg', aliases: ['平均坡度', '坡度（度）', '坡度(度)'], type: 'number', min: 0, max: 60 },
    { key: 'walkIn', zh: '进山时间', en: 'walk_in_hours', aliases: ['步行时间', '进山时间（小时）', '进山时间(小时)'], type: 'number', min: 0, max: 24 },
    { key: 'walkInMin', zh: '进山时间最短', en: 'walk_in_min', aliases: [], type: 'number', min: 0, max: 24 },
    { key: 'walkInMax', zh: '进山时间最长', en: 'walk_in_max', aliases: [], type: 'number', min: 0, max: 24 },
    { key: 'wuiDistanceM', zh: '距村距离', en: 'wui_distance_m', aliases: ['交界距离', '距居民点距离', '距村距离（米）', '距村距离(米)'], type: 'number', min: 0, max: 50_000 },
  ],
};

export const STORES: RegisterSpec = {
  id: 'stores',
  extraColumns: true,
  fields: [
    NAME,
    NAME_EN,
    { key: 'tier', zh: '级别', en: 'tier', aliases: ['层级', '仓库级别', '类型'], type: 'text', required: true },
    { key: 'parent', zh: '上级仓库', en: 'parent', aliases: ['上级', '补给来源'], type: 'text' },
    LON,
    LAT,
    POS,
  ],
};

export const TEAMS: RegisterSpec = {
  id: 'teams',
  fields: [
    NAME,
    NAME_EN,
    { key: 'tier', zh: '类型', en: 'tier', aliases: ['级别', '队伍类型', 'type'], type: 'text', required: true },
    { key: 'size', zh: '人数', en: 'size', aliases: ['队员人数', '规模'], type: 'int', required: true, max: 100_000 },
    { key: 'capabilities', zh: '能力', en: 'capabilities', aliases: ['专长', '任务', '救援能力'], type: 'text', required: true },
    LON,
    LAT,
    POS,
  ],
};

export const SHELTERS: RegisterSpec = {
  id: 'shelters',
  fields: [
    NAME,
    NAME_EN,
    { key: 'capacity', zh: '容纳人数', en: 'capacity', aliases: ['可容纳人数', '容量'], type: 'int', max: 1_000_000 },
    { key: 'area', zh: '面积', en: 'area_m2', aliases: ['有效面积', '有效避难面积', 'area'], type: 'number', min: 0, max: 10_000_000 },
    LON,
    LAT,
    POS,
  ],
};

export const REGISTERS = { villages: VILLAGES, sites: SITES, stores: STORES, teams: TEAMS, shelters: SHELTERS } as const;

/** Cell words for enumerated columns → scenario values. */
export const SITE_KINDS: Record<string, 'landslide' | 'collapse' | 'debrisFlow' | 'waterlogging' | 'forest'> = {
  滑坡: 'landslide',
  不稳定斜坡: 'landslide',
  landslide: 'landslide',
  崩塌: 'collapse',
  危岩: 'collapse',
  危岩崩塌: 'collapse',
  collapse: 'collapse',
  rockfall: 'collapse',
  泥石流: 'debrisFlow',
  debrisflow: 'debrisFlow',
  内涝: 'waterlogging',
  内涝点: 'waterlogging',
  waterlogging: 'waterlogging',
  林区: 'forest',
  林班: 'forest',
  小班: 'forest',
  森林: 'forest',
  forest: 'forest',
};
export const STORE_TIERS: Record<string, 'county' | 'township' | 'village' | 'agreement'> = {
  县级: 'county', 县: 'county', 县本级: 'county', county: 'county',
  乡镇: 'township', 乡镇级: 'township', 乡级: 'township', township: 'township',
  村: 'village', 村级: 'village', 村储备点: 'village', village: 'village',
  协议: 'agreement', 协议代储: 'agreement', 协议储备: 'agreement', agreement: 'agreement',
};
export const TEAM_TIERS: Record<string, 'county' | 'township' | 'village' | 'professional'> = {
  县级: 'county', 县: 'county', county: 'county',
  乡镇: 'township', 乡镇级: 'township', township: 'township',
  村: 'village', 村级: 'village', village: 'village',
  专业: 'professional', 专业队伍: 'professional', 消防: 'professional', professional: 'professional',
};
export const CAPABILITIES: Record<string, 'clearing' | 'rescue' | 'fireSuppression'> = {
  抢通: 'clearing', 道路抢通: 'clearing', 抢险: 'clearing', clearing: 'clearing',
  救援: 'rescue', 搜救: 'rescue', 抢险救援: 'rescue', rescue: 'rescue',
  扑火: 'fireSuppression', 灭火: 'fireSuppression', 森林灭火: 'fireSuppression', firesuppression: 'fireSuppression',
};
/** 规模等级 words (地质灾害防治条例 险情 classes). */
export const SCALES = ['小型', '中型', '大型', '特大型'] as const;

/** Looks a cell word up in a table (trimmed, case-insensitive). */
export function lookupWord<T>(table: Record<string, T>, word: string): T | undefined {
  const w = word.trim().toLowerCase();
  const k = Object.keys(table).find((x) => x.toLowerCase() === w);
  return k === undefined ? undefined : table[k];
}
