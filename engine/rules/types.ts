/**
 * Shared shapes of the national rule tables (engine/rules). Pure data types, no imports: the
 * tables and their helpers do not depend on the rest of yanlian.
 */

/**
 * How sure a row is, as flagged in shared/domain/standards-cn.md: V verified in a retrieved
 * copy of the source, P partly verified, M from memory (treat as "assumed" when used).
 */
export type Flag = 'V' | 'P' | 'M';

/** Chinese first, English too. */
export interface Text {
  zh: string;
  en: string;
}

/** A national document a rule row cites. `id` is the key scenarios use in their `sources`. */
export interface RuleSource {
  id: string;
  title: string;
  standard?: string;
  url?: string;
}

/** What every row carries: where it comes from and how sure that is. */
export interface Cited {
  /** id in the standards-cn.md tables, e.g. "RS-O", "GH-II", "T-10.county" */
  id: string;
  /** a key of RULE_SOURCES */
  source: string;
  /** where the number was found (mostly third-party mirrors of official texts) */
  url?: string;
  flag: Flag;
  note?: string;
}
