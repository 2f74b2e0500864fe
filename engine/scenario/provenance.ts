import type { DocPath } from './problem.ts';
import type { Scenario } from './schema/scenario.ts';

/** Every numeric leaf of a value with its path (sources/provenance themselves excluded). Pure. */
export function numericLeaves(value: unknown, base: DocPath = []): DocPath[] {
  const out: DocPath[] = [];
  const walk = (v: unknown, path: (string | number)[]) => {
    if (typeof v === 'number') out.push(path);
    else if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
    else if (v !== null && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) {
        if (path.length === 0 && (k === 'sources' || k === 'provenance' || k === 'schemaVersion')) continue;
        walk(x, [...path, k]);
      }
  };
  walk(value, [...base]);
  return out;
}

/** Does a provenance pattern (`a.*.b`, `**` = any depth) match a path? Array indices count as segments. Pure. */
export function matchesPattern(pattern: string, path: DocPath): boolean {
  const pat = pattern.split('.');
  const segs = path.map(String);
  const go = (i: number, j: number): boolean => {
    if (i === pat.length) return j === segs.length;
    const p = pat[i]!;
    if (p === '**') {
      for (let k = j; k <= segs.length; k++) if (go(i + 1, k)) return true;
      return false;
    }
    if (j === segs.length) return false;
    return (p === '*' || p === segs[j]) && go(i + 1, j + 1);
  };
  return go(0, 0);
}

/** A document that cites its numbers' sources: a county or a building scenario. */
export interface SourcedDocument {
  provenance: readonly { paths: readonly string[] }[];
}

/** Numbers that no provenance entry covers, and patterns that cover nothing (either scenario model). Pure. */
export function checkProvenance(s: SourcedDocument): { uncovered: DocPath[]; unused: { index: number; pattern: string }[] } {
  const leaves = numericLeaves(s);
  const used = new Set<string>();
  const uncovered: DocPath[] = [];
  for (const leaf of leaves) {
    let hit = false;
    s.provenance.forEach((p, i) =>
      p.paths.forEach((pat, k) => {
        if (matchesPattern(pat, leaf)) {
          hit = true;
          used.add(`${i}/${k}`);
        }
      }),
    );
    if (!hit) uncovered.push(leaf);
  }
  const unused: { index: number; pattern: string }[] = [];
  s.provenance.forEach((p, i) => p.paths.forEach((pat, k) => used.has(`${i}/${k}`) || unused.push({ index: i, pattern: pat })));
  return { uncovered, unused };
}

/** The provenance entry that covers a numeric path, for reports; pure. */
export function sourceOf(s: Scenario, path: DocPath): Scenario['provenance'][number] | undefined {
  return s.provenance.find((p) => p.paths.some((pat) => matchesPattern(pat, path)));
}
