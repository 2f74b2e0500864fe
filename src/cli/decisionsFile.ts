import { isMap } from 'yaml';
import { formatProblem, type Lang, type PolicyMode, type Problem, type TimedDecision } from '../../engine/index.ts';
import { parseDecision } from '../../engine/drill/decisionSchema.ts';
import { checkEvacDecision, type EvacMode, type TimedEvacDecision } from '../../engine/evacuation/index.ts';
import { readTextFile } from '../../engine/node/readTextFile.ts';
import { parseLocated } from '../../engine/scenario/parseLocated.ts';
import type { DocPath } from '../../engine/scenario/problem.ts';
import type { AnyLoaded } from './loadAnyOrExit.ts';
import { CliExit, EXIT } from './cliExit.ts';
import { msg } from './messages.ts';

/** A drill's recorded decisions for one scenario, checked: county (minutes) or building (seconds). */
export type DecisionsFile =
  | { model: 'county'; mode: PolicyMode; decisions: TimedDecision[] }
  | { model: 'evacuation'; mode: EvacMode; decisions: TimedEvacDecision[] };

const T = (lang: Lang, zh: string, en: string) => (lang === 'zh' ? zh : en);

/**
 * Reads `--decisions FILE` (YAML or JSON): either a list of `{ t, by?, decision }` or
 * `{ mode?: manual | auto, decisions: [...] }` (mode defaults to manual: only these decisions
 * act, as in a drill). `t` is simulated minutes for a county scenario and seconds since ignition
 * for a building one; each decision is checked against the scenario's ids and the engine's
 * decision kinds. On any problem (an unreadable, oversized or deeply nested file included): every
 * one printed as `FILE:LINE:COL path: message` and exit 2.
 */
export function loadDecisionsOrExit(file: string, loaded: AnyLoaded, lang: Lang): DecisionsFile {
  // unreadable, oversized, not UTF-8: one located problem, like a scenario file
  const read = readTextFile(file, lang);
  if (!read.ok) return exit([read.problem], file, lang);
  const parsed = parseLocated(read.text, file, lang);
  if (!parsed.ok) return exit(parsed.problems, file, lang);
  const { raw: root, doc } = parsed;
  const problems: Problem[] = [];
  const at = (path: DocPath, message: string, atKey = false) => problems.push(parsed.at(path, message, 'error', atKey));
  let list: unknown;
  let mode: PolicyMode = 'manual';
  let base: DocPath = [];
  if (Array.isArray(root)) list = root;
  else if (root !== null && typeof root === 'object' && isMap(doc.contents)) {
    const r = root as Record<string, unknown>;
    for (const k of Object.keys(r))
      if (k !== 'mode' && k !== 'decisions') at([k], T(lang, `未知字段 "${k}"（可用：mode、decisions）`, `unknown key "${k}" (expected: mode, decisions)`), true);
    if (r.mode !== undefined) {
      if (r.mode === 'manual' || r.mode === 'auto') mode = r.mode;
      else at(['mode'], T(lang, 'mode 应为 manual（只执行这些决策）或 auto（引擎按预案决策，另加这些）', 'mode must be manual (only these decisions) or auto (the engine follows the plan, plus these)'));
    }
    list = r.decisions;
    base = ['decisions'];
  }
  if (!Array.isArray(list)) {
    at(base, T(lang, '应为决策列表：[{ t, by, decision }, …]', 'expected a list of decisions: [{ t, by, decision }, …]'));
    return exit(problems, file, lang);
  }
  const county: TimedDecision[] = [];
  const evac: TimedEvacDecision[] = [];
  list.forEach((raw, i) => {
    const p: DocPath = [...base, i];
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return at(p, T(lang, '应为 { t, by, decision }', 'expected { t, by, decision }'));
    const e = raw as Record<string, unknown>;
    for (const k of Object.keys(e))
      if (k !== 't' && k !== 'by' && k !== 'decision') at([...p, k], T(lang, `未知字段 "${k}"（可用：t、by、decision）`, `unknown key "${k}" (expected: t, by, decision)`), true);
    if (e.by !== undefined && (typeof e.by !== 'string' || e.by.length === 0 || e.by.length > 64))
      at([...p, 'by'], T(lang, 'by 应为 1–64 个字符的文本（谁做的决策）', 'by must be text of 1–64 characters (who decided)'));
    if (loaded.model === 'county') {
      const limit = loaded.scenario.horizonHours * 60;
      if (typeof e.t !== 'number' || !Number.isFinite(e.t) || e.t < 0 || e.t > limit)
        return at([...p, 't'], T(lang, `t 应为 0 至 ${limit} 的数（模拟分钟）`, `t must be a number from 0 to ${limit} (simulated minutes)`));
      const d = parseDecision(e.decision);
      if (!d.ok) return at([...p, 'decision'], lang === 'zh' ? d.zh : d.en);
      county.push({ t: e.t, by: typeof e.by === 'string' ? e.by : 'cli', decision: d.decision });
    } else {
      const td = { t: e.t, ...(typeof e.by === 'string' ? { by: e.by } : {}), decision: e.decision } as TimedEvacDecision;
      const err = checkEvacDecision(loaded.scenario, td);
      if (err) return at([...p, err.code === 'badTime' ? 't' : 'decision'], lang === 'zh' ? err.zh : err.en);
      evac.push(td);
    }
  });
  if (problems.length > 0) return exit(problems, file, lang);
  return loaded.model === 'county' ? { model: 'county', mode, decisions: county } : { model: 'evacuation', mode, decisions: evac };
}

function exit(problems: Problem[], file: string, lang: Lang): never {
  for (const p of problems) process.stderr.write(formatProblem(p) + '\n');
  throw new CliExit(EXIT.badInput, msg(lang, 'invalid', { file, count: problems.length }));
}
