import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Streams a file that appears whole or not at all: text is appended to a temporary file beside
 * the target, and `commit()` fsyncs it and renames it over the target (atomic on POSIX);
 * `abort()` removes it. For outputs too large to hold in memory (a CSV row per trial).
 */
export class AtomicFileWriter {
  private readonly tmp: string;
  private fd: number | null;

  constructor(readonly path: string) {
    const dir = dirname(path);
    mkdirSync(dir, { recursive: true });
    this.tmp = join(dir, `.yanlian-tmp-${process.pid}-${basename(path)}`);
    this.fd = openSync(this.tmp, 'w');
  }

  write(text: string): void {
    if (this.fd === null) throw new Error('AtomicFileWriter: already closed');
    writeSync(this.fd, Buffer.from(text, 'utf8'));
  }

  commit(): void {
    if (this.fd === null) throw new Error('AtomicFileWriter: already closed');
    try {
      fsyncSync(this.fd);
      closeSync(this.fd);
      this.fd = null;
      renameSync(this.tmp, this.path);
    } catch (e) {
      this.abort();
      throw e;
    }
    try {
      const dfd = openSync(dirname(this.path), 'r');
      fsyncSync(dfd);
      closeSync(dfd);
    } catch {
      // some file systems cannot fsync a directory; the rename is still atomic
    }
  }

  abort(): void {
    if (this.fd !== null) {
      try {
        closeSync(this.fd);
      } catch {
        // already closed
      }
      this.fd = null;
    }
    rmSync(this.tmp, { force: true });
  }
}
