/**
 * MurmurHash3's 32-bit finalizer ("fmix32"): a bijection on uint32 with full
 * avalanche.
 *
 * Pure. Constants 0x85ebca6b / 0xc2b2ae35 and shifts 16/13/16 from Austin
 * Appleby's MurmurHash3 (public domain, github.com/aappleby/smhasher,
 * `MurmurHash3.cpp`).
 *
 * @param h any int32/uint32 (only the low 32 bits are used).
 * @returns uint32.
 */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * One MurmurHash3 x86_32 block step: mixes the 32-bit block `k` into the
 * running hash `h`. For a fixed `h` it is a bijection in `k`, and for a fixed
 * `k` a bijection in `h`.
 *
 * Pure. Constants c1 = 0xcc9e2d51, c2 = 0x1b873593, rotations 15 and 13,
 * and `h·5 + 0xe6546b64` from MurmurHash3 x86_32 (aappleby/smhasher).
 *
 * @param h running hash (int32/uint32).
 * @param k block (low 32 bits used).
 * @returns new running hash as int32.
 */
export function murmur3Block(h: number, k: number): number {
  k = Math.imul(k, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}
