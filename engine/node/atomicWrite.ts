import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a file so that readers see either the old file or the whole new one, never a part:
 * write to a temporary file beside it, fsync, then rename over the target (atomic on POSIX).
 * An interrupted write leaves at most a `.yanlian-tmp-*` file, which is removed on failure.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `.yanlian-tmp-${process.pid}-${basename(path)}`);
  try {
    const fd = openSync(tmp, 'w');
    try {
      writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
    try {
      const dfd = openSync(dir, 'r');
      fsyncSync(dfd);
      closeSync(dfd);
    } catch {
      // some file systems cannot fsync a directory; the rename is still atomic
    }
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}
