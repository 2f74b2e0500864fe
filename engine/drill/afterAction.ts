import type { Scenario } from '../scenario/schema/scenario.ts';
import type { LogEvent } from '../sim/eventLog.ts';
import type { TrialOutcome } from '../sim/outcome.ts';
import { verifyCommitment, type CommitmentReveal, type Verification } from './blindDraw.ts';
import type { DrillConfig } from './drillConfig.ts';
import { evaluateDrill, type Evaluation } from './evaluate.ts';
import { verifyChain } from './hashChain.ts';
import { DrillNames } from './names.ts';
import type { DrillRecord } from './records.ts';
import { channelName, decisionObjects, eventSentence, HOW_NAMES, recordSentence } from './reportText.ts';
import type { Decision } from '../sim/decision.ts';

/** Engine event types worth a line in the debrief timeline. */
const KEY_EVENTS = new Set([
  'warning.changed', 'warning.issued', 'site.failed', 'site.evacuated', 'road.cut', 'road.reopened', 'response.changed',
  'team.dispatched', 'team.arrived', 'relief.first', 'stock.out', 'shelter.overflow', 'shelter.opened', 'report.submitted',
]);

export interface AfterActionReport {
  kind: 'yanlian.afterAction';
  v: 1;
  drill: { id: string; title: string; mode: string; scenario: { id: string; name: { zh: string; en: string }; sha256: string }; phases: { t: number; at: number; from: string; to: string; reason: string | null }[]; endMin: number };
  integrity: {
    chain: { ok: boolean; count: number; head: string | null; badSeq?: number };
    commitment: string | null;
    reveal: CommitmentReveal | null;
    verification: Verification | null;
  };
  timeline: { seq: number; t: number; kind: string; what: string; detail: Record<string, unknown> }[];
  decisions: { t: number; position: string; participant: string; decision: unknown; result: string; error: unknown }[];
  injects: { key: string; t: number; title: unknown; how: unknown; to: unknown; acks: { position: string; t: number }[] }[];
  evaluation: Evaluation;
  outcome: TrialOutcome | null;
  /** the same report as a county office reads it: names and sentences, no ids or JSON */
  document: ReportDocument;
}

type Name = { zh: string; en: string };

/** The report as a document (engine/drill/reportText.ts words it); HTML and Word render it. */
export interface ReportDocument {
  cover: {
    title: string;
    /** wall-clock ms of the start of the drill (its first run), or of its creation */
    startedAt: number | null;
    mode: Name;
    scenario: Name;
    positions: Name[];
    directors: string[];
    evaluators: string[];
    durationMin: number;
  };
  summary: {
    overall: number | null;
    conclusion: Evaluation['conclusion'];
    byConclusion: Record<Evaluation['conclusion'], Name[]>;
    method: Name;
  };
  timeline: { t: number; text: Name; kind: 'world' | 'drill' | 'inject' | 'decision' | 'note' }[];
  decisions: { t: number; position: Name; text: Name; accepted: boolean; refusal: Name | null; next: { t: number; text: Name }[] }[];
  injects: { t: number; title: Name; body: Name; how: Name; channel: Name; to: Name[]; acks: { position: Name; t: number; afterMin: number }[]; unacked: Name[] }[];
  notes: { t: number; by: string; objective: Name | null; rating: number | null; text: string; improvement: boolean }[];
  integrity: Name[];
}

/**
 * The after-action report (复盘) as plain JSON: timeline, decisions, injects and acknowledgements,
 * metrics against targets with scores per objective, evaluators' notes, improvement items, and
 * the integrity checks (hash chain, and after the debrief the 双盲 commitment). Pure; the
 * chain is checked with the given digest (the pure SHA-256 by default).
 */
