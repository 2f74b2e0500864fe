import { describe, expect, it } from 'vitest';
import { DrillNames } from '../../../engine/drill/names.ts';
import { makeSession, SALT, tiny } from './helpers.ts';

describe('names, not ids, in what people read', () => {
  it('an engine refusal names the team and the road', () => {
    const h = makeSession(tiny());
    h.session.control('brief', 0, { salt: SALT });
    h.session.control('start', 0);
    const r = h.session.act('p1', 'county-eb', { kind: 'dispatchTeam', team: 'team-county', task: { kind: 'clear', link: 'l-ta-va1' } }, 1000, 'c1');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('notBlocked');
    expect(r.error.zh).toContain('甲镇—甲一村 村道');
    expect(r.error.zh).not.toMatch(/l-ta-va1|team-county/);
    expect(r.error.en).toContain('Jia Town–Jia No.1 Village village road');
  });

  it('a remit refusal says the decision in words', () => {
    const h = makeSession(tiny());
    h.session.control('brief', 0, { salt: SALT });
    h.session.control('start', 0);
    const r = h.session.act('p1', 'twp-tb', { kind: 'issueWarning', level: 'blue' }, 1000, 'c1');
    expect(r).toMatchObject({ ok: false, error: { code: 'notYourRemit' } });
    if (!r.ok) expect(r.error.zh).toContain('发布预警');
  });

  it('decisions in sentences', () => {
    const n = new DrillNames(tiny());
    expect(n.decision({ kind: 'issueWarning', level: 'orange' })).toBe('发布暴雨橙色预警');
    expect(n.decision({ kind: 'dispatchTeam', team: 'team-county', task: { kind: 'clear', link: 'l-ta-tb' } })).toMatch(/^派.+抢通甲乙干线$/);
  });
});
