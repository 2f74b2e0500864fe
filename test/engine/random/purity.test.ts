import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** engine/random must stay pure: no Node built-ins, DOM, clocks, timers or Math.random. */
const dir = fileURLToPath(new URL('../../../engine/random/', import.meta.url));
const FORBIDDEN: [string, RegExp][] = [
  ['Math.random', /Math\.random/],
  ['Date', /\bDate\b/],
  ['performance.now', /performance\.now/],
  ['timers', /\b(setTimeout|setInterval|setImmediate|queueMicrotask)\b/],
  ['process', /\bprocess\./],
  ['node: import', /from\s+['"]node:/],
  ['bare built-in import', /from\s+['"](fs|path|os|crypto|url|util|worker_threads)['"]/],
  ['require', /\brequire\(/],
  ['DOM', /\b(window|document|globalThis)\b/],
  ['import without .ts extension', /from\s+['"]\.\.?\/[^'"]*(?<!\.ts)['"]/],
];

describe('engine/random purity', () => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
  it('has source files', () => {
    expect(files.length).toBeGreaterThan(5);
  });
  it.each(files)('%s uses no forbidden APIs', (file) => {
    // Scan code only: doc comments may name the forbidden APIs to forbid them.
    const src = readFileSync(dir + file, 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\/\/.*$/gm, '');
    for (const [name, re] of FORBIDDEN) {
      expect(re.test(src), `${file} uses ${name}`).toBe(false);
    }
  });
});
