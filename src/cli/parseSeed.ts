import { masterSeedFrom, type Lang } from '../../engine/index.ts';
import { CliExit, EXIT } from './cliExit.ts';
import { msg } from './messages.ts';

/**
 * Parses `--seed`: an integer 0 … 4294967295 stays itself; text that is not a number (e.g.
 * "drill-2025-07") is hashed to one; a number out of range (negative, fractional, too big)
 * exits 2.
 */
export function parseSeed(raw: string, lang: Lang): number {
  const numeric = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(raw.trim());
  if (raw.trim() === '' || (numeric && !(/^\d+$/.test(raw.trim()) && Number(raw) <= 0xffffffff)))
    throw new CliExit(EXIT.badInput, msg(lang, 'badSeed', { seed: raw }));
  try {
    return masterSeedFrom(numeric ? Number(raw) : raw);
  } catch {
    throw new CliExit(EXIT.badInput, msg(lang, 'badSeed', { seed: raw }));
  }
}
