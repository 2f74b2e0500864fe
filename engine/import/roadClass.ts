/**
 * Road classes and their default speeds: the one table the importer, its messages and the docs
 * read (docs/import.md prints it). A `速度`/`speed` attribute on a feature overrides the default.
 * Pure.
 */

export interface RoadClassDefault {
  id: string;
  zh: string;
  en: string;
  /** normal travel speed, km/h */
  speedKmh: number;
  /** 干线公路: national, provincial and county roads (and motorways) */
  trunk: boolean;
  /** attribute values that mean this class (matched after trimming, case-insensitive) */
  values: readonly string[];
  /** first letter of a GB/T 917 route code (G318, S205, X101, Y004, C012, Z001) */
  routeLetter?: string;
}

/**
 * Speeds are assumed typical travel speeds in a hilly county, below the design speeds of
 * JTG B01-2014 for the usual technical grade of each administrative class (国道 mostly 二级 60–80,
 * 县道 三级 30–40 …); a county with measured speeds should give a 速度 column.
 */
export const ROAD_CLASSES: readonly RoadClassDefault[] = [
  { id: 'motorway', zh: '高速公路', en: 'motorway', speedKmh: 100, trunk: true, values: ['高速公路', '高速', 'motorway', 'motorway_link'], routeLetter: undefined },
  { id: 'national', zh: '国道', en: 'national road', speedKmh: 70, trunk: true, values: ['国道', '国道公路', 'trunk', 'trunk_link'], routeLetter: 'G' },
  { id: 'provincial', zh: '省道', en: 'provincial road', speedKmh: 60, trunk: true, values: ['省道', '省道公路', 'primary', 'primary_link'], routeLetter: 'S' },
  { id: 'county', zh: '县道', en: 'county road', speedKmh: 50, trunk: true, values: ['县道', '县道公路', 'secondary', 'secondary_link'], routeLetter: 'X' },
  { id: 'township', zh: '乡道', en: 'township road', speedKmh: 40, trunk: false, values: ['乡道', '乡道公路', 'tertiary', 'tertiary_link'], routeLetter: 'Y' },
  { id: 'village', zh: '村道', en: 'village road', speedKmh: 30, trunk: false, values: ['村道', '村道公路', '村级公路', 'unclassified', 'residential', 'road'], routeLetter: 'C' },
  { id: 'special', zh: '专用公路', en: 'special-purpose road', speedKmh: 30, trunk: false, values: ['专用公路', '专用道路', 'service'], routeLetter: 'Z' },
  { id: 'track', zh: '机耕道', en: 'track', speedKmh: 15, trunk: false, values: ['机耕道', '机耕路', '生产路', 'track'] },
];

/** Class used when a feature has no class or an unknown one. */
export const DEFAULT_ROAD_CLASS: RoadClassDefault = ROAD_CLASSES.find((c) => c.id === 'village')!;

/** Attribute names read as the road class, in order of preference (case-insensitive). */
export const CLASS_ATTRIBUTES = ['道路等级', '行政等级', '公路等级', '等级', '类别', '道路类别', '技术等级', 'class', 'fclass', 'highway', 'roadclass', 'road_class', 'level', 'grade', 'type'] as const;
/** Attribute names read as the route code (GB/T 917: G318, S205, X101 …). */
export const REF_ATTRIBUTES = ['路线编号', '编号', '路线代码', 'ref', 'route', 'code'] as const;
/** Attribute names read as the road name. */
export const NAME_ATTRIBUTES = ['名称', '道路名称', '路名', '路线名称', 'name', 'roadname', 'road_name', 'name_zh'] as const;
/** Attribute names read as the English road name. */
export const NAME_EN_ATTRIBUTES = ['name_en', 'name:en', '英文名称', '英文名'] as const;
/** Attribute names read as a measured speed, km/h. */
export const SPEED_ATTRIBUTES = ['速度', '设计速度', '车速', '通行速度', 'speed', 'maxspeed', 'speed_kmh'] as const;

/** Attribute names read as the link's id (as `yanlian export-gis` writes it), so a round trip keeps the ids. */
export const LINK_ID_ATTRIBUTES = ['link_id', '路段编号'] as const;
/** Attribute names read as a length in km (as `yanlian export-gis` writes it); metres are never assumed. */
export const LENGTH_ATTRIBUTES = ['length_km', '长度km', '里程km'] as const;

/** The value of the first present attribute of `names`, matched case-insensitively. Pure. */
export function attribute(props: Readonly<Record<string, unknown>> | null | undefined, names: readonly string[]): { name: string; value: string } | undefined {
  if (!props) return undefined;
  const keys = Object.keys(props);
  for (const want of names) {
    const k = keys.find((x) => x.trim().toLowerCase() === want.toLowerCase());
    if (k === undefined) continue;
    const v = props[k];
    if (v === null || v === undefined) continue;
    const s = String(v).trim();
    if (s !== '') return { name: k, value: s };
  }
  return undefined;
}

/** The class meant by a class attribute value or a route code; undefined when neither says. Pure. */
export function roadClassOf(value: string | undefined, ref: string | undefined): RoadClassDefault | undefined {
  if (value !== undefined) {
    const v = value.trim().toLowerCase();
    const hit = ROAD_CLASSES.find((c) => c.values.some((x) => x.toLowerCase() === v));
    if (hit) return hit;
    // "G318国道", "X101 县道": a class word inside a longer value
    const inside = ROAD_CLASSES.find((c) => c.values.some((x) => x.length >= 2 && /[^\x00-\x7f]/.test(x) && value.includes(x)));
    if (inside) return inside;
  }
  const code = (ref ?? value ?? '').trim().toUpperCase();
  const m = /^([GSXYCZ])\d{1,4}/.exec(code);
  if (m) return ROAD_CLASSES.find((c) => c.routeLetter === m[1]);
  return undefined;
}
