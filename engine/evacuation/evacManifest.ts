import type { EvacMode, TimedEvacDecision } from './evacDecision.ts';
import type { EvacuationScenario } from './schema.ts';
import type { Manifest } from '../sim/eventLog.ts';
import { ENGINE_VERSION } from '../version.ts';

/**
 * The first line of a building run's JSONL log (`yanlian run --log`, golden files): enough to
 * replay it — engine version, scenario id, SHA-256 and path, seed, plan mode and any decisions.
 * Times in the log are seconds since ignition (`horizonS`), unlike the county manifest's hours.
 */
export interface EvacManifest {
  type: 'manifest';
  engine: 'yanlian';
  engineVersion: string;
  model: 'evacuation';
  scenario: { id: string; sha256: string; file?: string };
  seed: number;
  horizonS: number;
  mode: EvacMode;
  decisions: TimedEvacDecision[];
}

/** Builds the manifest of a building run; pure apart from the engine version constant. */
export function evacManifest(s: EvacuationScenario, sha256: string, file: string, seed: number, mode: EvacMode = 'auto', decisions: TimedEvacDecision[] = []): EvacManifest {
  return { type: 'manifest', engine: 'yanlian', engineVersion: ENGINE_VERSION, model: 'evacuation', scenario: { id: s.id, sha256, file }, seed, horizonS: s.horizonS, mode, decisions };
}

/** True when a parsed manifest is a building run's. */
export function isEvacManifest(m: Manifest | EvacManifest): m is EvacManifest {
  return (m as { model?: unknown }).model === 'evacuation';
}

