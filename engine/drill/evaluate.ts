import type { Scenario } from '../scenario/schema/scenario.ts';
import type { LogEvent } from '../sim/eventLog.ts';
import type { TrialOutcome } from '../sim/outcome.ts';
import type { Decision } from '../sim/decision.ts';
import type { DrillConfig, DrillText, ExpectedAction, Inject } from './drillConfig.ts';
import { judgeExpected, type ExpectedCheck } from './evaluateExpected.ts';
import { DrillNames, WARNING_NAMES } from './names.ts';
import type { DrillRecord } from './records.ts';

/** One judged case of a metric: from a start to an end (simulated minutes) against a limit. */
export interface MetricCase {
  /** the id of what is judged (a site, road, village, inject · expected action), for evaluators */
  label: string;
  /** what a person reads for it */
  name: DrillText;
  /**
   * the case was done before its start (a warning issued before the weather office's signal):
   * `endMin` is then the start and `doneAtMin` when it was done, so finish never precedes start
   */
  doneAtMin?: number;
  startMin: number;
  endMin: number | null;
  tookMin: number | null;
  limitMin: number;
  /** null: still open at the end of the drill but younger than its limit (not judged) */
  met: boolean | null;
  /** an inject's expected action: judged by content (met, partly, not), with the object named vs expected */
  check?: ExpectedCheck;
}

/** A case's credit toward its metric: an expected action's (1, ½, 0), else 1 if met; null if not judged. Pure. */
export function caseCredit(c: MetricCase): number | null {
  if (c.check) return c.check.credit;
  return c.met === null ? null : c.met ? 1 : 0;
}

export interface Metric {
  id: string;
  objective: string;
  name: DrillText;
  /** where the limit comes from (the config key or target id) */
  source: string;
  /** the same in words */
  sourceText: DrillText;
  cases: MetricCase[];
  judged: number;
  metCount: number;
  /** expected actions met in part (credit ½) */
  partlyCount: number;
  /** sum of the judged cases' credit: metCount + ½ partlyCount */
  credit: number;
}

export interface ObjectiveScore {
  id: string;
  name: DrillText;
  weight: number;
  /** share of judged metric cases met, 0–100 (null: nothing to judge) */
  quantitative: number | null;
  /** evaluators' mean rating (1–5) scaled to 0–100 */
  rated: number | null;
  ratings: number;
  score: number | null;
  /** GB/T 46792 annex D.2-style conclusion */
  conclusion: 'met' | 'partlyMet' | 'notMet' | 'notJudged';
}

export interface Note {
  seq: number;
  t: number;
  at: number;
  by: string;
  name: string;
  text: string;
  objective: string | null;
  rating: number | null;
  improvement: boolean;
}

export interface Evaluation {
  endMin: number;
  metrics: Metric[];
  objectives: ObjectiveScore[];
  overall: number | null;
  conclusion: ObjectiveScore['conclusion'];
  notes: Note[];
  improvements: { objective: string | null; text: DrillText; source: 'metric' | 'note' }[];
}

const tx = (zh: string, en: string): DrillText => ({ zh, en });

/** D.2-style conclusion from a 0–100 score: ≥ 85 达到, ≥ 60 部分达到, else 未达到. Pure. */
export function conclusionOf(score: number | null): ObjectiveScore['conclusion'] {
  if (score === null) return 'notJudged';
  return score >= 85 ? 'met' : score >= 60 ? 'partlyMet' : 'notMet';
}

