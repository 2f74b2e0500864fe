import { stringify } from 'yaml';
import { diffPlans, pathKey, type PlanChange, type PlanPath } from './planDoc.ts';

/** Keys of `sources` the workbench adds for the planner's own sources ("planner-1", …). */
export const PLANNER_SOURCE_PREFIX = 'planner-';

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

const hasNumber = (v: unknown): boolean => (typeof v === 'number' ? true : Array.isArray(v) ? v.some(hasNumber) : isObj(v) ? Object.values(v).some(hasNumber) : false);

/** The planner's source of an edit: the one recorded at its path or the nearest enclosing path, else `fallback`. Pure. */
export function sourceAt(sources: Readonly<Record<string, string>>, path: PlanPath, fallback: string): string {
  for (let n = path.length; n >= 0; n--) {
    const s = sources[pathKey(path.slice(0, n))];
    if (s) return s;
  }
  return fallback;
}

/** One planner source as it goes into the file and the report's manifest. */
export interface PlanSourceUse {
  key: string;
  title: string;
  /** the provenance patterns it covers (exact paths; `PATH.**` for an added or replaced block) */
  paths: string[];
}

/**
 * The edited plan as a scenario file's value: every number the planner changed or added is cited —
 * a `sources` entry per planner source (its title is the planner's own name for it, e.g.
 * "2026 年储备计划") and a `provenance` entry listing the exact paths, put first so it wins over
 * the file's wider patterns (engine/scenario/provenance.ts sourceOf takes the first match). A
 * title already in the file's sources under a planner key keeps that key. Pure.
 */
export function withPlanSources(original: unknown, edited: unknown, sources: Readonly<Record<string, string>>, fallback: string): { doc: unknown; uses: PlanSourceUse[]; changes: PlanChange[] } {
  const changes = diffPlans(original, edited);
  if (!isObj(edited)) return { doc: edited, uses: [], changes };
  const byTitle = new Map<string, string[]>();
  for (const c of changes) {
    if (c.kind === 'removed' || !hasNumber(c.after) || c.path[0] === 'sources' || c.path[0] === 'provenance') continue;
    const title = sourceAt(sources, c.path, fallback).trim() || fallback;
    const list = byTitle.get(title) ?? [];
    list.push(typeof c.after === 'number' ? pathKey(c.path) : `${pathKey(c.path)}.**`);
    byTitle.set(title, list);
  }
  if (byTitle.size === 0) return { doc: edited, uses: [], changes };
  const fileSources: Record<string, unknown> = isObj(edited.sources) ? { ...edited.sources } : {};
  const taken = new Set(Object.keys(fileSources));
  let n = 1;
  const uses: PlanSourceUse[] = [];
  for (const [title, paths] of byTitle) {
    let key = Object.keys(fileSources).find((k) => k.startsWith(PLANNER_SOURCE_PREFIX) && isObj(fileSources[k]) && (fileSources[k] as { title?: unknown }).title === title);
    if (!key) {
      while (taken.has(`${PLANNER_SOURCE_PREFIX}${n}`)) n++;
      key = `${PLANNER_SOURCE_PREFIX}${n}`;
      taken.add(key);
      fileSources[key] = { title };
    }
    uses.push({ key, title, paths });
  }
  const provenance = [
    ...uses.map((u) => ({ paths: u.paths, source: u.key, note: `规划工作台修改，规划人员注明的来源：${u.title}（Edited in the planner workbench; source as the planner named it）` })),
    ...(Array.isArray(edited.provenance) ? edited.provenance : []),
  ];
  return { doc: { ...edited, sources: fileSources, provenance }, uses, changes };
}

/** The planner sources a scenario file cites (its `sources` under planner keys, with the paths their provenance covers). Pure. */
export function planSourceUses(doc: unknown): PlanSourceUse[] {
  if (!isObj(doc) || !isObj(doc.sources)) return [];
  const prov = Array.isArray(doc.provenance) ? (doc.provenance as { paths?: unknown; source?: unknown }[]) : [];
  return Object.entries(doc.sources)
    .filter(([k, v]) => k.startsWith(PLANNER_SOURCE_PREFIX) && isObj(v) && typeof v.title === 'string')
    .map(([key, v]) => ({
      key,
      title: (v as { title: string }).title,
      paths: prov.filter((p) => p.source === key && Array.isArray(p.paths)).flatMap((p) => (p.paths as unknown[]).map(String)),
    }));
}

/** A plan as scenario YAML text (what `yanlian validate` and `yanlian simulate` read), with a header naming where it came from. Pure. */
export function planYaml(doc: unknown, from: string): string {
  return `# Plan edited in the yanlian planner workbench (规划工作台) from ${from.replace(/[\r\n]/g, ' ')}.\n# Numbers the planner changed cite the planner's sources (sources.${PLANNER_SOURCE_PREFIX}N).\n${stringify(doc, { lineWidth: 0 })}`;
}
