import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../engine/', import.meta.url).pathname;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Forbidden in the pure engine (everything outside engine/node/), with why. */
const rules: [RegExp, string][] = [
  [/\bMath\.random\b/, 'Math.random (use an injected, seeded generator)'],
  [/\bDate\.now\b/, 'Date.now (time is injected)'],
  [/\bnew Date\s*\(/, 'new Date (time is injected)'],
  [/\bperformance\.now\b/, 'performance.now (time is injected)'],
  [/\b(setTimeout|setInterval|setImmediate|queueMicrotask)\s*\(/, 'timers'],
  [/\bprocess\./, 'process (Node global)'],
  [/\b(window|document|navigator|localStorage)\./, 'DOM globals'],
  [/from\s+['"](node:)?(fs|path|os|crypto|worker_threads|child_process|http|https|net|url|util|stream|events|buffer)(\/[^'"]*)?['"]/, 'Node built-in module'],
  [/from\s+['"](react|react-dom|three|@react-three\/[^'"]+)['"]/, 'React/three (UI belongs in src/)'],
  [/\brequire\s*\(/, 'require'],
];

describe('engine purity (STYLE.md 1–4)', () => {
  const pure = files(root).filter((f) => !relative(root, f).startsWith('node/'));

  it('has engine files to check', () => {
    expect(pure.length).toBeGreaterThan(20);
  });

  for (const file of pure) {
    it(`${relative(root, file)} uses no DOM, Node built-ins, wall clock, timers or global randomness`, () => {
      const code = readFileSync(file, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/(^|[^:])\/\/.*$/gm, '$1');
      const hits = rules.filter(([re]) => re.test(code)).map(([, why]) => why);
      expect(hits).toEqual([]);
    });
  }

  it('the rules catch what they should (the check itself can fail)', () => {
    const samples = [
      'const x = Math.random();',
      "import { readFileSync } from 'node:fs';",
      "import * as path from 'path';",
      'setTimeout(() => 1, 5);',
      "import React from 'react';",
      'const t = Date.now();',
      'const t = performance.now();',
    ];
    for (const s of samples) expect(rules.some(([re]) => re.test(s)), s).toBe(true);
  });
});
