import type { DivisionData } from '../../../engine/import/divisions.ts';

// the shipped tables (scenarios/data/*-divisions.json, ~70 kB in all) travel in the import panel's lazy chunk only
const TABLES = import.meta.glob<DivisionData>('../../../scenarios/data/*-divisions.json', { eager: true, import: 'default' });

/**
 * The county division tables the CLI finds in scenarios/data (乐至 512022, 井研 511124, 施甸 530521,
 * 平湖 330482 …), in the CLI's order (file name), so a code picks the same table as
 * `yanlian import --division CODE`.
 */
export const DIVISION_TABLES: readonly DivisionData[] = Object.keys(TABLES)
  .sort((a, b) => (a.split('/').pop()! < b.split('/').pop()! ? -1 : 1))
  .map((k) => TABLES[k]!);

/** A division table as `--divisions FILE` reads one (scripts/build-divisions.ts output), or why not. Pure. */
export function parseDivisionTable(text: string): DivisionData | string {
  try {
    const d = JSON.parse(text) as Partial<DivisionData>;
    if (typeof d?.county?.code !== 'string' || !Array.isArray(d.townships) || !Array.isArray(d.villages)) return 'county / townships / villages missing';
    return d as DivisionData;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}
