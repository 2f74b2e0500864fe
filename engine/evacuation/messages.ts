import type { Lang } from '../i18n/lang.ts';

/** Problem messages specific to building scenarios, zh-CN first. `{name}` is a parameter. Pure data. */
const messages = {
  duplicateId: { zh: '重复的 id "{id}"（首次出现在 {first}）', en: 'duplicate id "{id}" (first used at {first})' },
  danglingRef: { zh: '引用了不存在的{kind} "{id}"', en: 'refers to a {kindEn} "{id}" that does not exist' },
  selfLoop: { zh: '通道的起点和终点相同（"{id}"）', en: 'edge starts and ends at the same node ("{id}")' },
  nodeKind: { zh: '节点 "{id}" 的类型应为 {want}，实际为 {got}', en: 'node "{id}" must be of kind {want}, not {got}' },
  stairWithout: { zh: '楼梯段必须写明所属楼梯（stair）', en: 'a stair flight must name its stair (stair)' },
  stairOnNonStair: { zh: '只有楼梯段（kind: stair）可以写 stair 或 tread', en: 'only stair flights (kind: stair) may have stair or tread' },
  noPath: {
    zh: '房间 "{room}" 没有通往集合点 "{assembly}" 的路线（不经电梯）',
    en: 'room "{room}" has no route to the assembly point "{assembly}" (without the lift)',
  },
  liftStopKind: { zh: '电梯停靠点 "{id}" 必须是 lift 类型的节点', en: 'lift stop "{id}" must be a node of kind lift' },
  dutyMissing: { zh: '没有角色承担职责 "{duty}"（学校预案规定了七项职责）', en: 'no role holds the duty "{duty}" (the school plan has seven duties)' },
  successOnlyFight: {
    zh: '只有 fightFire 任务可以写 successProbability',
    en: 'only a fightFire task may have a successProbability',
  },
  fightNeedsP: { zh: 'fightFire 任务必须写 successProbability', en: 'a fightFire task needs a successProbability' },
  provenanceMissing: {
    zh: '数值没有注明来源（provenance 中没有匹配的路径）',
    en: 'number has no source (no provenance path matches it)',
  },
  provenanceUnused: { zh: 'provenance 路径 "{pattern}" 没有匹配任何数值', en: 'provenance path "{pattern}" matches no number' },
  unknownSource: {
    zh: '来源 "{id}" 未在 sources 中定义（或写 "assumed"）',
    en: 'source "{id}" is not defined in sources (or write "assumed")',
  },
  modelMismatch: {
    zh: 'model 必须为 "evacuation"（县域场景不写 model）',
    en: 'model must be "evacuation" (a county scenario has no model key)',
  },
} as const;

export type EvacMessageKey = keyof typeof messages;

const kindNames: Record<string, { zh: string; en: string }> = {
  node: { zh: '通道节点', en: 'walking-graph node' },
  floor: { zh: '楼层', en: 'floor' },
  stair: { zh: '楼梯', en: 'stair' },
  room: { zh: '房间', en: 'room' },
  edge: { zh: '通道', en: 'edge' },
  role: { zh: '角色', en: 'role' },
  target: { zh: '目标', en: 'target' },
};

const dutyNames: Record<string, { zh: string; en: string }> = {
  command: { zh: '总指挥', en: 'overall command' },
  inspection: { zh: '安全检查', en: 'safety inspection' },
  cordonComms: { zh: '警戒通讯', en: 'cordon and communications' },
  firefighting: { zh: '消防灭火', en: 'firefighting' },
  firstAid: { zh: '救护', en: 'first aid' },
  logistics: { zh: '抢险与物资保障', en: 'emergency repair and supplies' },
  evacuation: { zh: '疏散引导', en: 'evacuation' },
};

/** Formats a building-scenario message in the given language. Pure. */
export function formatEvacMessage(key: EvacMessageKey, lang: Lang, params: Record<string, string | number> = {}): string {
  const kind = typeof params.kind === 'string' ? kindNames[params.kind] : undefined;
  const duty = typeof params.duty === 'string' ? dutyNames[params.duty] : undefined;
  const all: Record<string, string | number> = {
    ...params,
    ...(kind ? { kind: kind.zh, kindEn: kind.en } : {}),
    ...(duty ? { duty: lang === 'zh' ? `${duty.zh}/${params.duty}` : `${duty.en}/${params.duty}` } : {}),
  };
  return messages[key][lang].replace(/\{(\w+)\}/g, (_, name: string) => String(all[name] ?? `{${name}}`));
}
