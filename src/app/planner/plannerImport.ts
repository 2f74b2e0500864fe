/**
 * "新建县域情景" in the browser: the dropped files through the same importer as `yanlian import`
 * (src/import/importCounty.ts), the YAML it would write, and that YAML loaded with the planner's
 * loader (the engine's own), so what is saved is exactly what `yanlian validate` and `simulate`
 * read. Templates taken from a shipped scenario (earthquake, typhoon) fetch its exact bytes from
 * GET /api/planner/scenario/:name.
 */
import type { DivisionData } from '../../../engine/import/divisions.ts';
import { importMessage } from '../../../engine/import/importMessages.ts';
import type { Lang } from '../../../engine/i18n/lang.ts';
import { importCounty, importScenarioYaml, importTemplate, type ImportArgs, type ImportOutcome } from '../../import/importCounty.ts';
import type { Problem } from '../../../engine/scenario/problem.ts';
import { importSources, type DroppedFile } from './importFiles.ts';
import { loadPlannerScenario, type PlannerScenario } from './plannerScenario.ts';

export interface PlannerImportSettings {
  divisions: DivisionData;
  template: string;
  snapM?: number;
  bufferM?: number;
  /** the scenario's file name (the CLI's --out) */
  out: string;
}

export type PlannerImportResult =
  | { kind: 'files'; reason: 'noRoads' | 'twoRoads' | 'twice'; role?: string }
  | { kind: 'template'; text: string }
  | {
      kind: 'done';
      outcome: ImportOutcome;
      args: ImportArgs;
      /** the scenario as the CLI writes it, when the import succeeded */
      yaml?: string;
      /** that YAML loaded (valid) */
      loaded?: PlannerScenario;
      /** the loader's problems, when the YAML did not validate (a bug in the importer, not the files) */
      invalid?: Problem[];
      ms: number;
    };

const shippedText = async (file: string): Promise<string> => {
  const res = await fetch(`/api/planner/scenario/${encodeURIComponent(file.replace(/\.yaml$/, ''))}`);
  if (!res.ok) throw new Error(`${file}: HTTP ${res.status}`);
  return res.text();
};

/** Runs the import of the dropped files; never throws for bad files (their problems are in the outcome). */
export async function runPlannerImport(files: readonly DroppedFile[], o: PlannerImportSettings, lang: Lang): Promise<PlannerImportResult> {
  const src = importSources(files);
  if (!src.ok) return { kind: 'files', reason: src.reason, ...(src.role ? { role: src.role } : {}) };
  let template;
  try {
    template = await importTemplate(o.template, shippedText);
  } catch (e) {
    return { kind: 'template', text: e instanceof Error ? e.message : String(e) };
  }
  if (!template) return { kind: 'template', text: importMessage(lang, 'unknownTemplate', { value: o.template, allowed: '' }) };
  const t0 = performance.now();
  const outcome = await importCounty(src.sources, { divisions: o.divisions, template, ...(o.snapM !== undefined ? { snapM: o.snapM } : {}), ...(o.bufferM !== undefined ? { bufferM: o.bufferM } : {}) });
  // --template is named only when it is not the default, as a clerk would type the command
  const args: ImportArgs = { division: o.divisions.county.code, ...src.args, ...(o.template !== 'rainstorm' ? { template: o.template } : {}) };
  const done = { kind: 'done' as const, outcome, args };
  if (!outcome.built || outcome.problems.errorCount > 0) return { ...done, ms: performance.now() - t0 };
  const yaml = importScenarioYaml(outcome.built.scenario, o.divisions.county.zh, args);
  const r = await loadPlannerScenario(new TextEncoder().encode(yaml), o.out, lang);
  return r.ok ? { ...done, yaml, loaded: r.loaded, ms: performance.now() - t0 } : { ...done, yaml, invalid: r.problems, ms: performance.now() - t0 };
}
