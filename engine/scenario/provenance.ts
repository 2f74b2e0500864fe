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

/** A provenance pattern split once: `a.*.b` → ['a', '*', 'b']. */
type CompiledPattern = readonly string[];

const compiledCache = new Map<string, CompiledPattern>();

/** Split a pattern once and remember it (patterns repeat across leaves and calls). */
function compile(pattern: string): CompiledPattern {
  let c = compiledCache.get(pattern);
  if (c === undefined) {
    c = pattern.split('.');
    if (compiledCache.size > 10_000) compiledCache.clear();
    compiledCache.set(pattern, c);
  }
  return c;
}

function matchSegments(pat: CompiledPattern, segs: readonly string[]): boolean {
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

/** Does a provenance pattern (`a.*.b`, `**` = any depth) match a path? Array indices count as segments. Pure. */
export function matchesPattern(pattern: string, path: DocPath): boolean {
  return matchSegments(compile(pattern), path.map(String));
}

/** All patterns of a document in one trie: a leaf path is walked once instead of once per pattern. */
interface TrieNode {
  literal: Map<string, TrieNode>;
  star?: TrieNode;
  globstar?: TrieNode;
  /** Ids of the patterns that end here. */
  ends: number[];
}

const trieNode = (): TrieNode => ({ literal: new Map(), ends: [] });

function buildTrie(patterns: readonly CompiledPattern[]): TrieNode {
  const root = trieNode();
  patterns.forEach((pat, id) => {
    let n = root;
    for (const p of pat) {
      if (p === '**') n = n.globstar ??= trieNode();
      else if (p === '*') n = n.star ??= trieNode();
      else {
        let next = n.literal.get(p);
        if (!next) n.literal.set(p, (next = trieNode()));
        n = next;
      }
    }
    n.ends.push(id);
  });
  return root;
}

/** Ids of every pattern in the trie that matches segs (same meaning as matchesPattern). */
function collectMatches(node: TrieNode, segs: readonly string[], j: number, out: Set<number>): void {
  if (j === segs.length) for (const id of node.ends) out.add(id);
  if (node.globstar) for (let k = j; k <= segs.length; k++) collectMatches(node.globstar, segs, k, out);
  if (j === segs.length) return;
  const lit = node.literal.get(segs[j]!);
  if (lit) collectMatches(lit, segs, j + 1, out);
  if (node.star) collectMatches(node.star, segs, j + 1, out);
}

/** A document that cites its numbers' sources: a county or a building scenario. */
export interface SourcedDocument {
  provenance: readonly { paths: readonly string[] }[];
}

/** Numbers that no provenance entry covers, and patterns that cover nothing (either scenario model). Pure.
 * The patterns are compiled once into a trie, so a county of 5,000 links is checked in one walk per number
 * (was: every pattern re-split and tried for every number). */
export function checkProvenance(s: SourcedDocument): { uncovered: DocPath[]; unused: { index: number; pattern: string }[] } {
  const flat: { index: number; pattern: string }[] = [];
  s.provenance.forEach((p, i) => p.paths.forEach((pattern) => flat.push({ index: i, pattern })));
  const trie = buildTrie(flat.map((f) => compile(f.pattern)));
  const used = new Set<number>();
  const uncovered: DocPath[] = [];
  const hits = new Set<number>();
  for (const leaf of numericLeaves(s)) {
    hits.clear();
    collectMatches(trie, leaf.map(String), 0, hits);
    if (hits.size === 0) uncovered.push(leaf);
    else for (const id of hits) used.add(id);
  }
  return { uncovered, unused: flat.filter((_, id) => !used.has(id)) };
}

/** The provenance entry that covers a numeric path, for reports; pure. */
export function sourceOf(s: Scenario, path: DocPath): Scenario['provenance'][number] | undefined {
  return s.provenance.find((p) => p.paths.some((pat) => matchesPattern(pat, path)));
}
