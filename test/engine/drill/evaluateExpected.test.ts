import { describe, expect, it } from 'vitest';
import { completeConfig } from '../../../engine/drill/drillConfig.ts';
import { evaluateDrill, type MetricCase } from '../../../engine/drill/evaluate.ts';
import { ladderRank } from '../../../engine/drill/evaluateExpected.ts';
import { GENESIS_HASH, sealRecords } from '../../../engine/drill/hashChain.ts';
import type { NewRecord } from '../../../engine/drill/records.ts';
import type { LogEvent } from '../../../engine/sim/eventLog.ts';
import { config, tiny } from './helpers.ts';

/**
 * Expected actions judged by content: a crafted drill log on tiny.yaml with the default MSEL
 * (its expected actions name the failed site, the cut link, the signal and the ladder).
 */
let seq = 0;
const sim = (t: number, type: string, f: Record<string, unknown> = {}): NewRecord => ({ t, kind: 'sim', audience: 'staff', data: { seq: ++seq, t, type, ...f } });
const inject = (t: number, id: string, extra: Record<string, unknown> = {}): NewRecord => ({ t, kind: 'inject', audience: 'all', data: { key: `inject:${id}`, inject: id, title: { zh: id, en: id }, how: 'conditional', ...extra } });
const act = (t: number, position: string, decision: unknown, result = 'accepted'): NewRecord => ({ t, kind: 'action', audience: 'staff', data: { position, participant: 'p', decision, result } });
const end = (t: number): NewRecord => ({ t, kind: 'phase', audience: 'all', data: { from: 'running', to: 'ended' } });
const seal = (rs: NewRecord[]) => sealRecords({ seq: 0, hash: GENESIS_HASH }, rs, 0);

