import { closeSync, openSync, readSync } from 'node:fs';
import type { Lang } from '../i18n/lang.ts';
import { TEXT_LIMITS } from '../scenario/boundedParse.ts';
import { decodeUtf8 } from '../scenario/decodeUtf8.ts';
import { formatMessage } from '../scenario/messages.ts';
import type { Problem } from '../scenario/problem.ts';

export type ReadText = { ok: true; text: string } | { ok: false; problem: Problem };

/**
 * Reads a user file (scenario, drill decisions) as strict UTF-8 text: an unreadable file, one over
 * {@link TEXT_LIMITS}.maxBytes (read no further than that, so a device or a pipe cannot fill the
 * memory) or invalid UTF-8 (at the line and column of the first bad byte) is a located problem,
 * not a throw. The text keeps a leading BOM, so it encodes back to the file's exact bytes and
 * `sha256Hex(text)` is the SHA-256 of the file; the located-parse front drops the BOM.
 */
export function readTextFile(path: string, lang: Lang, maxBytes: number = TEXT_LIMITS.maxBytes): ReadText {
  const at = (line: number, col: number, message: string): ReadText => ({
    ok: false,
    problem: { file: path, line, col, path: [], message, severity: 'error' },
  });
  let bytes: Buffer;
  try {
    bytes = readAtMost(path, maxBytes + 1);
  } catch (e) {
    return at(1, 1, formatMessage('fileRead', lang, { detail: (e as NodeJS.ErrnoException).code ?? String(e) }));
  }
  if (bytes.length > maxBytes) return at(1, 1, formatMessage('fileTooLarge', lang, { max: maxBytes }));
  const d = decodeUtf8(bytes);
  if (!d.ok) return at(d.line, d.col, formatMessage('badUtf8', lang, { byte: d.byte.toString(16).toUpperCase().padStart(2, '0') }));
  return { ok: true, text: d.text };
}

/** The first `limit` bytes of a file (all of it if shorter). */
function readAtMost(path: string, limit: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    while (total < limit) {
      const chunk = Buffer.allocUnsafe(Math.min(1 << 20, limit - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}
