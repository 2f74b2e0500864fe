import type { Lang, LogEvent } from '../../engine/index.ts';

/** The county hazard a trial drew, in one line (from its `hazard.drawn` event); '' if none. */
export function hazardLine(events: readonly LogEvent[], lang: Lang): string {
  const h = events.find((e) => e.type === 'hazard.drawn');
  if (!h) return '';
  if (h.kind === 'rainstorm')
    return lang === 'zh'
      ? `灾害：暴雨，第 ${h.onsetHour} 小时开始，持续 ${h.durationHours} 小时，峰值雨强 ${Number(h.peakMmPerHour).toFixed(1)} mm/h`
      : `Hazard: rainstorm from hour ${h.onsetHour}, lasting ${h.durationHours} h, peak ${Number(h.peakMmPerHour).toFixed(1)} mm/h`;
  if (h.kind === 'fireSeason') {
    const d = (h.dangerDays as number[]).join('/');
    return lang === 'zh'
      ? `灾害：森林火险期 ${h.days} 天，起火 ${h.ignitions} 次；火险等级1–5级天数 ${d}`
      : `Hazard: fire season of ${h.days} days, ${h.ignitions} ignitions; days at danger levels 1–5: ${d}`;
  }
  return lang === 'zh'
    ? `灾害：地震，第 ${Number(h.hour).toFixed(1)} 小时，震级 M${h.magnitude}`
    : `Hazard: earthquake at hour ${Number(h.hour).toFixed(1)}, magnitude ${h.magnitude}`;
}
