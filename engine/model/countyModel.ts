import { parseDecision } from '../drill/decisionSchema.ts';
import { FOG_RULES } from '../drill/fogRules.ts';
import { LiveTrial } from '../sim/liveTrial.ts';
import { createAggregate } from '../montecarlo/aggregate.ts';
import { csvHeader } from '../montecarlo/csvRow.ts';
import { maxStoppingSe } from '../montecarlo/headlineEstimates.ts';
import { summarize } from '../montecarlo/summarize.ts';
import { loadParsedScenario, loadScenario } from '../scenario/loadScenario.ts';
import { runTrial } from '../sim/runTrial.ts';
import { xstateMachines } from '../sim/trial.ts';
import { ENGINE_VERSION } from '../version.ts';
import { MC_RUNNERS } from './mcRunners.ts';
import type { Model } from './model.ts';
import { PLAYBACKS } from './modelPlaybacks.ts';

/**
 * The county disaster chain (rainstorm / earthquake / typhoon / fire season → failures → road
 * cuts → response, teams, relief) behind the model contract. Times in simulated minutes. A single
 * run uses the XState actors (the interactive path), Monte Carlo the compiled tables.
 */
export const countyModel: Model<'county'> = {
  id: 'county',
  label: { zh: '县域灾害链', en: 'county disaster chain' },
  timeUnit: 'minutes',
  claims: (raw) => raw === null || typeof raw !== 'object' || !('model' in raw) || (raw as { model?: unknown }).model === undefined,
  load: (text, file, lang) => loadScenario(text, file, lang),
  loadParsed: (doc, lang) => loadParsedScenario(doc, lang),
  run: (s, seed, opts = {}) => runTrial(s, seed, xstateMachines, opts.played ? { mode: opts.played.mode, decisions: opts.played.decisions, log: opts.keepLog ?? true } : { log: opts.keepLog ?? true }),
  manifest: (s, x) => ({
    type: 'manifest',
    engine: 'yanlian',
    engineVersion: ENGINE_VERSION,
    scenario: { id: s.id, sha256: x.sha256, file: x.file },
    seed: x.seed,
    horizonHours: s.horizonHours,
    ...(x.played ? { mode: x.played.mode, decisions: x.played.decisions } : {}),
  }),
  ownsManifest: (m) => m.model === undefined,
  playedOf: (m) => (m.mode === undefined && m.decisions === undefined ? undefined : { mode: m.mode ?? 'auto', decisions: m.decisions ?? [] }),
  mc: {
    ...MC_RUNNERS.county,
    createAggregate,
    maxSe: maxStoppingSe,
    csvHeader,
    summarize,
  },
  live: {
    create: (s, seed, opts = {}) => new LiveTrial(s, seed, { mode: opts.mode ?? 'manual' }),
    parseDecision,
    fogRules: FOG_RULES,
    horizon: (s) => s.horizonHours * 60,
  },
  playback: PLAYBACKS.county,
  supports: { sweep: true, live: true, drill: true },
};
