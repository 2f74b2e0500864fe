import { conclusionOf, type ObjectiveScore } from '../drill/evaluate.ts';
import type { LogEvent } from '../sim/eventLog.ts';
import type { TimedEvacDecision } from './evacDecision.ts';
import { EVAC_OBJECTIVES, evacDueReleases, judgeEvacInject, type EvacCheck, type EvacInject, type EvacRelease } from './evacDrillScript.ts';
import type { EvacuationScenario } from './schema.ts';

/** What a school drill did: its building log, accepted decisions (`by`: position id), acknowledgements and the director's manual releases (seconds). */
export interface EvacDrillRecord {
  events: readonly LogEvent[];
  decisions: readonly TimedEvacDecision[];
  acks: readonly { t: number; position: string; inject: string }[];
  manual: readonly { inject: string; atS: number }[];
  endS: number;
}

export interface EvacDrillScore {
  injects: { release: EvacRelease; checks: EvacCheck[] }[];
  objectives: Pick<ObjectiveScore, 'id' | 'name' | 'quantitative' | 'score' | 'conclusion'>[];
  overall: number | null;
  conclusion: ObjectiveScore['conclusion'];
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * A school drill scored as a county drill is (engine/drill/evaluate.ts): each released inject's
 * expected actions judged by content (1, ½, 0; not judged when the drill ended before the limit),
 * each objective the share of credit of its judged actions (0–100; evaluators' ratings are the
 * session's to add, 30 %), its conclusion by GB/T 46792 annex D.2's thresholds (≥ 85 met, ≥ 60
 * partly met), the overall score the mean over objectives with something judged. Pure.
 */
export function scoreEvacDrill(s: EvacuationScenario, positions: readonly string[], injects: readonly EvacInject[], rec: EvacDrillRecord): EvacDrillScore {
  const scripted = evacDueReleases(s, injects, rec.events, rec.endS);
  const manual: EvacRelease[] = rec.manual.flatMap((m) => {
    const inject = injects.find((i) => i.id === m.inject && i.trigger.kind === 'manual');
    return inject ? [{ inject, atS: m.atS, cause: null, title: inject.title, body: inject.body }] : [];
  });
  const released = [...scripted, ...manual].sort((a, b) => a.atS - b.atS);
  const judged = released.map((release) => {
    const to = release.inject.to.length ? release.inject.to : positions;
    const acks = rec.acks.filter((a) => a.inject === release.inject.id);
    return { release, checks: judgeEvacInject(s, release, to, rec.decisions, acks, rec.endS) };
  });
  const objectives = EVAC_OBJECTIVES.map((o) => {
    const credits = judged.flatMap((j) => j.checks).filter((c) => c.expected.objective === o.id && c.credit !== null).map((c) => c.credit!);
    const quantitative = credits.length ? round((credits.reduce((a, b) => a + b, 0) / credits.length) * 100) : null;
    return { id: o.id, name: o.name, quantitative, score: quantitative, conclusion: conclusionOf(quantitative) };
  });
  const scored = objectives.filter((o) => o.score !== null);
  const overall = scored.length ? round(scored.reduce((a, o) => a + o.score!, 0) / scored.length) : null;
  return { injects: judged, objectives, overall, conclusion: conclusionOf(overall) };
}
