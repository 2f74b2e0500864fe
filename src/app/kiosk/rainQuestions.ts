/**
 * The rainstorm experience's "what would you do?" questions as data (pure). The visitor is a
 * villager below a hazard site (隐患点) in 乐至. Texts live in i18n (`kiosk.rain.q.*`,
 * `kiosk.rain.explain.*`); where each 科普 point comes from is noted here, per question.
 */

export type RainQuestionId = 'report' | 'move' | 'belongings' | 'road';

/** The plans' four themes of self-rescue knowledge (防范、避险、自救、互救). */
export type RainTheme = 'prevent' | 'avoid' | 'selfRescue' | 'mutualAid';

export interface RainQuestion {
  id: RainQuestionId;
  options: readonly string[];
  right: string;
  theme: RainTheme;
}

/**
 * In the order they are asked. Sources of the right answers:
 * - report — cracks on the slope behind the house, muddy spring water: tell the village's
 *   hazard monitor / 村委会 (村应急分队) at once, and 119/110 when anyone is in danger or buried.
 *   Seed 002 (井研) L9: the 119 村（社区）应急分队 do 「日常巡查监测、风险隐患排查、预警信息传递…人员避险
 *   转移、统计上报灾情」; seed 002 L122 and seed 000 L351: 群测群防点, 基层监测员, 预警传递, 灾情上报.
 *   12345 is the government service hotline, not an emergency line: 国办发〔2020〕53号 (优化地方政务
 *   服务便民热线) keeps 110/119/120/122 as separate emergency lines — from memory, not in
 *   shared/domain/standards-cn.md (assumed, flagged in the explanation's wording: "not for emergencies").
 * - move — leave the danger zone as soon as you are told (or see the signs), don't wait for the rain
 *   to stop: standards-cn.md §2.3 (typical county action, M: orange → prepare to evacuate, red →
 *   evacuate 危险区 at once) and §1.1 (暴雨 signals, 《气象灾害预警信号及防御指南》 2007); the
 *   scenario's own chain moves a site's people when it goes on watch (the run shows it).
 * - belongings — don't go home until the danger is declared over: slopes keep failing after the
 *   rain, because the ground stays soaked (standards-cn.md §2.4 LT-7, effective antecedent rainfall;
 *   LT-5, cumulative rainfall triggers most landslides); "险情解除前不返回" is the common 地质灾害
 *   避险明白卡 teaching (assumed: the card is not among the shared sources). The run's own times
 *   (rain ended / slope failed) are shown beside it.
 * - road — don't drive or walk across a cut road; wait for it to be cleared and reopened: the
 *   rainstorm guidance's 交通阻断 advice (2007 防御指南, standards-cn.md §1.1), and 乐至's target of
 *   reopening cut trunk roads within 6 h (seed 000; domain/seeds-leshan-lezhi-jingyan.md L220). Debris
 *   can move again (assumed, the same soaked-slope reason as above).
 */
export const RAIN_QUESTIONS: readonly RainQuestion[] = [
  { id: 'report', options: ['monitor', 'hotline', 'post'], right: 'monitor', theme: 'prevent' },
  { id: 'move', options: ['now', 'wait'], right: 'now', theme: 'avoid' },
  { id: 'belongings', options: ['stay', 'fetch'], right: 'stay', theme: 'avoid' },
  { id: 'road', options: ['wait', 'drive'], right: 'wait', theme: 'selfRescue' },
];

/**
 * The options of a question in the order a visitor sees them: shuffled by the run's seed and the
 * question (so the right answer is not always first, and the same seed shows the same order). Pure.
 */
export function optionOrder(q: { readonly id: string; readonly options: readonly string[] }, seed: number): string[] {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (const c of q.id) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193) >>> 0;
  const out = [...q.options];
  for (let i = out.length - 1; i > 0; i--) {
    h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0;
    h = (h ^ (h >>> 13)) >>> 0;
    const j = h % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** The visitor's answers: question → option. */
export type RainAnswers = Partial<Record<RainQuestionId, string>>;