describe('expected actions judged by content', () => {
  const s = tiny();
  const c = config(s);
  const cases = (ev: ReturnType<typeof evaluateDrill>, id: string): MetricCase[] => ev.metrics.filter((m) => m.id.startsWith('expected:')).flatMap((m) => m.cases).filter((x) => x.label.endsWith(` · ${id}`));

  /** A slide at gh1 (village va2) cuts the trunk road at T+10:00; its two injects follow. */
  const world = () => {
    seq = 0;
    const failed = sim(600, 'site.failed', { site: 'gh1', affected: 40, deadMissing: 0, evacuated: false });
    const cut = sim(600, 'road.cut', { link: 'l-ta-tb', trunk: true, site: 'gh1' });
    return [
      sim(300, 'warning.changed', { from: 'none', to: 'orange' }),
      failed,
      cut,
      inject(615, 'inj-slide-report', { cause: (failed.data as { seq: number }).seq }),
      inject(610, 'inj-trunk-cut', { cause: (cut.data as { seq: number }).seq }),
    ];
  };

  it('met: the right kind naming the right object in time; partly: the wrong object in time', () => {
    const ev = evaluateDrill(
      s,
      c,
      seal([
        ...world(),
        act(620, 'county-eb', { kind: 'dispatchTeam', team: 'team-county', task: { kind: 'clear', link: 'l-ta-va1' } }), // wrong road, in time
        act(640, 'county-eb', { kind: 'dispatchTeam', team: 'team-county', task: { kind: 'rescue', site: 'gh1' } }), // right site
        act(650, 'county-eb', { kind: 'setResponseLevel', level: 'III' }), // the ladder: trunk cut → Ⅲ
        end(2000),
      ]),
      null,
    );
    const [clear] = cases(ev, 'clear');
    expect(clear!.check).toMatchObject({ verdict: 'partly', credit: 0.5 });
    expect(clear!.check!.expected!.zh).toContain('甲乙干线');
    expect(clear!.check!.named!.zh).toContain('甲镇—甲一村 村道');
    expect(clear!.check!.why.zh).toContain('对象不符');
    const [rescue] = cases(ev, 'rescue');
    // the clear dispatch at 620 is a dispatch of the right kind but the wrong task: the rescue at 640 is right and in time
    expect(rescue!.check).toMatchObject({ verdict: 'met', credit: 1, atMin: 640 });
    expect(rescue!.check!.expected!.zh).toContain('救援');
    expect(cases(ev, 'activate')[0]!.check).toMatchObject({ verdict: 'met' });
    // no raw ids in what a person reads
    for (const x of ev.metrics.flatMap((m) => m.cases).filter((k) => k.check))
      for (const t of [x.check!.why.zh, x.check!.expected?.zh ?? '', x.check!.named?.zh ?? '']) expect(t).not.toMatch(/\b(gh1|l-ta-tb|l-ta-va1|team-county|va2)\b/);
    const ops = ev.metrics.find((m) => m.id === 'expected:operations')!;
    expect(ops).toMatchObject({ judged: 2, metCount: 1, partlyCount: 1, credit: 1.5 });
  });

  it('partly: the right object but late; not: nothing, or late and wrong; a level below the ladder is the wrong object', () => {
    const ev = evaluateDrill(
      s,
      c,
      seal([
        ...world(),
        act(700, 'county-eb', { kind: 'setResponseLevel', level: 'IV' }), // in time, but the ladder calls for Ⅲ (trunk road cut)
        act(720, 'county-eb', { kind: 'situationReport', text: '甲二村滑坡' }),
        act(800, 'county-eb', { kind: 'dispatchTeam', team: 'team-county', task: { kind: 'clear', link: 'l-ta-tb' } }), // right road, 190 min after the inject
        end(3000),
      ]),
      null,
    );
    const [clear] = cases(ev, 'clear');
    expect(clear!.check).toMatchObject({ verdict: 'partly', credit: 0.5, atMin: 800 });
    expect(clear!.check!.why.zh).toMatch(/对象正确，但超时/);
    expect(clear).toMatchObject({ met: false, tookMin: 190 });
    const [activate] = cases(ev, 'activate');
    expect(activate!.check).toMatchObject({ verdict: 'partly' });
    expect(activate!.check!.expected!.zh).toContain('不低于Ⅲ级应急响应');
    expect(activate!.check!.named!.zh).toContain('Ⅳ级');
    const [rescue] = cases(ev, 'rescue');
    // the only dispatch is late and clears a road: late and the wrong task
    expect(rescue!.check).toMatchObject({ verdict: 'not', credit: 0, named: { zh: expect.stringContaining('抢通甲乙干线') } });
    expect(rescue!.check!.why.zh).toContain('超时且对象不符');
    // partly and not met are improvement items, saying why and what was expected
    const items = ev.improvements.map((x) => x.text.zh).join('\n');
    expect(items).toMatch(/部分达到，对象正确，但超时/);
    expect(items).toMatch(/未达到，超时且对象不符.*（应为：任务：救援；甲二村滑坡）/);
  });

  it('open while the limit has not run out; a warning below the signal is partly', () => {
    const ev = evaluateDrill(
      s,
      c,
      seal([
        sim(300, 'warning.changed', { from: 'none', to: 'orange' }),
        inject(0, 'inj-duty-call', { how: 'scheduled' }),
        act(310, 'county-eb', { kind: 'issueWarning', level: 'blue' }), // too late for 120 min anyway
        end(400),
      ]),
      null,
    );
    expect(cases(ev, 'warn')[0]!.check).toMatchObject({ verdict: 'not' });
    const early = evaluateDrill(s, c, seal([inject(0, 'inj-duty-call', { how: 'scheduled' }), act(30, 'county-eb', { kind: 'issueWarning', level: 'yellow' }), end(60)]), null);
    expect(cases(early, 'warn')[0]!.check).toMatchObject({ verdict: 'met' }); // no signal yet: any level is right
    const open = evaluateDrill(s, c, seal([inject(0, 'inj-duty-call', { how: 'scheduled' }), end(60)]), null);
    expect(cases(open, 'warn')[0]).toMatchObject({ met: null, check: { verdict: 'open', credit: null } });
    const signal = evaluateDrill(s, c, seal([sim(5, 'warning.changed', { from: 'none', to: 'orange' }), inject(0, 'inj-duty-call', { how: 'scheduled' }), act(30, 'county-eb', { kind: 'issueWarning', level: 'yellow' }), end(300)]), null);
    expect(cases(signal, 'warn')[0]!.check).toMatchObject({ verdict: 'partly' });
    expect(cases(signal, 'warn')[0]!.check!.expected!.zh).toContain('不低于暴雨橙色预警');
  });

  it('a manual release before its event is judged against the objects the director picked', () => {
    const ev = evaluateDrill(
      s,
      c,
      seal([inject(100, 'inj-trunk-cut', { how: 'manual', fill: { link: 'l-ta-va2' } }), act(120, 'county-eb', { kind: 'dispatchTeam', team: 'team-county', task: { kind: 'clear', link: 'l-ta-va2' } }), end(400)]),
      null,
    );
    expect(cases(ev, 'clear')[0]!.check).toMatchObject({ verdict: 'met', expected: { zh: expect.stringContaining('甲镇—甲二村 村道') } });
  });

  it('the response ladder read from the log', () => {
    const log = (evs: NewRecord[]) => evs.map((r) => r.data as unknown as LogEvent);
    seq = 0;
    const evs = log([sim(10, 'warning.changed', { from: 'none', to: 'yellow' }), sim(20, 'site.failed', { site: 'gh2', affected: 200, deadMissing: 0 }), sim(30, 'road.cut', { link: 'l-ta-tb', trunk: true })]);
    expect(ladderRank(s, evs, 5)).toBe(0);
    expect(ladderRank(s, evs, 10)).toBe(1); // yellow → Ⅳ
    expect(ladderRank(s, evs, 20)).toBe(3); // 200 affected → Ⅱ
  });

  it('a config whose target cannot be filled or names unknown things is refused, located', () => {
    const base = c.injects;
    const bad = completeConfig(s, {
      injects: [
        { ...base[0]!, expected: [{ id: 'x', label: { zh: '派队' }, action: 'dispatchTeam', withinMin: 60, target: { link: 'trigger' } }] }, // scheduled: no link to come from
        { ...base[2]!, expected: [{ id: 'y', label: { zh: '预警' }, action: 'issueWarning', withinMin: 60, target: { level: 'ladder', site: ['gh1'] } }] },
        { ...base[3]!, expected: [{ id: 'z', label: { zh: '调拨' }, action: 'releaseStock', withinMin: 60, target: { warehouse: ['wh-nowhere'] } }] },
      ],
    });
    expect(bad.ok).toBe(false);
    const problems = bad.ok ? [] : bad.problems.map((p) => `${p.path}: ${p.message}`);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^injects\.0\.expected\.0\.target\.link: 'trigger' needs a link/),
        expect.stringMatching(/^injects\.1\.expected\.0\.target\.site: a issueWarning decision names no site/),
        expect.stringMatching(/^injects\.1\.expected\.0\.target\.level: 'ladder' is for setResponseLevel/),
        expect.stringMatching(/^injects\.2\.expected\.0\.target\.warehouse\.0: unknown warehouse wh-nowhere/),
      ]),
    );
  });
});

