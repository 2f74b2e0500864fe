import { RAINSTORM_SIGNALS } from './rainstormSignals.ts';
import { RULE_SOURCES, type RuleSourceId } from './sources.ts';
import { timeLimit } from './timeLimits.ts';

/**
 * A scenario value a county normally takes from national rules, as the loader fills it when a
 * scenario leaves it out: the value, the source id and a provenance note. Pure data.
 */
export interface NationalDefault<T> {
  value: T;
  source: RuleSourceId;
  rows: string[];
  note: string;
}

/** `warnings.rainstorm`: the four national 暴雨 signals (RS-B/Y/O/R). */
export const DEFAULT_RAINSTORM_WARNINGS: NationalDefault<{ level: 'blue' | 'yellow' | 'orange' | 'red'; windowHours: number; thresholdMm: number }[]> = {
  value: RAINSTORM_SIGNALS.map((s) => ({ level: s.level, windowHours: s.windowHours, thresholdMm: s.thresholdMm })),
  source: 'cma2007',
  rows: RAINSTORM_SIGNALS.map((s) => s.id),
  note: `National default filled by the loader from engine/rules (${RAINSTORM_SIGNALS.map((s) => `${s.id} ${s.windowHours} h ≥ ${s.thresholdMm} mm`).join(', ')}; standards-cn §1.1, flag V); the scenario sets no county signals.`,
};

const t9 = timeLimit('T-9');
/** `targets[kind = reliefWithin].hours`: the national basic-needs relief limit (T-9, 10 h). */
export const DEFAULT_RELIEF_HOURS: NationalDefault<number> = {
  value: t9.deadlineHours!,
  source: t9.source as RuleSourceId,
  rows: [t9.id],
  note: `National default filled by the loader from engine/rules: basic needs of affected people met within ${t9.deadlineHours} h (${t9.id}, 十四五 国家综合防灾减灾规划, flag ${t9.flag}); the scenario sets no county limit.`,
};

export { RULE_SOURCES };
