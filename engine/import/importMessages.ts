import type { Lang } from '../i18n/lang.ts';

/** Importer messages, zh-CN first; `{name}` is replaced by a parameter. */
export const IMPORT_MESSAGES = {
  // roads
  emptyGeometry: { zh: '几何为空', en: 'the geometry is empty' },
  notALine: { zh: '几何类型为 {type}，道路须为 LineString 或 MultiLineString', en: 'geometry type {type}; roads must be LineString or MultiLineString' },
  notLonLat: {
    zh: '坐标 ({x}, {y}) 不是经纬度（须为 WGS84/CGCS2000 经度 73–136、纬度 3–54；投影坐标请先转换）',
    en: 'coordinate ({x}, {y}) is not longitude–latitude (WGS84/CGCS2000, longitude 73–136, latitude 3–54; reproject projected coordinates first)',
  },
  tooShort: { zh: '线段不足两个不同的点', en: 'the line has fewer than two distinct points' },
  selfCrossing: { zh: '道路自相交（约在 {lon}, {lat}）：请检查数字化错误或拆分为两条要素', en: 'the road crosses itself (near {lon}, {lat}): check the digitising or split it into two features' },
  unknownRoadClass: {
    zh: '道路等级“{value}”无法识别，按 {speed} km/h 村道处理（共 {count} 条要素）',
    en: 'road class "{value}" is not recognised; taken as a village road at {speed} km/h ({count} features)',
  },
  noRoadClass: { zh: '没有道路等级属性（{columns}），按 {speed} km/h 村道处理（共 {count} 条要素）', en: 'no road class attribute ({columns}); taken as village roads at {speed} km/h ({count} features)' },
  badSpeed: { zh: '速度“{value}”不是 1–130 之间的数，改用道路等级默认值', en: 'speed "{value}" is not a number within 1–130; the road class default is used' },
  disconnected: {
    zh: '路网有一块与主网不连通：{nodes} 个节点、{links} 条路段（要素 {features}）',
    en: 'a piece of the network is not connected to the main one: {nodes} nodes, {links} links (features {features})',
  },
  danglingEnd: {
    zh: '悬挂端点（约在 {lon}, {lat}）距另一条道路仅 {m} m 但未连接（捕捉容差 {snap} m）：是否漏接？',
    en: 'dangling end (near {lon}, {lat}) is only {m} m from another road but not joined (snapping tolerance {snap} m): a missed junction?',
  },
  noRoads: { zh: '没有可用的道路要素', en: 'no usable road features' },
  // registers
  noHeader: { zh: '前 {rows} 行中找不到表头（须含 {need} 等列）', en: 'no header row in the first {rows} rows (needs columns such as {need})' },
  missingColumn: { zh: '缺少必填列“{column}”（可写作：{aliases}）', en: 'required column "{column}" is missing (accepted headers: {aliases})' },
  duplicateColumn: { zh: '列“{column}”出现两次', en: 'column "{column}" appears twice' },
  mergedCells: { zh: '合并单元格 {range}：请取消合并并逐行填写', en: 'merged cells {range}: unmerge them and fill in every row' },
  totalRow: { zh: '合计行，已跳过', en: 'a total row; skipped' },
  emptyCell: { zh: '必填，不能为空', en: 'required, must not be empty' },
  notANumber: { zh: '“{value}”不是数字', en: '"{value}" is not a number' },
  notAnInteger: { zh: '{value} 须为非负整数', en: '{value} must be a whole number ≥ 0' },
  outOfRange: { zh: '{value} 超出范围（{min}–{max}）', en: '{value} is out of range ({min}–{max})' },
  outsideCounty: { zh: '{value} 不在本县范围内（{min}–{max}）', en: '{value} is outside the county ({min}–{max})' },
  badPosition: { zh: '“{value}”不是“经度,纬度”', en: '"{value}" is not "longitude,latitude"' },
  unknownValue: { zh: '“{value}”无法识别（可填：{allowed}）', en: '"{value}" is not recognised (allowed: {allowed})' },
  unknownVillage: { zh: '“{value}”不是 {county} 的村（社区）', en: '"{value}" is not a village (community) of {county}' },
  ambiguousVillage: { zh: '“{value}”在 {county} 有 {count} 个同名村（社区），请填写区划代码', en: '"{value}" names {count} villages of {county}; give the division code' },
  unknownTownship: { zh: '“{value}”不是 {county} 的乡镇（街道）', en: '"{value}" is not a township of {county}' },
  duplicateRow: { zh: '与第 {first} 行重复（{value}）', en: 'duplicates row {first} ({value})' },
  unknownStore: { zh: '上级仓库“{value}”不在仓库表中', en: 'parent store "{value}" is not in the stores register' },
  noVillagesRegister: { zh: '必须提供 --villages：村（社区）人口和位置无法从路网得出', en: '--villages is required: village populations and positions cannot come from the road layer' },
  noVillages: { zh: '村（社区）表没有可用的行', en: 'the villages register has no usable rows' },
  farFromRoad: { zh: '距最近的道路节点 {m} m（{node}）', en: '{m} m from the nearest road node ({node})' },
  offMainNetwork: { zh: '最近的道路节点 {node} 不在主路网上', en: 'the nearest road node {node} is not on the main network' },
  noLinksNear: { zh: '{m} m 范围内没有道路，不会阻断任何路段', en: 'no road within {m} m: it cannot cut any link' },
  noStock: { zh: '没有任何物资数量（列：{items}）', en: 'no item quantities (columns: {items})' },
  noDem: { zh: '未提供 DEM：高程取 {m} m（平地），坡度相关的数据为假设', en: 'no DEM: elevations are taken as {m} m (flat); anything that depends on slope is assumed' },
  outsideDem: { zh: '位置 ({lon}, {lat}) 在 DEM 范围外，高程取 {m} m', en: 'position ({lon}, {lat}) lies outside the DEM; elevation taken as {m} m' },
  // files
  unreadable: { zh: '无法读取：{detail}', en: 'cannot be read: {detail}' },
  badJson: { zh: '不是有效的 GeoJSON：{detail}', en: 'not valid GeoJSON: {detail}' },
  badShapefile: { zh: '不是有效的 Shapefile：{detail}', en: 'not a valid shapefile: {detail}' },
  badXlsx: { zh: '不是有效的 xlsx 工作簿：{detail}', en: 'not a valid xlsx workbook: {detail}' },
  badPrj: { zh: '坐标系“{name}”无法识别：请在 GIS 中另存为 WGS84 或 CGCS2000 经纬度（EPSG:4326/4490），或附上标准 .prj', en: 'coordinate system "{name}" is not understood: save the layer as WGS84 or CGCS2000 longitude–latitude (EPSG:4326/4490) in the GIS, or give a standard .prj' },
  badTiff: { zh: '不是可读的 GeoTIFF：{detail}', en: 'not a readable GeoTIFF: {detail}' },
  unsupportedFormat: { zh: '不支持的文件类型（可用：{allowed}）', en: 'unsupported file type (allowed: {allowed})' },
  unknownDivision: { zh: '区划代码 {code} 没有区划表（已有：{known}）；用 scripts/build-divisions.ts 生成或以 --divisions 指定', en: 'no division table for code {code} (available: {known}); build one with scripts/build-divisions.ts or pass --divisions' },
  unknownTemplate: { zh: '模板“{value}”尚未提供（可用：{allowed}）', en: 'template "{value}" is not available (available: {allowed})' },
  invalidResult: { zh: '生成的情景未通过校验：{detail}', en: 'the generated scenario does not validate: {detail}' },
} as const satisfies Record<string, { zh: string; en: string }>;

export type ImportMessageKey = keyof typeof IMPORT_MESSAGES;

/** Fills a message template in a language. Pure. */
export function importMessage(lang: Lang, key: ImportMessageKey, params: Record<string, string | number> = {}): string {
  return IMPORT_MESSAGES[key][lang].replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}