export function afterActionReport(a: {
  id: string;
  title: string;
  mode: string;
  scenario: Scenario;
  scenarioText: string;
  scenarioSha256: string;
  config: DrillConfig;
  records: readonly DrillRecord[];
  outcome: TrialOutcome | null;
  digest?: (s: string) => string;
  /** who took part (names and roles), for the cover; none given: the cover names no one */
  participants?: readonly { id: string; role: string; name: string }[];
  /** wall-clock ms the drill was created, when it never ran */
  createdAt?: number;
}): AfterActionReport {
  const recs = a.records;
  const chain = verifyChain(recs, a.digest);
  const commitment = (recs.find((r) => r.kind === 'commitment')?.data.commitment as string | undefined) ?? null;
  const reveal = (recs.find((r) => r.kind === 'reveal')?.data.reveal as CommitmentReveal | undefined) ?? null;
  const verification = commitment && reveal ? verifyCommitment(commitment, reveal, { scenarioText: a.scenarioText, config: a.config, scenario: a.scenario }) : null;
  const timeline: AfterActionReport['timeline'] = [];
  for (const r of recs) {
    if (r.kind === 'sim') {
      const e = r.data as LogEvent;
      if (KEY_EVENTS.has(e.type)) {
        const { seq: _s, t: _t, type, ...detail } = e;
        timeline.push({ seq: r.seq, t: r.t, kind: 'sim', what: type, detail });
      }
    } else if (r.kind === 'phase' || r.kind === 'inject' || r.kind === 'intel' || r.kind === 'action' || r.kind === 'note' || r.kind === 'clock')
      timeline.push({ seq: r.seq, t: r.t, kind: r.kind, what: r.kind === 'phase' ? `${String(r.data.from)}→${String(r.data.to)}` : r.kind === 'inject' ? String(r.data.inject) : r.kind === 'intel' ? String(r.data.what) : r.kind === 'action' ? String((r.data.decision as { kind: string }).kind) : r.kind, detail: r.data });
  }
  const acks = recs.filter((r) => r.kind === 'ack');
  const evaluation = evaluateDrill(a.scenario, a.config, recs, a.outcome);
  const integrity = { chain: chain.ok ? { ok: true, count: chain.count, head: chain.head } : { ok: false, count: recs.length, head: null, badSeq: chain.badSeq }, commitment, reveal, verification };
  return {
    kind: 'yanlian.afterAction',
    v: 1,
    drill: {
      id: a.id,
      title: a.title,
      mode: a.mode,
      scenario: { id: a.scenario.id, name: a.scenario.name, sha256: a.scenarioSha256 },
      phases: recs.filter((r) => r.kind === 'phase').map((r) => ({ t: r.t, at: r.at, from: String(r.data.from), to: String(r.data.to), reason: (r.data.reason as string | null) ?? null })),
      endMin: Math.max(0, ...recs.map((r) => r.t)),
    },
    integrity,
    timeline,
    decisions: recs.filter((r) => r.kind === 'action').map((r) => ({ t: r.t, position: String(r.data.position), participant: String(r.data.participant), decision: r.data.decision, result: String(r.data.result), error: r.data.error ?? null })),
    injects: recs
      .filter((r) => r.kind === 'inject')
      .map((r) => ({ key: String(r.data.key), t: r.t, title: r.data.title, how: r.data.how, to: r.data.to, acks: acks.filter((x) => x.data.key === r.data.key).map((x) => ({ position: String(x.data.position), t: x.t })) })),
    evaluation,
    outcome: a.outcome,
    document: reportDocument(a, evaluation, integrity),
  };
}

const CONCLUSIONS: Evaluation['conclusion'][] = ['met', 'partlyMet', 'notMet', 'notJudged'];

