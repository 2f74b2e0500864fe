import { describe, expect, it } from 'vitest';
import { checkProvenance, matchesPattern, numericLeaves } from '../../engine/scenario/provenance.ts';
import type { DocPath } from '../../engine/scenario/problem.ts';

/** The check as it was before the patterns were compiled into a trie: every pattern tried on every number. */
function naiveMatch(pattern: string, path: DocPath): boolean {
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
function naiveCheck(s: { provenance: { paths: string[] }[] }) {
  const used = new Set<string>();
  const uncovered: DocPath[] = [];
  for (const leaf of numericLeaves(s)) {
    let hit = false;
    s.provenance.forEach((p, i) => p.paths.forEach((pat, k) => { if (naiveMatch(pat, leaf)) { hit = true; used.add(`${i}/${k}`); } }));
    if (!hit) uncovered.push(leaf);
  }
  const unused: { index: number; pattern: string }[] = [];
  s.provenance.forEach((p, i) => p.paths.forEach((pat, k) => used.has(`${i}/${k}`) || unused.push({ index: i, pattern: pat })));
  return { uncovered, unused };
}

/** A small deterministic generator (no Math.random): documents and patterns over a few keys. */
function rng(seed: number) {
  let x = seed >>> 0 || 1;
  return () => ((x = (Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0), x / 2 ** 32);
}
const KEYS = ['a', 'b', 'sites', 'links', '0', '1'];
function randomDoc(r: () => number, depth: number): unknown {
  const u = r();
  if (depth === 0 || u < 0.3) return r() < 0.8 ? Math.round(r() * 100) : 'text';
  if (u < 0.55) return Array.from({ length: 1 + Math.floor(r() * 3) }, () => randomDoc(r, depth - 1));
  const o: Record<string, unknown> = {};
  for (let k = 0; k < 1 + Math.floor(r() * 3); k++) o[KEYS[Math.floor(r() * 4)]!] = randomDoc(r, depth - 1);
  return o;
}
function randomPattern(r: () => number): string {
  const segs = ['a', 'b', 'sites', 'links', '0', '1', '2', '*', '**'];
  return Array.from({ length: 1 + Math.floor(r() * 4) }, () => segs[Math.floor(r() * segs.length)]!).join('.');
}

describe('provenance check (compiled patterns)', () => {
  it('finds the same uncovered numbers and unused patterns as trying every pattern on every number', () => {
    let withUnused = 0;
    let withUncovered = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const r = rng(seed);
      const doc = { body: randomDoc(r, 4), provenance: Array.from({ length: 1 + Math.floor(r() * 4) }, () => ({ paths: Array.from({ length: 1 + Math.floor(r() * 3) }, () => randomPattern(r)) })) };
      const want = naiveCheck(doc);
      expect(checkProvenance(doc), `seed ${seed}`).toEqual(want);
      if (want.unused.length) withUnused++;
      if (want.uncovered.length) withUncovered++;
    }
    // the generator exercises both outcomes, so the comparison can fail
    expect(withUnused).toBeGreaterThan(50);
    expect(withUncovered).toBeGreaterThan(50);
  });

  it('matchesPattern keeps its meaning: * one segment, ** any depth including none, indices as segments', () => {
    expect(matchesPattern('links.*.lengthKm', ['links', 3, 'lengthKm'])).toBe(true);
    expect(matchesPattern('links.*.lengthKm', ['links', 3, 'x', 'lengthKm'])).toBe(false);
    expect(matchesPattern('links.**.lengthKm', ['links', 'lengthKm'])).toBe(true);
    expect(matchesPattern('links.**', ['links', 1, 'a', 2])).toBe(true);
    expect(matchesPattern('links.**', ['sites'])).toBe(false);
    expect(matchesPattern('**.0.**', ['a', 0, 'b'])).toBe(true);
    for (let seed = 1; seed <= 200; seed++) {
      const r = rng(seed + 1000);
      const pat = randomPattern(r);
      const path = Array.from({ length: Math.floor(r() * 5) }, () => KEYS[Math.floor(r() * KEYS.length)]!);
      expect(matchesPattern(pat, path), `${pat} ~ ${path.join('.')}`).toBe(naiveMatch(pat, path));
    }
  });
});
