import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';

/**
 * Where the compiled CLI keeps scenarios it has loaded (bin/yanlian.js sets it to a folder inside
 * the current build of bin/cliBundle.js, so a change to any source — the parser, the schema, the
 * messages — starts an empty cache, and the build's folder is removed with it); unset when the
 * sources run under tsx, and then nothing is cached.
 */
const CACHE_DIR = Symbol.for('yanlian.loadCache');
/** scenarios kept per build (Lezhi's is ~0.3 MB); the least recently written go first */
const MAX_ENTRIES = 32;

function cacheDir(): string | null {
  const d = (globalThis as Record<symbol, unknown>)[CACHE_DIR];
  return typeof d === 'string' ? d : null;
}

/**
 * A scenario that loaded, remembered across commands: parsing and checking Lezhi's 230 kB of
 * YAML takes ~0.6 s of a command's start, the same every time for the same text. `load` runs on
 * a miss, and a result it marks `ok` is kept (v8's structured serialisation: the same plain data
 * back, numbers bit for bit) under the SHA-256 of (what, file, lang, text), so an edit to the file
 * or to anything the loader reads from it misses. Problems are never cached: a file that does not
 * load is parsed again each time and reported as before. Any failure to read or write the cache
 * falls back to `load` (a read-only tree, a damaged entry, a full disk).
 */
export function cachedLoad<T extends { ok: boolean }>(what: string, file: string, lang: string, text: string, load: () => T): T {
  const dir = cacheDir();
  if (dir === null) return load();
  const key = createHash('sha256').update(JSON.stringify([what, file, lang])).update('\0').update(text, 'utf8').digest('hex');
  const path = join(dir, `${key}.v8`);
  try {
    return deserialize(readFileSync(path)) as T;
  } catch {
    // not cached yet (or unreadable): load it
  }
  const r = load();
  if (r.ok) {
    try {
      mkdirSync(dir, { recursive: true });
      const tmp = `${path}.${process.pid}.tmp`;
      writeFileSync(tmp, serialize(r));
      renameSync(tmp, path);
      prune(dir);
    } catch {
      // a cache that cannot be written is only slower
    }
  }
  return r;
}

/** Removes the oldest entries beyond MAX_ENTRIES (another command may be pruning too: each removal may fail). */
function prune(dir: string): void {
  const names = readdirSync(dir).filter((n) => n.endsWith('.v8'));
  if (names.length <= MAX_ENTRIES) return;
  const byAge = names.map((n) => ({ n, t: statSync(join(dir, n), { throwIfNoEntry: false })?.mtimeMs ?? 0 })).sort((a, b) => a.t - b.t);
  for (const { n } of byAge.slice(0, names.length - MAX_ENTRIES)) rmSync(join(dir, n), { force: true });
}
