import { MODELS } from '../../../engine/model/models.ts';
import type { ModelId, ScenarioOf, SummaryOf } from '../../../engine/model/modelTypes.ts';
import { CSV_BOM } from '../../../engine/montecarlo/csvRow.ts';
import { defaultChunkSize } from '../../../engine/montecarlo/runChunk.ts';
import { masterSeedFrom } from '../../../engine/random/deriveSeed.ts';
import { ENGINE_VERSION } from '../../../engine/version.ts';
import type { BrowserMcResult } from './browserChunkPool.ts';

/** The limits of `yanlian simulate`'s options (src/cli/simulateCommand.ts SIMULATE_LIMITS), inclusive. */
export const PLANNER_LIMITS = { trials: [1, 1_000_000_000], chunk: [1, 1_000_000] } as const;

/** A run's settings as checked from the form: what `yanlian simulate` would be given. */
export interface PlannerRunSettings {
  trials: number;
  /** the uint32 master seed */
  seed: number;
  /** the seed field's text as typed (recorded as `seedInput` when it is not the number itself) */
  seedInput: string;
  chunkSize: number;
  /** whether the chunk size was typed (else defaultChunkSize(trials), as the CLI) */
  chunkGiven: boolean;
  /** standard error (a probability, 0 < x ≤ 0.5) or null */
  untilSe: number | null;
}

export type SettingsError = 'badTrials' | 'badSeed' | 'badChunk' | 'badUntilSe';

const whole = (raw: string, [min, max]: readonly [number, number]): number | null => {
  const v = raw.trim();
  const n = Number(v);
  return /^\d+$/.test(v) && n >= min && n <= max ? n : null;
};

/**
 * Checks the form's fields exactly as `yanlian simulate` checks its options (parseInteger,
 * parseSeed, parseUntilSe in src/cli), so a run here means what the same options mean there.
 * `untilSePp` is in percentage points (1 → `--until-se 0.01`); empty means none. Pure.
 */
export function parseRunSettings(f: { trials: string; seed: string; chunk: string; untilSePp: string }): { ok: true; settings: PlannerRunSettings } | { ok: false; errors: SettingsError[] } {
  const errors: SettingsError[] = [];
  const trials = whole(f.trials, PLANNER_LIMITS.trials);
  if (trials === null) errors.push('badTrials');
  const seed = parseSeedText(f.seed);
  if (seed === null) errors.push('badSeed');
  const chunkGiven = f.chunk.trim() !== '';
  const chunk = chunkGiven ? whole(f.chunk, PLANNER_LIMITS.chunk) : trials === null ? 1 : defaultChunkSize(trials);
  if (chunk === null) errors.push('badChunk');
  let untilSe: number | null = null;
  if (f.untilSePp.trim() !== '') {
    const pp = Number(f.untilSePp.trim());
    // the CLI's bound (0 < X ≤ 0.5) in percentage points; rounded so 1 pp is exactly 0.01
    const x = Math.round(pp * 1e6) / 1e8;
    if (!Number.isFinite(pp) || !(x > 0) || x > 0.5) errors.push('badUntilSe');
    else untilSe = x;
  }
  if (errors.length || trials === null || seed === null || chunk === null) return { ok: false, errors };
  return { ok: true, settings: { trials, seed, seedInput: f.seed, chunkSize: chunk, chunkGiven, untilSe } };
}

/** `--seed` as src/cli/parseSeed.ts reads it: an integer 0 … 4294967295 is itself, other text is hashed; null when refused. Pure. */
export function parseSeedText(raw: string): number | null {
  const v = raw.trim();
  const numeric = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(v);
  if (v === '' || (numeric && !(/^\d+$/.test(v) && Number(raw) <= 0xffffffff))) return null;
  try {
    return masterSeedFrom(numeric ? Number(raw) : raw);
  } catch {
    return null;
  }
}

/**
 * The summary of a run, built with the same meta `yanlian simulate` gives the model's summarize
 * (src/cli/simulateCommand.ts): engine version, SHA-256 of the file's bytes, seed, seedInput when
 * the seed text was not the number itself, trials asked for, chunk size, why it stopped, untilSe.
 * Pure.
 */
export function plannerSummary<K extends ModelId>(model: K, scenario: ScenarioOf<K>, sha256: string, s: PlannerRunSettings, r: BrowserMcResult<K>): SummaryOf<K> {
  return MODELS[model].mc.summarize(scenario, r.layout, r.agg, {
    engineVersion: ENGINE_VERSION,
    scenarioSha256: sha256,
    seed: s.seed,
    ...(String(s.seed) !== s.seedInput.trim() ? { seedInput: s.seedInput } : {}),
    trialsRequested: s.trials,
    chunkSize: s.chunkSize,
    stoppedBy: r.stoppedBy,
    untilSe: s.untilSe,
  });
}

/** The summary file's text, exactly as `simulate --json` writes it. Pure. */
export function summaryJson(summary: unknown): string {
  return JSON.stringify(summary, null, 2) + '\n';
}

/** The per-trial CSV file's text, exactly as `simulate --csv` writes it: BOM, header, then each chunk's lines in chunk order. Pure. */
export function trialsCsv<K extends ModelId>(model: K, layout: BrowserMcResult<K>['layout'], lines: readonly string[]): string {
  return CSV_BOM + MODELS[model].mc.csvHeader(layout) + lines.join('');
}

/** The command line that gives the same summary (the file name as the planner knows it). Pure. */
export function equivalentCommand(file: string, s: PlannerRunSettings): string {
  const q = (x: string) => (/^[\w./@:+-]+$/.test(x) ? x : `'${x.replace(/'/g, `'\\''`)}'`);
  return [
    'npx yanlian simulate',
    q(file),
    `--trials ${s.trials}`,
    `--seed ${q(s.seedInput.trim() === String(s.seed) ? String(s.seed) : s.seedInput)}`,
    ...(s.chunkGiven || s.untilSe !== null ? [`--chunk ${s.chunkSize}`] : []),
    ...(s.untilSe !== null ? [`--until-se ${s.untilSe}`] : []),
    '--json summary.json',
  ].join(' ');
}
