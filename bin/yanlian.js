#!/usr/bin/env node
// Entry point of the yanlian CLI: runs the compiled CLI (cliBundle.js: src/cli/main.ts bundled by
// esbuild, rebuilt when a source changes), or src/cli/main.ts under the TypeScript loader (tsx)
// when it cannot be built here or YANLIAN_NO_BUNDLE is set. The same code either way.
import { cliBundle } from './cliBundle.js';

const bundle = await cliBundle();
if (bundle) {
  // the Monte Carlo pool starts its worker threads from the compiled worker (engine/node/chunkPool.ts)
  globalThis[Symbol.for('yanlian.mcWorker')] = bundle.mcWorker;
  // scenarios loaded by this build, kept across commands (engine/node/loadCache.ts)
  globalThis[Symbol.for('yanlian.loadCache')] = bundle.loads;
  await import(bundle.main);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