describe('expected actions: decisions between the triggering event and the inject', () => {
  const s = tiny();
  const c = config(s);
  it('count, taking 0 min (the county acted on its own information before the call came)', () => {
    seq = 0;
    const failed = sim(600, 'site.failed', { site: 'gh1', affected: 40, deadMissing: 0, evacuated: false });
    const ev = evaluateDrill(
      s,
      c,
      seal([failed, act(605, 'county-eb', { kind: 'dispatchTeam', team: 'team-county', task: { kind: 'rescue', site: 'gh1' } }), inject(615, 'inj-slide-report', { cause: (failed.data as { seq: number }).seq }), end(2000)]),
      null,
    );
    const rescue = ev.metrics.flatMap((m) => m.cases).find((x) => x.label === 'inj-slide-report · rescue')!;
    expect(rescue).toMatchObject({ startMin: 615, endMin: 615, doneAtMin: 605, tookMin: 0, met: true, check: { verdict: 'met', atMin: 605 } });
    // before the triggering event, a decision does not count
    const early = evaluateDrill(s, c, seal([act(500, 'county-eb', { kind: 'dispatchTeam', team: 'team-county', task: { kind: 'rescue', site: 'gh1' } }), failed, inject(615, 'inj-slide-report', { cause: (failed.data as { seq: number }).seq }), end(2000)]), null);
    expect(early.metrics.flatMap((m) => m.cases).find((x) => x.label === 'inj-slide-report · rescue')!.check).toMatchObject({ verdict: 'not' });
  });
});
