import { createCipheriv, createDecipheriv, createHash, randomBytes, randomInt, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, keylen: number) => Promise<Buffer>;

/** SHA-256 hex of a UTF-8 string via Node (same digest as engine/drill/sha256.ts, faster). */
export function sha256Node(s: string): string {
  return createHash('sha256').update(s, 'utf8').digest('hex');
}

/** A bearer token for one participant of one drill: "yl_" + 32 random bytes (base64url). */
export function newToken(): string {
  return 'yl_' + randomBytes(32).toString('base64url');
}

/** Only the token's hash is stored: a stolen database grants nobody a role. */
export function tokenHash(token: string): string {
  return sha256Node('yanlian-token\n' + token);
}

/** 32 random bytes as hex: the commitment's salt. */
export function newSalt(): string {
  return randomBytes(32).toString('hex');
}

/** A random uint32 drill seed. */
export function newSeed(): number {
  return randomBytes(4).readUInt32BE(0);
}

export function newId(prefix: string): string {
  return `${prefix}-${randomBytes(9).toString('base64url')}`;
}

/** Crockford-style alphabet without 0/O, 1/I/L: easy to read out over a phone. */
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** An 8-character drill code (≈ 8.5 × 10^11 values), shown as XXXX-XXXX. */
export function newDrillCode(): string {
  let s = '';
  for (let i = 0; i < 8; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return s;
}

/** Normalises a typed code: upper case, no dashes or spaces. Returns null if it cannot be one. */
export function normaliseCode(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length > 20) return null;
  const s = raw.replace(/[-\s]/g, '').toUpperCase();
  return /^[2-9A-HJKMNP-Z]{8}$/.test(s) ? s : null;
}

export function formatCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/**
 * scrypt (N = 2^14, r = 8, p = 1) with a 16-byte salt: "scrypt$salt$hash". Runs on libuv's
 * thread pool (about 50–150 ms of CPU), so other drills' traffic is not held up meanwhile.
 */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  return `scrypt$${salt.toString('hex')}$${(await scryptAsync(password, salt, 32)).toString('hex')}`;
}

/** Checks a password against `hashPassword`'s output, off the event loop like it. */
export async function checkPassword(password: string, stored: string): Promise<boolean> {
  const [alg, saltHex, hashHex] = stored.split('$');
  if (alg !== 'scrypt' || !saltHex || !hashHex) return false;
  const got = await scryptAsync(password, Buffer.from(saltHex, 'hex'), 32);
  return timingSafeEqual(got, Buffer.from(hashHex, 'hex'));
}

/**
 * A server admin token for trainers (creating drills), generated at each start when none is
 * given: 16 characters of the drill-code alphabet in groups of four (≈ 79 bits), easy to type
 * from the console. Never stored: the server keeps it in memory only.
 */
export function newAdminToken(): string {
  let s = '';
  for (let i = 0; i < 16; i++) s += (i && i % 4 === 0 ? '-' : '') + CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return s;
}

/** Compares a presented secret with the expected one in constant time (both hashed first, so lengths may differ). */
export function sameSecret(presented: unknown, expected: string): boolean {
  if (typeof presented !== 'string' || presented.length > 200) return false;
  const a = createHash('sha256').update('yanlian-admin\n' + presented.trim()).digest();
  const b = createHash('sha256').update('yanlian-admin\n' + expected).digest();
  return timingSafeEqual(a, b);
}

/**
 * Opaque resume cursors for trainees and observers: the drill sequence number encrypted with
 * a per-drill key (AES-256, one block), so the gaps between the records they may see do not
 * tell how many hidden events happened in between. Staff get plain numbers.
 */
export class CursorCodec {
  private readonly key: Buffer;
  constructor(secret: string) {
    this.key = createHash('sha256').update('yanlian-cursor\n' + secret).digest();
  }
  encode(seq: number): string {
    const block = Buffer.alloc(16);
    block.write('YLCURSOR', 0, 'latin1');
    block.writeUInt32BE(0, 8);
    block.writeUInt32BE(seq >>> 0, 12);
    const c = createCipheriv('aes-256-ecb', this.key, null).setAutoPadding(false);
    return 'c' + Buffer.concat([c.update(block), c.final()]).toString('base64url');
  }
  /** The seq inside a cursor, or null if it is not one of ours. */
  decode(cursor: string): number | null {
    if (!/^c[A-Za-z0-9_-]{22}$/.test(cursor)) return null;
    const d = createDecipheriv('aes-256-ecb', this.key, null).setAutoPadding(false);
    const block = Buffer.concat([d.update(Buffer.from(cursor.slice(1), 'base64url')), d.final()]);
    if (block.toString('latin1', 0, 8) !== 'YLCURSOR' || block.readUInt32BE(8) !== 0) return null;
    return block.readUInt32BE(12);
  }
}
