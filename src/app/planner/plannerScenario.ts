import { loadAnyScenario } from '../../../engine/evacuation/loadAnyScenario.ts';
import type { Lang } from '../../../engine/i18n/lang.ts';
import type { ModelId, ScenarioOf } from '../../../engine/model/modelTypes.ts';
import { TEXT_LIMITS } from '../../../engine/scenario/boundedParse.ts';
import { decodeUtf8 } from '../../../engine/scenario/decodeUtf8.ts';
import { formatMessage } from '../../../engine/scenario/messages.ts';
import { parseLocated } from '../../../engine/scenario/parseLocated.ts';
import type { Problem } from '../../../engine/scenario/problem.ts';

/** A valid scenario of model K as the planner runs it, with the SHA-256 of its file's bytes. */
export interface PlannerScenarioOf<K extends ModelId> {
  model: K;
  scenario: ScenarioOf<K>;
  /** the file name (uploaded) or `NAME.yaml` (shipped), as problems and the equivalent command name it */
  file: string;
  /** hex SHA-256 of the file's exact bytes (BOM included), as `yanlian simulate` records it */
  sha256: string;
  warnings: Problem[];
  /** the file's parsed value, as the plan editor edits it */
  doc: unknown;
  /** the file's text (decoded) */
  text: string;
}

/** A valid scenario of any model (one member per model, so `model` narrows it). */
export type PlannerScenario = { [K in ModelId]: PlannerScenarioOf<K> }[ModelId];

export type PlannerLoad = { ok: true; loaded: PlannerScenario } | { ok: false; problems: Problem[] };

/** Hex SHA-256 of bytes with the browser's WebCrypto. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const d = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return Array.from(d, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Loads a scenario file's bytes as `yanlian simulate` reads a file (engine/node/readTextFile.ts,
 * which this mirrors without Node): at most TEXT_LIMITS.maxBytes, strict UTF-8 (the first bad
 * byte is a located problem), then the engine's own loader for either model
 * (engine/evacuation/loadAnyScenario.ts) — every problem with its line and column; nothing is
 * returned unless the file is valid. The SHA-256 is that of the bytes, so the summary's
 * `scenario.sha256` is the CLI's.
 */
export async function loadPlannerScenario(bytes: Uint8Array, file: string, lang: Lang): Promise<PlannerLoad> {
  const at = (line: number, col: number, message: string): PlannerLoad => ({ ok: false, problems: [{ file, line, col, path: [], message, severity: 'error' }] });
  if (bytes.length > TEXT_LIMITS.maxBytes) return at(1, 1, formatMessage('fileTooLarge', lang, { max: TEXT_LIMITS.maxBytes }));
  const d = decodeUtf8(bytes);
  if (!d.ok) return at(d.line, d.col, formatMessage('badUtf8', lang, { byte: d.byte.toString(16).toUpperCase().padStart(2, '0') }));
  const r = loadAnyScenario(d.text, file, lang);
  if (!r.ok) return { ok: false, problems: r.problems };
  const sha256 = await sha256Hex(bytes);
  const parsed = parseLocated(d.text, file, lang);
  const doc = parsed.ok ? parsed.raw : null;
  const loaded: PlannerScenario =
    r.model === 'evacuation'
      ? { model: 'evacuation', scenario: r.scenario, file, sha256, warnings: r.warnings, doc, text: d.text }
      : { model: 'county', scenario: r.scenario, file, sha256, warnings: r.warnings, doc, text: d.text };
  return { ok: true, loaded };
}