/** The document part of the report: every id replaced by its name, every record by a sentence. Pure. */
function reportDocument(
  a: Parameters<typeof afterActionReport>[0],
  ev: Evaluation,
  integ: AfterActionReport['integrity'],
): ReportDocument {
  const names = new DrillNames(a.scenario, a.config);
  const nm = (id: unknown): Name => ({ zh: names.name(id, 'zh'), en: names.name(id, 'en') });
  const people = new Map((a.participants ?? []).map((p) => [p.id, p]));
  const who = (id: unknown) => {
    const p = people.get(String(id));
    if (!p) return '';
    const role = p.role === 'director' ? '导调' : p.role === 'evaluator' ? '评估人员' : '';
    return p.name.startsWith(role) ? p.name : `${role}${p.name}`;
  };
  const recs = a.records;
  const started = recs.find((r) => r.kind === 'phase' && r.data.to === 'running');
  const timeline: ReportDocument['timeline'] = [];
  for (const r of recs) {
    if (r.kind === 'sim') {
      const e = r.data as LogEvent;
      // a dispatch or a report is already the decision's own line
      if (!KEY_EVENTS.has(e.type) || e.type === 'team.dispatched' || e.type === 'report.submitted') continue;
      const text = eventSentence(names, e);
      if (text) timeline.push({ t: r.t, text, kind: 'world' });
    } else if (r.kind === 'phase' || r.kind === 'inject' || r.kind === 'action' || r.kind === 'note') {
      const text = recordSentence(names, r, who);
      if (text) timeline.push({ t: r.t, text, kind: r.kind === 'phase' ? 'drill' : r.kind === 'action' ? 'decision' : r.kind });
    }
  }
  const sim = recs.filter((r) => r.kind === 'sim').map((r) => r.data as LogEvent);
  const decisions: ReportDocument['decisions'] = recs
    .filter((r) => r.kind === 'action')
    .map((r) => {
      const d = r.data.decision as Decision;
      const accepted = r.data.result === 'accepted';
      const objs = new Set(decisionObjects(d));
      // what happened next to what the decision acted on (its team, road, site, store …), up to three lines
      const next = accepted
        ? sim
            .filter((e) => e.t >= r.t && e.type !== 'decision.applied' && ['team', 'link', 'site', 'village', 'shelter', 'warehouse', 'target'].some((k) => objs.has(String(e[k]))))
            .map((e) => ({ t: e.t, text: eventSentence(names, e) }))
            .filter((x): x is { t: number; text: Name } => x.text !== null)
            .slice(0, 3)
        : [];
      const err = r.data.error as Name | null;
      return { t: r.t, position: nm(r.data.position), text: { zh: names.decision(d, 'zh'), en: names.decision(d, 'en') }, accepted, refusal: accepted ? null : err ? { zh: err.zh, en: err.en } : null, next };
    });
  const ackRecs = recs.filter((r) => r.kind === 'ack');
  const allPositions = a.config.positions.map((p) => p.id);
  const injects: ReportDocument['injects'] = recs
    .filter((r) => r.kind === 'inject')
    .map((r) => {
      const to = Array.isArray(r.data.to) && r.data.to.length ? (r.data.to as string[]) : allPositions;
      const acks = ackRecs.filter((x) => x.data.key === r.data.key);
      const acked = new Set(acks.map((x) => String(x.data.position)));
      return {
        t: r.t,
        title: r.data.title as Name,
        body: r.data.body as Name,
        how: HOW_NAMES[String(r.data.how)] ?? { zh: String(r.data.how), en: String(r.data.how) },
        channel: channelName(r.data.channel),
        to: Array.isArray(r.data.to) && r.data.to.length ? to.map(nm) : [{ zh: '全部岗位', en: 'every position' }],
        acks: acks.map((x) => ({ position: nm(x.data.position), t: x.t, afterMin: Math.round((x.t - r.t) * 10) / 10 })),
        unacked: to.filter((p) => !acked.has(p)).map(nm),
      };
    });
  const byConclusion = Object.fromEntries(CONCLUSIONS.map((c) => [c, ev.objectives.filter((o) => o.conclusion === c).map((o) => ({ zh: o.name.zh, en: o.name.en ?? o.name.zh }))])) as ReportDocument['summary']['byConclusion'];
  const v = integ.verification;
  const integrity: Name[] = [
    integ.chain.ok
      ? { zh: `事件日志哈希链完整：共 ${integ.chain.count} 条记录，逐条校验一致`, en: `the hash chain of the log holds: ${integ.chain.count} records, each checked` }
      : { zh: `事件日志哈希链自第 ${integ.chain.badSeq} 条起不一致`, en: `the hash chain breaks at record ${integ.chain.badSeq}` },
  ];
  if (a.mode === 'blind')
    integrity.push(
      integ.commitment
        ? { zh: `开演前公布了承诺值（SHA-256），演练中情景、种子和时间表保密`, en: 'a SHA-256 commitment was published before the start; the scenario, seed and schedule stayed sealed' }
        : { zh: '尚未公布承诺值', en: 'no commitment yet' },
      v
        ? v.ok
          ? { zh: `复盘时揭示并校验通过：承诺值、场景、配置一致，按规则由种子重抽的时间表一致（种子 ${integ.reveal?.drillSeed}）`, en: `revealed and verified at the debrief: commitment, scenario and config match, and the schedule redrawn from the seed (${integ.reveal?.drillSeed}) is the same` }
          : { zh: '复盘时揭示，但校验未通过', en: 'revealed at the debrief, but the check failed' }
        : { zh: '复盘时揭示后方可校验', en: 'verifiable once revealed at the debrief' },
    );
  return {
    cover: {
      title: a.title,
      startedAt: started?.at ?? a.createdAt ?? null,
      mode: a.mode === 'blind' ? { zh: '双盲演练', en: 'double-blind drill' } : { zh: '桌面推演（公开）', en: 'tabletop drill (open)' },
      scenario: { zh: a.scenario.name.zh, en: a.scenario.name.en ?? a.scenario.name.zh },
      positions: a.config.positions.map((p) => ({ zh: p.name.zh, en: p.name.en ?? p.name.zh })),
      directors: (a.participants ?? []).filter((p) => p.role === 'director').map((p) => p.name),
      evaluators: (a.participants ?? []).filter((p) => p.role === 'evaluator').map((p) => p.name),
      durationMin: Math.max(0, ...recs.map((r) => r.t)),
    },
    summary: {
      overall: ev.overall,
      conclusion: ev.conclusion,
      byConclusion,
      method: {
        zh: '情景事件的期望行动按内容评判：同类决策指向正确对象（发生灾害的隐患点及其村、中断的道路、与气象信号或预案分级条件相符的级别等）且在时限内为达到（计 1 分）；对象正确但超时，或按时但对象不符，为部分达到（计 0.5 分）；其余为未达到（0 分）。每项评估目标的得分 = 量化指标得分率 × 70% + 评估人员评分（1–5 分折算百分制）× 30%（仅有一项时取该项）；得分 ≥ 85 为达到，≥ 60 为部分达到，其余为未达到（参照 GB/T 46792 附录 D.2）。总分为各目标按权重的加权平均。',
        en: 'Expected actions after injects are judged by content: the right kind of decision naming the right object (the failed site or its village, the cut road, a level fitting the weather signal or the plan’s response ladder …) within the limit is met (1); the right object late, or the wrong object in time, is partly met (½); anything else not met (0). Each objective scores 70 % the share of credit of its metric cases and 30 % the evaluators’ mean rating (1–5 scaled to 100), or the one of the two it has; ≥ 85 met, ≥ 60 partly met, else not met (after GB/T 46792 annex D.2). The overall score is the weighted mean.',
      },
    },
    timeline,
    decisions,
    injects,
    notes: ev.notes.map((n) => ({ t: n.t, by: n.name, objective: n.objective ? (ev.objectives.find((o) => o.id === n.objective)?.name as Name | undefined) ?? null : null, rating: n.rating, text: n.text, improvement: n.improvement })),
    integrity,
  };
}
