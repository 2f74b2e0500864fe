// The CLI's compiled form: src/cli/main.ts and the Monte Carlo worker (engine/node/mcWorker.ts)
// bundled by esbuild into ES modules under node_modules/.cache/yanlian/, split so that each
// command's lazily imported module stays a separate file. Starting from it skips tsx (≈ 0.6 s of
// CPU to start its loader and compile hooks) and the per-process worker bundle; it is rebuilt
// when any file it was built from changes (size or modification time: one stat per file, a few
// milliseconds), by the first command that notices. Dependencies stay in node_modules
// (resolved from the cache folder, which lies inside it); each source file's `import.meta.url`
// keeps its own path, so files found next to the sources (scenarios, the web app, workers) are
// found as before. Plain JavaScript: it runs before any TypeScript can be loaded.
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const CACHE = join(REPO, 'node_modules', '.cache', 'yanlian');
const MANIFEST = join(CACHE, 'cli.json');
const ENTRIES = { main: 'src/cli/main.ts', mcWorker: 'engine/node/mcWorker.ts' };
/** bump when the build options below change */
const FORMAT = 1;

/** The manifest of the current build if every input is unchanged, else null. */
function freshManifest() {
  let m;
  try {
    m = JSON.parse(readFileSync(MANIFEST, 'utf8'));
  } catch {
    return null;
  }
  if (m.format !== FORMAT || m.node !== process.version) return null;
  for (const [file, mtimeMs, size] of m.inputs) {
    try {
      const s = statSync(join(REPO, file));
      if (s.mtimeMs !== mtimeMs || s.size !== size) return null;
    } catch {
      return null;
    }
  }
  return m;
}

/** esbuild plugin: `import.meta.url` of each source file is its own file URL, as when run by tsx. */
const sourceUrls = {
  name: 'source-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\.(ts|tsx|js|mjs)$/ }, (args) => {
      if (args.path.includes(`${join('node_modules', '')}`)) return undefined;
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      const url = JSON.stringify(pathToFileURL(args.path).href);
      const loader = args.path.endsWith('.tsx') ? 'tsx' : args.path.endsWith('.ts') ? 'ts' : 'js';
      // not inside a double-quoted string (the worker banners pass `import.meta.url` to esbuild as text)
      const contents = text.replace(/import\.meta\.url/g, (hit, at) => {
        const line = text.slice(text.lastIndexOf('\n', at) + 1, at);
        return (line.match(/(?<!\\)"/g)?.length ?? 0) % 2 === 1 ? hit : url;
      });
      return { contents, loader };
    });
  },
};

/** Builds into a fresh folder and publishes it by renaming the manifest over the old one. */
async function build() {
  const { build: esbuild } = await import('esbuild');
  mkdirSync(CACHE, { recursive: true });
  const name = `build-${process.pid}-${Date.now().toString(36)}`;
  const outdir = join(CACHE, name);
  const r = await esbuild({
    absWorkingDir: REPO,
    entryPoints: ENTRIES,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    outdir,
    outExtension: { '.js': '.mjs' },
    metafile: true,
    logLevel: 'silent',
    plugins: [sourceUrls],
  });
  const inputs = Object.keys(r.metafile.inputs)
    .filter((f) => !f.includes('node_modules/'))
    .map((f) => {
      const s = statSync(join(REPO, f));
      return [f, s.mtimeMs, s.size];
    });
  const manifest = { format: FORMAT, node: process.version, dir: name, inputs };
  const tmp = `${MANIFEST}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(manifest));
  renameSync(tmp, MANIFEST);
  // older builds: removed when no command has started from them for an hour (a running command
  // may still import a command's module from its build; every start touches its build's folder)
  for (const d of readdirSync(CACHE)) {
    if (!d.startsWith('build-') || d === name) continue;
    try {
      if (Date.now() - statSync(join(CACHE, d)).mtimeMs > 3_600_000) rmSync(join(CACHE, d), { recursive: true, force: true });
    } catch {
      // another process removed it
    }
  }
  return manifest;
}

/**
 * The compiled CLI's entry file URL and its worker's path, building them if needed; null when
 * they cannot be built here (no esbuild, a read-only tree) or YANLIAN_NO_BUNDLE is set, and the
 * caller runs the TypeScript sources under tsx instead (YANLIAN_BUNDLE_DEBUG=1 says why).
 */
export async function cliBundle() {
  if (process.env.YANLIAN_NO_BUNDLE) return null;
  try {
    const m = freshManifest() ?? (await build());
    const dir = join(CACHE, m.dir);
    const now = new Date();
    utimesSync(dir, now, now);
    return { main: pathToFileURL(join(dir, 'main.mjs')).href, mcWorker: join(dir, 'mcWorker.mjs'), loads: join(dir, 'loads') };
  } catch (e) {
    if (process.env.YANLIAN_BUNDLE_DEBUG) process.stderr.write(`yanlian: compiled CLI unavailable, running the sources under tsx: ${e instanceof Error ? e.message : e}\n`);
    return null;
  }
}
