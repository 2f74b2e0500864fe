/** Issue 18: invalid UTF-8 is refused where it starts; valid text (BOM included) round-trips to the same bytes. */
import { describe, expect, it } from 'vitest';
import { decodeUtf8, firstInvalidUtf8 } from '../../../engine/scenario/decodeUtf8.ts';

const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));

describe('decodeUtf8', () => {
  it('valid text, Chinese and a BOM included, decodes to text that encodes back to the same bytes', () => {
    const b = bytes([0xef, 0xbb, 0xbf], 'id: 暴雨\r\nx: 😀\n');
    const d = decodeUtf8(b);
    if (!d.ok) throw new Error('refused');
    expect(d.text.charCodeAt(0)).toBe(0xfeff);
    expect(Buffer.from(d.text, 'utf8').equals(b)).toBe(true);
  });

  it('the first bad byte: its offset, line, column (UTF-16 units, a BOM takes none) and value', () => {
    expect(decodeUtf8(bytes('a: 1\nb: x', [0xff], '\n'))).toEqual({ ok: false, offset: 9, line: 2, col: 5, byte: 0xff });
    expect(decodeUtf8(bytes('a: 暴雨', [0xe4, 0xb8]))).toMatchObject({ line: 1, col: 6, byte: 0xe4 });
    expect(decodeUtf8(bytes([0xef, 0xbb, 0xbf], 'ab', [0x80]))).toMatchObject({ offset: 5, line: 1, col: 3 });
    expect(decodeUtf8(bytes('😀', [0xc0, 0x80]))).toMatchObject({ offset: 4, col: 3, byte: 0xc0 });
  });

  it('rejects what the WHATWG fatal decoder rejects: overlongs, surrogates, > U+10FFFF, stray and truncated sequences', () => {
    for (const bad of [[0xc0, 0xaf], [0xe0, 0x80, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xf5, 0x80], [0x80], [0xe4, 0xb8], [0xf0, 0x9f, 0x98]])
      expect(decodeUtf8(bytes('ok', bad)), bad.join(' ')).toMatchObject({ ok: false, offset: 2 });
  });

  it('firstInvalidUtf8 agrees with the strict decoder on random bytes', () => {
    const strict = new TextDecoder('utf-8', { fatal: true });
    let seed = 12345;
    const next = () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 24);
    for (let k = 0; k < 3000; k++) {
      const b = new Uint8Array(1 + (k % 12));
      // mostly plausible UTF-8 lead and continuation bytes, so valid and invalid both occur
      for (let i = 0; i < b.length; i++) b[i] = k % 3 === 0 ? next() & 0x7f : [0x41, 0xc3, 0xa9, 0xe6, 0x9a, 0xb4, 0xf0, 0x9f, 0x98, 0x80, 0xed, 0xbf][next() % 12]!;
      const at = firstInvalidUtf8(b);
      let ok = true;
      try {
        strict.decode(b);
      } catch {
        ok = false;
      }
      expect(at === b.length, Buffer.from(b).toString('hex')).toBe(ok);
      if (!ok) expect(() => strict.decode(b.subarray(0, at))).not.toThrow();
    }
  });
});
