import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../engine/drill/canonicalJson.ts';
import { chainHash, GENESIS_HASH, verifyChain } from '../../../engine/drill/hashChain.ts';
import { sha256 } from '../../../engine/drill/sha256.ts';

const node = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

describe('pure SHA-256', () => {
  it('matches the FIPS 180-4 test vectors', () => {
    expect(sha256('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
  });

  it('agrees with node:crypto on random text (Chinese, emoji, lone surrogates and block edges)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
        expect(sha256(s)).toBe(node(s));
      }),
      { numRuns: 300 },
    );
    for (let n = 50; n < 140; n++) expect(sha256('演'.repeat(n))).toBe(node('演'.repeat(n)));
  });
});

describe('canonical JSON', () => {
  it('sorts keys, drops undefined, refuses non-finite numbers', () => {
    expect(canonicalJson({ b: 1, a: [1, { d: undefined, c: '演练' }] })).toBe('{"a":[1,{"c":"演练"}],"b":1}');
    expect(() => canonicalJson({ x: NaN })).toThrow();
  });
});

describe('hash chain', () => {
  const recs = () => {
    let prev = GENESIS_HASH;
    return [1, 2, 3].map((seq) => {
      const r = { seq, at: 1000 * seq, t: seq * 1.5, kind: 'sim', audience: 'all', data: { n: seq } };
      const hash = chainHash(prev, r);
      const out = { ...r, prevHash: prev, hash };
      prev = hash;
      return out;
    });
  };

  it('verifies an intact chain and finds the first edited, removed or reordered record', () => {
    expect(verifyChain(recs())).toMatchObject({ ok: true, count: 3 });
    const edited = recs();
    edited[1]!.data = { n: 99 };
    expect(verifyChain(edited)).toEqual({ ok: false, badSeq: 2, reason: 'hash' });
    const removed = recs();
    removed.splice(1, 1);
    expect(verifyChain(removed)).toMatchObject({ ok: false, badSeq: 3 });
    const node256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
    expect(verifyChain(recs(), node256)).toMatchObject({ ok: true });
  });
});
