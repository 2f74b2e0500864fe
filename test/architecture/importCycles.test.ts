import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// No import cycles in engine/ or src/ (issue 9, DESIGN.md "Models"): files that import each
// other, even for types only, are a sign that a shell forks per model or that handlers call
// back into the module that calls them. Builds the graph of relative imports and reports every
// strongly connected component of more than one file.

const root = resolve(import.meta.dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'node_modules') out.push(...sourceFiles(p));
    } else if (/\.(ts|tsx|mts)$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/** Relative specifiers of static imports and re-exports (type-only included) and side-effect imports. */
export function importSpecifiers(text: string): string[] {
  const out: string[] = [];
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  for (const m of code.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'";]*?from\s*['"](\.{1,2}\/[^'"]+)['"]/g)) out.push(m[1]!);
  for (const m of code.matchAll(/(?:^|\n)\s*import\s*['"](\.{1,2}\/[^'"]+)['"]/g)) out.push(m[1]!);
  return out;
}

function importGraph(dirs: string[]): Map<string, string[]> {
  const files = dirs.flatMap((d) => sourceFiles(join(root, d)));
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const f of files) {
    const edges = new Set<string>();
    for (const spec of importSpecifiers(readFileSync(f, 'utf8'))) {
      const t = resolve(dirname(f), spec);
      const hit = [t, t + '.ts', t + '.tsx', t.replace(/\.js$/, '.ts'), t.replace(/\.js$/, '.tsx'), join(t, 'index.ts')].find((c) => known.has(c));
      if (hit) edges.add(hit);
    }
    graph.set(f, [...edges]);
  }
  return graph;
}

/** Tarjan's strongly connected components with more than one node, as sorted relative paths. */
function cycles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const stack: string[] = [];
  const onStack = new Set<string>();
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(relative(root, w));
      } while (w !== v);
      if (scc.length > 1) out.push(scc.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return out;
}

describe('import graph', () => {
  it('finds a cycle when there is one (the check can fail)', () => {
    const g = new Map([
      ['/a.ts', ['/b.ts']],
      ['/b.ts', ['/c.ts']],
      ['/c.ts', ['/a.ts']],
      ['/d.ts', ['/a.ts']],
    ]);
    expect(cycles(g).map((c) => c.length)).toEqual([3]);
  });

  it('reads static, type-only, multi-line and side-effect imports, not comments', () => {
    const text = [
      "import { a } from './a.ts';",
      "import type { B } from '../b.ts';",
      'import {\n  c,\n  d,\n} from "./cd.ts";',
      "export { e } from './e.ts';",
      "import './side.css';",
      "// import { x } from './commented.ts';",
      "import { z } from 'zod';",
    ].join('\n');
    expect(importSpecifiers(text)).toEqual(['./a.ts', '../b.ts', './cd.ts', './e.ts', './side.css']);
  });

  it('has no cycle in engine/ or src/', () => {
    expect(cycles(importGraph(['engine', 'src']))).toEqual([]);
  });
});
