import type { Lang } from '../i18n/lang.ts';
import { importMessage, type ImportMessageKey } from './importMessages.ts';

/**
 * One thing wrong with an input file, located as a GIS clerk finds it: the file, then the
 * spreadsheet row (1-based, as Excel/WPS number them) or the feature index (0-based, as QGIS
 * numbers a shapefile's features), then the column as headed in the file.
 */
export interface ImportProblem {
  file: string;
  row?: number;
  feature?: number;
  column?: string;
  key: ImportMessageKey;
  params: Record<string, string | number>;
  severity: 'error' | 'warning';
}

/** `sites.xlsx 第 14 行 经度：118.9 不在本县范围内（104.85–105.32）` / `roads.shp 要素 233：几何为空`. Pure. */
export function formatImportProblem(p: ImportProblem, lang: Lang): string {
  const text = importMessage(lang, p.key, p.params);
  const zh = lang === 'zh';
  let at = p.file;
  if (p.row !== undefined) at += zh ? ` 第 ${p.row} 行` : ` row ${p.row}`;
  if (p.feature !== undefined) at += zh ? ` 要素 ${p.feature}` : ` feature ${p.feature}`;
  if (p.column !== undefined) at += zh ? ` ${p.column}` : `, ${p.column}`;
  const tag = p.severity === 'warning' ? (zh ? '（警告）' : ' (warning)') : '';
  return `${at}${zh ? '：' : ': '}${text}${tag}`;
}

/** Collects problems; `error`/`warn` are shorthands. */
export class ProblemList {
  readonly items: ImportProblem[] = [];
  error(file: string, key: ImportMessageKey, params: Record<string, string | number> = {}, at: Partial<Pick<ImportProblem, 'row' | 'feature' | 'column'>> = {}): void {
    this.items.push({ file, ...at, key, params, severity: 'error' });
  }
  warn(file: string, key: ImportMessageKey, params: Record<string, string | number> = {}, at: Partial<Pick<ImportProblem, 'row' | 'feature' | 'column'>> = {}): void {
    this.items.push({ file, ...at, key, params, severity: 'warning' });
  }
  get errorCount(): number {
    return this.items.filter((p) => p.severity === 'error').length;
  }
}
