import { randomInt } from 'node:crypto';
import type { DrillStore } from './drillStore.ts';
import { sha256Node } from './secrets.ts';

/** Same alphabet as drill codes (no 0/O, 1/I/L): easy to read out over a phone. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const LENGTH = 10;

/**
 * A position's own join code (岗位码): 10 characters (≈ 8 × 10^14 values), shown XXXXX-XXXXX.
 * Longer than the 8-character drill code so the two never look alike; it is the whole secret
 * of a trainee's join link (`#/trainee?code=…`). Random; not pure.
 */
export function newPositionCode(): string {
  let s = '';
  for (let i = 0; i < LENGTH; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return s;
}

/** Normalises a typed position code (upper case, no dashes or spaces), or null if it is not one. Pure. */
export function normalisePositionCode(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length > 24) return null;
  const s = raw.replace(/[-\s]/g, '').toUpperCase();
  return new RegExp(`^[2-9A-HJKMNP-Z]{${LENGTH}}$`).test(s) ? s : null;
}

/** XXXXX-XXXXX. Pure. */
export function formatPositionCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/**
 * Only the code's hash is stored, like role tokens: a copied database lists no join links.
 * The code is looked up by this hash at join time. Pure.
 */
export function positionCodeHash(code: string): string {
  return sha256Node('yanlian-position-code\n' + code);
}

/** What the position-code functions need of the drill service: its store, clock and drills. */
export interface PositionCodeHost<D extends { row: { id: string } }> {
  readonly store: Pick<DrillStore, 'positionByCodeHash' | 'setPositionCodes'>;
  now(): number;
  drill(id: string): D | undefined;
}

/**
 * New join codes for these positions of a drill (all of them at creation): only their hashes are
 * stored, and each replaces the position's previous code, which stops working (tokens already
 * issued stay valid until revoked). Returns the codes, XXXXX-XXXXX, by position; shown once.
 */
export function issuePositionCodes<D extends { row: { id: string } }>(host: PositionCodeHost<D>, ld: D, positions: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  const rows: { position: string; codeHash: string }[] = [];
  for (const position of positions) {
    let code = newPositionCode();
    while (host.store.positionByCodeHash(positionCodeHash(code))) code = newPositionCode();
    out[position] = formatPositionCode(code);
    rows.push({ position, codeHash: positionCodeHash(code) });
  }
  host.store.setPositionCodes(ld.row.id, rows, host.now());
  return out;
}

/**
 * The drill and position a (normalised) position code opens, while the drill is held and still
 * has that position; null otherwise (for the caller to rate-limit). No token.
 */
export function positionOfCode<D extends { row: { id: string }; config: { positions: readonly { id: string }[] } }>(
  host: PositionCodeHost<D>,
  code: string,
): { drill: D; position: string } | null {
  const hit = host.store.positionByCodeHash(positionCodeHash(code));
  const ld = hit && host.drill(hit.drillId);
  return hit && ld && ld.config.positions.some((p) => p.id === hit.position) ? { drill: ld, position: hit.position } : null;
}
