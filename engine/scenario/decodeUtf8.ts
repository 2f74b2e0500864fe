/**
 * A file's bytes as text: the exact text when the bytes are valid UTF-8 (a leading byte-order
 * mark is kept, so the text encodes back to the same bytes and `sha256Hex(text)` is the SHA-256
 * of the file), or where the first ill-formed sequence starts — its byte `offset`, the 1-based
 * `line` and `col` an editor shows (columns in UTF-16 code units like every other located
 * problem; a BOM takes no column) and the `byte` itself.
 */
export type DecodedText =
  | { ok: true; text: string }
  | { ok: false; offset: number; line: number; col: number; byte: number };

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenient = new TextDecoder('utf-8');

/** Decodes UTF-8 strictly (WHATWG fatal mode: overlongs, surrogates and truncated sequences are errors). Pure. */
export function decodeUtf8(bytes: Uint8Array): DecodedText {
  try {
    return { ok: true, text: strict.decode(bytes) };
  } catch {
    // the decoder does not say where: find the first ill-formed sequence ourselves
    const offset = firstInvalidUtf8(bytes);
    let lineStart = 0;
    let line = 1;
    for (let i = 0; i < offset; i++)
      if (bytes[i] === 0x0a) {
        line++;
        lineStart = i + 1;
      }
    // the line's bytes before the bad one are valid; the lenient decoder drops a BOM on line 1
    const col = lenient.decode(bytes.subarray(lineStart, offset)).length + 1;
    return { ok: false, offset, line, col, byte: bytes[offset] ?? 0 };
  }
}

/**
 * Byte offset of the first ill-formed UTF-8 sequence (Unicode table 3-7, which the WHATWG
 * decoder follows), or `bytes.length` when there is none. Pure.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    // the allowed range of the second byte, and how many continuation bytes follow it
    let lo = 0x80;
    let hi = 0xbf;
    let more: number;
    if (b >= 0xc2 && b <= 0xdf) more = 0;
    else if (b >= 0xe0 && b <= 0xef) {
      more = 1;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      more = 2;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    const second = bytes[i + 1];
    if (second === undefined || second < lo || second > hi) return i;
    for (let k = 0; k < more; k++) {
      const c = bytes[i + 2 + k];
      if (c === undefined || c < 0x80 || c > 0xbf) return i;
    }
    i += 2 + more;
  }
  return n;
}
