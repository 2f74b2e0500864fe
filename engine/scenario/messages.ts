import type { Lang } from '../i18n/lang.ts';

/** Message templates for scenario problems, zh-CN first. `{name}` is replaced by a parameter. */
const messages = {
  yamlSyntax: { zh: 'YAML/JSON 语法错误：{detail}', en: 'YAML/JSON syntax error: {detail}' },
  notAnObject: { zh: '场景文件的顶层必须是一个对象（映射）', en: 'the top level of a scenario file must be an object (mapping)' },
  missingVersion: { zh: '缺少 schemaVersion（当前版本为 {current}）', en: 'schemaVersion is missing (current version is {current})' },
  badVersion: {
    zh: 'schemaVersion {found} 不受支持：本引擎支持 1 至 {current}',
    en: 'schemaVersion {found} is not supported: this engine reads 1 to {current}',
  },
  unknownKey: { zh: '未知的键 "{key}"', en: 'unknown key "{key}"' },
  unknownKeyDidYouMean: { zh: '未知的键 "{key}"；您是否要写 "{suggestion}"？', en: 'unknown key "{key}"; did you mean "{suggestion}"?' },
  duplicateId: { zh: '重复的 id "{id}"（首次出现在 {first}）', en: 'duplicate id "{id}" (first used at {first})' },
  danglingRef: { zh: '引用了不存在的{kind} "{id}"', en: 'refers to a {kindEn} "{id}" that does not exist' },
  selfLoop: { zh: '道路的起点和终点相同（"{id}"）', en: 'road link starts and ends at the same node ("{id}")' },
  parentCycle: {
    zh: '仓库补给关系出现循环：{cycle}',
    en: 'warehouse resupply chain has a cycle: {cycle}',
  },
  unknownSource: {
    zh: '来源 "{id}" 未在 sources 中定义（或写 "assumed"）',
    en: 'source "{id}" is not defined in sources (or write "assumed")',
  },
  duplicateLevel: { zh: '响应级别 {level} 重复定义', en: 'response level {level} is defined twice' },
  duplicateWarning: { zh: '预警级别 {level} 重复定义', en: 'warning level {level} is defined twice' },
  warningOrder: {
    zh: '预警阈值不合理：{level} 应比更低级别更难达到',
    en: 'warning thresholds out of order: {level} must be harder to reach than the levels below it',
  },
  villageTownship: {
    zh: '村 "{village}" 的所属乡镇 "{township}" 不存在',
    en: 'village "{village}" belongs to township "{township}", which does not exist',
  },
  unreachable: {
    zh: '节点 "{node}" 与道路网的其余部分不连通',
    en: 'node "{node}" is not connected to the rest of the road network',
  },
  // names shown to people (drill reports, refusals, the UI): a road link without one is read as its id
  unnamedLink: {
    zh: '道路 "{id}" 没有名称，演练人员将看到编号（可写 name: {zh: 起点—终点 村道, en: …}）',
    en: 'road link "{id}" has no name; people will read its id (add name: {zh: …, en: …})',
  },
  noCapability: {
    zh: '没有具备 "{cap}" 能力的队伍',
    en: 'no team has the "{cap}" capability',
  },
  provenanceMissing: {
    zh: '数值没有注明来源（provenance 中没有匹配的路径）',
    en: 'number has no source (no provenance path matches it)',
  },
  provenanceUnused: {
    zh: 'provenance 路径 "{pattern}" 没有匹配任何数值',
    en: 'provenance path "{pattern}" matches no number',
  },
  targetHours: {
    zh: '目标 {kind} 必须给出 hours（只有 reliefWithin 可省略，省略时取国家规定的 10 小时）',
    en: 'a {kind} target needs its hours (only reliefWithin may omit them, taking the national 10 h)',
  },
  stockItem: { zh: '库存中的物资 "{id}" 未在 reserves.items 中定义', en: 'stocked item "{id}" is not defined in reserves.items' },
  distOrder: {
    zh: '{dist} 分布的参数顺序错误（应满足 min ≤ mode ≤ max）',
    en: '{dist} distribution: bounds out of order (need min ≤ mode ≤ max)',
  },
  distRange: {
    zh: '{what} 的取值必须在 [{min}, {max}] 之内（该分布的取值范围为 [{lo}, {hi}]；可用 max 截断）',
    en: '{what}: values must lie within [{min}, {max}] (this distribution ranges over [{lo}, {hi}]; a max can clamp it)',
  },
  badId: {
    zh: 'id 只能包含字母、数字、"_"、"-"、"."，且以字母或数字开头',
    en: 'an id may contain letters, digits, "_", "-" and "." and must start with a letter or digit',
  },
  firePeriods: {
    zh: '火险期的时段必须按 fromDay 升序排列，且第一个从第 0 天开始',
    en: 'fire-season periods must be in ascending fromDay, the first from day 0',
  },
  fireWeights: { zh: '火险等级权重不能全为 0', en: 'danger-level weights cannot all be 0' },
  forestFields: {
    zh: '林区（kind: forest）必须给出 forest 数据；其他隐患点不能带 forest',
    en: 'a forest compartment (kind: forest) needs its forest data; other sites cannot have it',
  },
  fireNoForest: {
    zh: '森林火险期（fireSeason）至少需要一个林区隐患点（kind: forest）',
    en: 'a fire season (fireSeason) needs at least one forest compartment (kind: forest)',
  },
  fireNoWeight: {
    zh: '林区的 susceptibility（起火权重）之和为 0，不会起火',
    en: 'the forest compartments\' susceptibility (ignition weights) sum to 0: no fire can start',
  },
  yamlAlias: { zh: 'YAML 别名无法解析：{detail}', en: 'YAML alias cannot be resolved: {detail}' },
  fileRead: { zh: '无法读取文件：{detail}', en: 'cannot read file: {detail}' },
  tooDeep: {
    zh: '嵌套过深：列表与映射最多嵌套 {max} 层，此处超过了',
    en: 'nesting too deep: lists and mappings may nest at most {max} levels, and here they go deeper',
  },
  textTooLong: { zh: '文本过长：{length} 个字符，上限为 {max}', en: 'text too long: {length} characters, the limit is {max}' },
  fileTooLarge: { zh: '文件过大：超过 {max} 字节的上限', en: 'file too large: over the limit of {max} bytes' },
  badUtf8: {
    zh: '不是有效的 UTF-8 编码：此处的字节 0x{byte} 无效（请将文件另存为 UTF-8）',
    en: 'not valid UTF-8: the byte 0x{byte} here is invalid (save the file as UTF-8)',
  },
} as const;

export type MessageKey = keyof typeof messages;

const kindNames: Record<string, { zh: string; en: string }> = {
  node: { zh: '道路节点', en: 'road node' },
  link: { zh: '道路', en: 'road link' },
  township: { zh: '乡镇', en: 'township' },
  village: { zh: '村', en: 'village' },
  warehouse: { zh: '仓库', en: 'warehouse' },
  site: { zh: '隐患点', en: 'hazard site' },
  item: { zh: '物资', en: 'item' },
};

/** Formats a scenario message in the given language. Pure. */
export function formatMessage(key: MessageKey, lang: Lang, params: Record<string, string | number> = {}): string {
  const kind = typeof params.kind === 'string' ? kindNames[params.kind] : undefined;
  const all: Record<string, string | number> = { ...params, ...(kind ? { kind: kind.zh, kindEn: kind.en } : {}) };
  return messages[key][lang].replace(/\{(\w+)\}/g, (_, name: string) => String(all[name] ?? `{${name}}`));
}
