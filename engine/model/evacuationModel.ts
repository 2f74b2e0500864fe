import { EvacLiveTrial } from '../evacuation/evacLiveTrial.ts';
import { parseEvacDecision } from '../evacuation/evacDecisionSchema.ts';
import { EVAC_FOG_RULES } from '../evacuation/evacFogRules.ts';
import { createEvacAggregate } from '../evacuation/montecarlo/evacAggregate.ts';
import { evacCsvHeader } from '../evacuation/montecarlo/evacCsv.ts';
import { evacMaxStoppingSe, summarizeEvac } from '../evacuation/montecarlo/summarizeEvac.ts';
import { loadEvacuationScenario, loadParsedEvacuationScenario } from '../evacuation/loadEvacuationScenario.ts';
import { runEvacuation } from '../evacuation/runEvacuation.ts';
import { evacManifest } from '../evacuation/evacManifest.ts';
import { MC_RUNNERS } from './mcRunners.ts';
import type { Model } from './model.ts';
import { PLAYBACKS } from './modelPlaybacks.ts';

/**
 * The building evacuation (school fire: fire, smoke, the duties, groups on stairs) behind the
 * model contract. Times in seconds since ignition; a run without decisions is the plan (`auto`).
 */
export const evacuationModel: Model<'evacuation'> = {
  id: 'evacuation',
  label: { zh: '建筑疏散', en: 'building evacuation' },
  timeUnit: 'seconds',
  claims: (raw) => raw !== null && typeof raw === 'object' && (raw as { model?: unknown }).model === 'evacuation',
  load: (text, file, lang) => loadEvacuationScenario(text, file, lang),
  loadParsed: (doc, lang) => loadParsedEvacuationScenario(doc, lang),
  run: (s, seed, opts = {}) => {
    const p = opts.played;
    const r = runEvacuation(s, seed, { keepLog: opts.keepLog ?? true, ...(p ? { mode: p.mode, decisions: p.decisions } : {}) });
    return { events: r.log, outcome: r.outcome };
  },
  manifest: (s, x) => evacManifest(s, x.sha256, x.file, x.seed, x.played?.mode, x.played?.decisions),
  ownsManifest: (m) => m.model === 'evacuation',
  playedOf: (m) => ({ mode: m.mode ?? 'auto', decisions: m.decisions ?? [] }),
  mc: {
    ...MC_RUNNERS.evacuation,
    createAggregate: createEvacAggregate,
    maxSe: evacMaxStoppingSe,
    csvHeader: evacCsvHeader,
    summarize: summarizeEvac,
  },
  live: {
    create: (s, seed, opts = {}) => new EvacLiveTrial(s, seed, { mode: opts.mode ?? 'manual' }),
    parseDecision: parseEvacDecision,
    fogRules: EVAC_FOG_RULES,
    horizon: (s) => s.horizonS,
  },
  playback: PLAYBACKS.evacuation,
  // live: a school drill runs step by step with decisions (EvacLiveTrial); drill: the drill
  // server's session (positions with remits, fog, injects, scoring) is the county's so far
  supports: { sweep: false, live: true, drill: false },
};