/** The first `took` case between start and the first end at or after it, judged against a limit. */
function judge(label: string, name: DrillText, start: number, ends: readonly number[], limit: number, endMin: number, allowBefore = false): MetricCase {
  const end = ends.find((x) => x >= start) ?? (allowBefore ? ends.find((x) => x < start) : undefined);
  if (end === undefined) {
    const open = endMin - start < limit;
    return { label, name, startMin: start, endMin: null, tookMin: null, limitMin: limit, met: open ? null : false };
  }
  if (end < start) return { label, name, startMin: start, endMin: start, doneAtMin: end, tookMin: 0, limitMin: limit, met: true };
  const took = end - start;
  return { label, name, startMin: start, endMin: end, tookMin: round(took), limitMin: limit, met: took <= limit };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

function metric(id: string, objective: string, name: DrillText, source: [string, DrillText], cases: MetricCase[]): Metric {
  const judged = cases.filter((c) => caseCredit(c) !== null);
  return {
    id, objective, name, source: source[0], sourceText: source[1], cases, judged: judged.length,
    metCount: judged.filter((c) => caseCredit(c) === 1).length,
    partlyCount: judged.filter((c) => c.check?.verdict === 'partly').length,
    credit: round(judged.reduce((a, c) => a + caseCredit(c)!, 0)),
  };
}

/**
 * Fills in the evaluation of a finished drill from its log, after the tabletop-drill annex of
 * AQ/T 9009-2015 and GB/T 46792-2025 annex D (standards-cn §6.6): warning and report
 * timeliness, response activation, dispatch times, rescue arrival, trunk-road reopening,
 * relief per village, evacuation before failure, and each expected action of each released
 * inject against its time limit; plus evaluators' notes and ratings; a score per objective.
 * Pure.
 */
export function evaluateDrill(s: Scenario, config: DrillConfig, records: readonly DrillRecord[], outcome: TrialOutcome | null): Evaluation {
  const sim = records.filter((r) => r.kind === 'sim').map((r) => r.data as LogEvent);
  const endMin = Math.max(0, ...records.map((r) => r.t));
  const target = (kind: string) => s.targets.find((x) => x.kind === kind);
  const L = config.limits;
  const decisions = sim.filter((e) => e.type === 'decision.applied') as (LogEvent & { by: string; decision: { kind: string; level?: string } })[];
  const metrics: Metric[] = [];
  const names = new DrillNames(s, config);
  const nm = (id: unknown): DrillText => ({ zh: names.name(id, 'zh'), en: names.name(id, 'en') });
  const limitSrc = (key: string, min: number, zh: string, en: string): [string, DrillText] => [`limits.${key} = ${min} min`, tx(`演练设定：${zh} ${fmtMinZh(min)}内`, `drill setting: ${en} within ${fmtMin(min)}`)];
  const targetSrc = (tg: { id: string; hours: number }, zh: string, en: string): [string, DrillText] => [`target ${tg.id}: ${tg.hours} h`, tx(`情景目标：${zh} ${tg.hours} 小时内`, `scenario target: ${en} within ${tg.hours} h`)];

  // 1. warning: from the weather office's first signal to the county's first warning
  const signal = sim.find((e) => e.type === 'warning.changed' && e.to !== 'none');
  const warned = decisions.filter((d) => d.decision.kind === 'issueWarning' && d.decision.level !== 'none').map((d) => d.t);
  metrics.push(
    metric('warning', 'warn-report', tx('预警发布及时性', 'Warning issued in time'), limitSrc('warningMin', L.warningMin, '气象信号后发布预警', 'warning after the signal'), signal ? [judge(`${String(signal.to)}`, { zh: `${WARNING_NAMES[String(signal.to)]?.zh ?? String(signal.to)}信号`, en: `${WARNING_NAMES[String(signal.to)]?.en ?? String(signal.to)} signal` }, signal.t, warned, L.warningMin, endMin, true)] : []),
  );

  const failures = sim.filter((e) => e.type === 'site.failed');
  // 2. report: from each slope failure to the next situation report
  const reports = sim.filter((e) => e.type === 'report.submitted').map((e) => e.t);
  metrics.push(metric('report', 'warn-report', tx('灾情报告及时性', 'Situation reports in time'), limitSrc('reportMin', L.reportMin, '灾害发生后报送灾情', 'report after a failure'), failures.map((f) => judge(String(f.site), nm(f.site), f.t, reports, L.reportMin, endMin))));

  // 3. activation: from the first failure to the first response level
  const respT = target('responseWithin');
  const activations = sim.filter((e) => e.type === 'response.changed' && e.from === 'none').map((e) => e.t);
  metrics.push(
    metric(
      'activation',
      'command',
      tx('应急响应启动时间', 'Response activation time'),
      respT ? targetSrc(respT, '灾害发生后启动响应', 'response after the first failure') : ['assumed 2 h', tx('假定：灾害发生后 2 小时内启动响应', 'assumed: response within 2 h')],
      failures.length ? [judge(String(failures[0]!.site), nm(failures[0]!.site), failures[0]!.t, activations, (respT?.hours ?? 2) * 60, endMin, true)] : [],
    ),
  );

  // 4–5. dispatch: from each cut to a clearing team sent to that link; from each failure needing rescue to a rescue team
  const dispatched = sim.filter((e) => e.type === 'team.dispatched') as (LogEvent & { task: string; target: string })[];
  const cuts = sim.filter((e) => e.type === 'road.cut');
  metrics.push(
    metric('dispatchClear', 'operations', tx('抢通队伍派出时间', 'Time to send a clearing team'), limitSrc('dispatchMin', L.dispatchMin, '道路中断后派出抢通队伍', 'clearing team after a cut'),
      cuts.map((c) => judge(String(c.link), nm(c.link), c.t, dispatched.filter((d) => d.task === 'clear' && d.target === c.link).map((d) => d.t), L.dispatchMin, endMin))),
  );
  const rescueSites = new Set((outcome?.rescue ?? []).map((r) => r.site));
  metrics.push(
    metric('dispatchRescue', 'operations', tx('救援队伍派出时间', 'Time to send a rescue team'), limitSrc('dispatchMin', L.dispatchMin, '灾害发生后派出救援队伍', 'rescue team after a failure'),
      failures.filter((f) => rescueSites.has(String(f.site))).map((f) => judge(String(f.site), nm(f.site), f.t, dispatched.filter((d) => d.task === 'rescue' && d.target === f.site).map((d) => d.t), L.dispatchMin, endMin))),
  );

  // 6–8. from the engine's outcome: rescue arrival, trunk reopening, relief per village
  const fromOutcome = (kind: string, id: string, objective: string, name: DrillText, rows: { label: string; start: number; took: number | null }[]) => {
    const tg = target(kind);
    if (!tg) return;
    const limit = tg.hours * 60;
    metrics.push(
      metric(id, objective, name, targetSrc(tg, name.zh, name.en ?? name.zh),
        rows.map((r) => {
          const open = r.took === null;
          return { label: r.label, name: nm(r.label), startMin: r.start, endMin: open ? null : round(r.start + r.took!), tookMin: r.took, limitMin: limit, met: open ? (endMin - r.start < limit ? null : false) : r.took! <= limit };
        })),
    );
  };
  const m = (h: number | null) => (h === null ? null : round(h * 60));
  if (outcome) {
    fromOutcome('rescueArrivalWithin', 'rescueArrival', 'operations', tx('救援力量到达时间', 'Rescue team on site'), outcome.rescue.map((r) => ({ label: r.site, start: r.failedAtHours * 60, took: m(r.hoursToRescue) })));
    fromOutcome('trunkReopenWithin', 'trunkReopen', 'operations', tx('干线公路抢通时间', 'Trunk road reopened'), outcome.roads.filter((r) => r.trunk).map((r) => ({ label: r.link, start: r.cutAtHours * 60, took: m(r.hoursClosed) })));
    fromOutcome('reliefWithin', 'relief', 'resources', tx('受灾群众初步救助时间', 'First relief per village'), outcome.relief.map((r) => ({ label: r.village, start: r.affectedAtHours * 60, took: m(r.hoursToRelief) })));
  }

  // 9. evacuation before failure
  metrics.push(
    metric('evacuation', 'protection', tx('隐患点群众提前转移', 'People evacuated before the failure'), ['each failed site', tx('每个发生灾害的隐患点', 'each failed site')],
      failures.map((f) => ({ label: String(f.site), name: nm(f.site), startMin: f.t, endMin: f.t, tookMin: 0, limitMin: 0, met: f.evacuated === true }))),
  );

  // 10. expected actions of each released inject
  const injects = new Map<string, Inject>(config.injects.map((i) => [`inject:${i.id}`, i]));
  for (const r of records) if (r.kind === 'injectScript') injects.set(String(r.data.key), r.data.inject as Inject);
  const acks = records.filter((r) => r.kind === 'ack');
  const actions = records.filter((r) => r.kind === 'action' && r.data.result === 'accepted');
  const byObjective = new Map<string, MetricCase[]>();
  for (const rel of records.filter((r) => r.kind === 'inject')) {
    const inj = injects.get(String(rel.data.key));
    if (!inj) continue;
    for (const e of inj.expected) {
      const who = new Set(e.positions ?? (inj.to.length ? inj.to : config.positions.map((p) => p.id)));
      const title = (rel.data.title as DrillText | undefined) ?? inj.title;
      const j = judgeExpected({ s, names, inj, e, release: rel, sim, candidates: expectedCandidates(e, who, String(rel.data.key), acks, actions), endMin });
      const c: MetricCase = {
        label: `${inj.id} · ${e.id}`,
        name: tx(`“${title.zh}”后${e.label.zh}`, `${e.label.en ?? e.label.zh} after "${title.en ?? title.zh}"`),
        startMin: rel.t,
        // done between the triggering event and the inject: shown done at the release, with the real time beside it
        endMin: j.endAt === null ? null : Math.max(j.endAt, rel.t),
        ...(j.endAt !== null && j.endAt < rel.t ? { doneAtMin: j.endAt } : {}),
        tookMin: j.tookMin,
        limitMin: e.withinMin,
        met: j.check.verdict === 'open' ? null : j.check.verdict === 'met',
        check: j.check,
      };
      const obj = e.objective ?? 'command';
      byObjective.set(obj, [...(byObjective.get(obj) ?? []), c]);
    }
  }
  const objectiveLabel = (obj: string): DrillText => {
    const o = config.objectives.find((x) => x.id === obj)?.name;
    return o ? tx(`情景事件期望行动（${o.zh}）`, `Expected actions after injects (${o.en ?? o.zh})`) : tx('情景事件期望行动', 'Expected actions after injects');
  };
  for (const [obj, cases] of byObjective) metrics.push(metric(`expected:${obj}`, obj, objectiveLabel(obj), ['MSEL time limits', tx('情景事件清单规定的时限', 'time limits of the MSEL')], cases));

  const notes: Note[] = records
    .filter((r) => r.kind === 'note')
    .map((r) => ({
      seq: r.seq, t: r.t, at: r.at, by: String(r.data.by), name: String(r.data.name ?? ''), text: String(r.data.text),
      objective: (r.data.objective as string | undefined) ?? null, rating: (r.data.rating as number | undefined) ?? null, improvement: r.data.improvement === true,
    }));

  const objectives: ObjectiveScore[] = config.objectives.map((o) => {
    const ms = metrics.filter((x) => x.objective === o.id && x.judged > 0);
    const quantitative = ms.length ? round((ms.reduce((a, x) => a + x.credit / x.judged, 0) / ms.length) * 100) : null;
    const ratings = notes.filter((n) => n.objective === o.id && n.rating !== null).map((n) => n.rating!);
    const rated = ratings.length ? round((ratings.reduce((a, b) => a + b, 0) / ratings.length) * 20) : null;
    const score = quantitative !== null && rated !== null ? round(0.7 * quantitative + 0.3 * rated) : (quantitative ?? rated);
    return { id: o.id, name: o.name, weight: o.weight, quantitative, rated, ratings: ratings.length, score, conclusion: conclusionOf(score) };
  });
  const scored = objectives.filter((o) => o.score !== null);
  const wsum = scored.reduce((a, o) => a + o.weight, 0);
  const overall = wsum ? round(scored.reduce((a, o) => a + o.score! * o.weight, 0) / wsum) : null;

  const improvements: Evaluation['improvements'] = [];
  for (const x of metrics)
    for (const c of x.cases)
      if (c.met === false)
        improvements.push({
          objective: x.objective,
          source: 'metric',
          text:
            c.check
              ? tx(
                  `${c.name.zh}：${c.check.verdict === 'partly' ? '部分达到' : '未达到'}，${c.check.why.zh}${c.check.expected ? `（应为：${c.check.expected.zh}）` : ''}`,
                  `${c.name.en ?? c.name.zh}: ${c.check.verdict === 'partly' ? 'partly met' : 'not met'}, ${c.check.why.en ?? c.check.why.zh}${c.check.expected ? ` (expected: ${c.check.expected.en ?? c.check.expected.zh})` : ''}`,
                )
              : x.id === 'evacuation'
              ? tx(`${x.name.zh}（${c.name.zh}）：失稳前未转移受威胁群众`, `${x.name.en} (${c.name.en}): people were not moved before the slope failed`)
              : tx(
                  `${x.name.zh}（${c.name.zh}）：${c.tookMin === null ? '未完成' : `用时 ${fmtMinZh(c.tookMin)}`}，要求 ${fmtMinZh(c.limitMin)} 以内`,
                  `${x.name.en} (${c.name.en}): ${c.tookMin === null ? 'not done' : `took ${fmtMin(c.tookMin)}`}, limit ${fmtMin(c.limitMin)}`,
                ),
        });
  for (const n of notes) if (n.improvement) improvements.push({ objective: n.objective, source: 'note', text: tx(n.text, n.text) });

  return { endMin, metrics, objectives, overall, conclusion: conclusionOf(overall), notes, improvements };
}

/** What may fulfil an expected action: acknowledgements of the inject, or accepted decisions of the kind, by the positions concerned. */
function expectedCandidates(e: ExpectedAction, who: Set<string>, key: string, acks: readonly DrillRecord[], actions: readonly DrillRecord[]): { t: number; decision: Decision | null }[] {
  if (e.action === 'acknowledge') return acks.filter((a) => a.data.key === key && who.has(String(a.data.position))).map((a) => ({ t: a.t, decision: null }));
  return actions.filter((a) => who.has(String(a.data.position)) && (a.data.decision as { kind: string }).kind === e.action).map((a) => ({ t: a.t, decision: a.data.decision as Decision }));
}

/** "1 小时 05 分钟" style for minutes, for Chinese text. Pure. */
export function fmtMinZh(min: number): string {
  if (min === 0) return '0 分钟';
  const h = Math.floor(min / 60);
  const mm = Math.round(min - h * 60);
  return h ? (mm ? `${h} 小时 ${mm} 分钟` : `${h} 小时`) : `${mm} 分钟`;
}

/** "1 h 05 min" style for minutes. Pure. */
export function fmtMin(min: number): string {
  if (min === 0) return '0 min';
  const h = Math.floor(min / 60);
  const mm = Math.round(min - h * 60);
  return h ? `${h} h ${String(mm).padStart(2, '0')} min` : `${mm} min`;
}
