/** What the import CLI tests share: the repository, its import fixtures and a way to run `yanlian`. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const repo = new URL('../..', import.meta.url).pathname;
export const fx = (f: string) => join(repo, 'test/fixtures/import', f);
/** Runs bin/yanlian.js with the arguments; exit code and both streams. */
export const cli = (...args: string[]) => {
  const r = spawnSync(process.execPath, [join(repo, 'bin/yanlian.js'), ...args], { encoding: 'utf8', cwd: repo });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
