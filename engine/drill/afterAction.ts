import type { Scenario } from '../scenario/schema/scenario.ts';
import type { LogEvent } from '../sim/eventLog.ts';
import type { TrialOutcome } from '../sim/outcome.ts';
import { verifyCommitment, type CommitmentReveal, type Verification } from './blindDraw.ts';
import type { DrillConfig } from './drillConfig.ts';
import { evaluateDrill, type Evaluation } from './evaluate.ts';
import { verifyChain } from './hashChain.ts';
import type { DrillRecord } from './records.ts';

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
    integrity: { chain: chain.ok ? { ok: true, count: chain.count, head: chain.head } : { ok: false, count: recs.length, head: null, badSeq: chain.badSeq }, commitment, reveal, verification },
    timeline,
    decisions: recs.filter((r) => r.kind === 'action').map((r) => ({ t: r.t, position: String(r.data.position), participant: String(r.data.participant), decision: r.data.decision, result: String(r.data.result), error: r.data.error ?? null })),
    injects: recs
      .filter((r) => r.kind === 'inject')
      .map((r) => ({ key: String(r.data.key), t: r.t, title: r.data.title, how: r.data.how, to: r.data.to, acks: acks.filter((x) => x.data.key === r.data.key).map((x) => ({ position: String(x.data.position), t: x.t })) })),
    evaluation: evaluateDrill(a.scenario, a.config, recs, a.outcome),
    outcome: a.outcome,
  };
}
