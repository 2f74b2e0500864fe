import { createHash, createHmac } from 'node:crypto';

/**
 * Opaque, per-position names for the keys players see (`inject:<id>`, `intel:<engine seq>`):
 * HMAC-SHA-256 of the key under a per-drill secret, scoped to the viewer's position (or to the
 * observers' view), cut to 96 bits. The same record has the same name for everyone at one
 * position, so acknowledgements still match their inject, but the name says nothing about
 * engine or drill sequence numbers and differs between positions. Deterministic; no state.
 */
export class OpaqueIds {
  private readonly key: Buffer;
  constructor(secret: string) {
    this.key = createHash('sha256').update('yanlian-opaque-id\n' + secret).digest();
  }

  /** The name of `key` for viewers of `scope` (`p:<position>` or `o:<view>`). */
  id(scope: string, key: string): string {
    return 'k' + createHmac('sha256', this.key).update(scope + '\n' + key).digest('base64url').slice(0, 16);
  }

  /** The key among `candidates` whose name for `scope` is `id`, or undefined. */
  find(scope: string, id: string, candidates: Iterable<string>): string | undefined {
    if (!/^k[A-Za-z0-9_-]{16}$/.test(id)) return undefined;
    for (const k of candidates) if (this.id(scope, k) === id) return k;
    return undefined;
  }
}
