import type { Cited } from './types.ts';

export type SignalColour = 'blue' | 'yellow' | 'orange' | 'red';

/** One national 暴雨 warning signal: issued when `thresholdMm` falls within `windowHours`. */
export interface RainstormSignal extends Cited {
  level: SignalColour;
  /** accumulation window, hours */
  windowHours: number;
  /** rainfall in the window, mm (以上: the threshold itself counts, standards-cn C1) */
  thresholdMm: number;
}

/**
 * The four national 暴雨 signals (气象灾害预警信号及防御指南, 2007; standards-cn §1.1). The
 * rule is "forecast to reach, or observed and continuing" (C4); the engine reads it as
 * observed rainfall in a moving window. Provinces may publish their own signals: a scenario's
 * `warnings.rainstorm` overrides this table. Pure data, lowest level first.
 */
export const RAINSTORM_SIGNALS: readonly RainstormSignal[] = [
  { id: 'RS-B', level: 'blue', windowHours: 12, thresholdMm: 50, source: 'cma2007', url: 'https://juke.outofmemory.cn/read/598028.html', flag: 'V' },
  { id: 'RS-Y', level: 'yellow', windowHours: 6, thresholdMm: 50, source: 'cma2007', url: 'http://www.shumacn.com/2025/jxuzs_0520/550771.html', flag: 'V' },
  { id: 'RS-O', level: 'orange', windowHours: 3, thresholdMm: 50, source: 'cma2007', url: 'https://juke.outofmemory.cn/read/598028.html', flag: 'V' },
  { id: 'RS-R', level: 'red', windowHours: 3, thresholdMm: 100, source: 'cma2007', url: 'https://juke.outofmemory.cn/read/598028.html', flag: 'V' },
];
