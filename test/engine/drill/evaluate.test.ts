import { describe, expect, it } from 'vitest';
import { conclusionOf, evaluateDrill, fmtMin } from '../../../engine/drill/evaluate.ts';
import { sealRecords, GENESIS_HASH } from '../../../engine/drill/hashChain.ts';
import type { NewRecord } from '../../../engine/drill/records.ts';
import { config, tiny } from './helpers.ts';

const sim = (t: number, type: string, f: Record<string, unknown> = {}): NewRecord => ({ t, kind: 'sim', audience: 'staff', data: { seq: 0, t, type, ...f } });
const seal = (rs: NewRecord[]) => sealRecords({ seq: 0, hash: GENESIS_HASH }, rs, 0);

describe('evaluation from the drill log (AQ/T 9009-style)', () => {
  const s = tiny();
  const c = config(s);

  it('times warning, reports, activation and dispatch against their limits', () => {
    const log = seal([
      sim(360, 'warning.changed', { from: 'none', to: 'orange' }),
      sim(400, 'decision.applied', { by: 'county-eb', decision: { kind: 'issueWarning', level: 'orange' } }),
      sim(634, 'site.failed', { site: 'gh1', affected: 61, deadMissing: 0, evacuated: true }),
      sim(634, 'road.cut', { link: 'l-ta-tb', trunk: true, site: 'gh1' }),
      sim(700, 'report.submitted', { by: 'county-eb', text: '报告' }),
      sim(800, 'response.changed', { from: 'none', to: 'IV' }),
      sim(760, 'team.dispatched', { team: 'team-county', task: 'clear', target: 'l-ta-tb' }),
      sim(900, 'site.failed', { site: 'gh2', affected: 20, deadMissing: 1, evacuated: false }),
      { t: 3000, kind: 'phase', audience: 'all', data: { from: 'running', to: 'ended' } },
    ]);
    const ev = evaluateDrill(s, c, log, null);
    const m = (id: string) => ev.metrics.find((x) => x.id === id)!;
    expect(m('warning').cases).toEqual([expect.objectContaining({ tookMin: 40, limitMin: 60, met: true })]);
    expect(m('report').cases.map((x) => [x.label, x.tookMin, x.met])).toEqual([
      ['gh1', 66, false],
      ['gh2', null, false],
    ]);
    expect(m('activation').cases[0]).toMatchObject({ tookMin: 166, limitMin: 120, met: false });
    expect(m('dispatchClear').cases[0]).toMatchObject({ tookMin: 126, met: false });
    expect(m('evacuation').cases.map((x) => x.met)).toEqual([true, false]);
    const warn = ev.objectives.find((o) => o.id === 'warn-report')!;
    expect(warn.quantitative).toBe(50); // warning 1/1, reports 0/2 → mean of 100 and 0
    expect(ev.improvements.length).toBeGreaterThan(3);
  });

  it('does not judge a case still open and younger than its limit', () => {
    const log = seal([sim(634, 'site.failed', { site: 'gh1', affected: 1, deadMissing: 0, evacuated: false }), { t: 650, kind: 'phase', audience: 'all', data: {} }]);
    const ev = evaluateDrill(s, c, log, null);
    expect(ev.metrics.find((x) => x.id === 'report')!.cases[0]).toMatchObject({ met: null, endMin: null });
  });

  it('mixes evaluator ratings into the objective score (70/30) and concludes D.2-style', () => {
    const log = seal([
      sim(360, 'warning.changed', { from: 'none', to: 'blue' }),
      sim(370, 'decision.applied', { by: 'county-eb', decision: { kind: 'issueWarning', level: 'blue' } }),
      { t: 400, kind: 'note', audience: 'staff', data: { by: 'p', text: '好', objective: 'warn-report', rating: 3 } },
    ]);
    const ev = evaluateDrill(s, c, log, null);
    const o = ev.objectives.find((x) => x.id === 'warn-report')!;
    expect(o).toMatchObject({ quantitative: 100, rated: 60, score: 88, conclusion: 'met' });
    expect(conclusionOf(70)).toBe('partlyMet');
    expect(conclusionOf(10)).toBe('notMet');
    expect(conclusionOf(null)).toBe('notJudged');
    expect(fmtMin(125)).toBe('2 h 05 min');
  });
});
