/**
 * `yanlian import`: a county's road layer and registers → a complete scenario YAML. Reads the
 * files (importReaders.ts), runs the importer the planner workbench runs too (src/import/importCounty.ts:
 * the byte readers, then the pure engine/import), checks the result with the scenario loader and
 * writes it atomically — or, on any error, prints every located problem and writes nothing.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatProblem, loadScenario, type Lang } from '../../engine/index.ts';
import type { DivisionData } from '../../engine/import/divisions.ts';
import { formatImportProblem } from '../../engine/import/importProblem.ts';
import { importMessage } from '../../engine/import/importMessages.ts';
import { TEMPLATES } from '../../engine/import/rainstormTemplate.ts';
import { importCounty, importNoteLine, importScenarioYaml, importSummaryLines, importTemplate, REGISTER_KEYS, TEMPLATE_NAMES, type ImportSources } from '../import/importCounty.ts';
import { writeFileAtomic } from '../../engine/node/atomicWrite.ts';
import { CliExit, EXIT } from './cliExit.ts';
import { readDem, readRoads, readSheet } from './importReaders.ts';

export interface ImportOptions {
  division?: string;
  divisions?: string;
  roads?: string;
  villages?: string;
  sites?: string;
  stores?: string;
  teams?: string;
  shelters?: string;
  dem?: string;
  template?: string;
  out?: string;
  snap?: string;
  buffer?: string;
  templates?: string;
}

const DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../scenarios/data');

/** The division table of a county code: --divisions FILE, else scenarios/data/*-divisions.json. */
function findDivisions(code: string, explicit: string | undefined, lang: Lang): DivisionData {
  const read = (p: string) => JSON.parse(readFileSync(p, 'utf8')) as DivisionData;
  if (explicit) {
    try {
      return read(explicit);
    } catch (e) {
      throw new CliExit(EXIT.badInput, `${explicit}${lang === 'zh' ? '：' : ': '}${importMessage(lang, 'unreadable', { detail: e instanceof Error ? e.message : String(e) })}`);
    }
  }
  const known: string[] = [];
  for (const f of existsSync(DATA_DIR) ? readdirSync(DATA_DIR).filter((x) => x.endsWith('-divisions.json')).sort() : []) {
    const d = read(join(DATA_DIR, f));
    if (d.county.code === code) return d;
    known.push(`${d.county.code} ${d.county.zh}`);
  }
  throw new CliExit(EXIT.badInput, importMessage(lang, 'unknownDivision', { code, known: known.join('、') }));
}

const numberOption = (v: string | undefined, name: string, lo: number, hi: number, lang: Lang): number | undefined => {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n < lo || n > hi) throw new CliExit(EXIT.badInput, lang === 'zh' ? `--${name} 须为 ${lo}–${hi} 之间的数：${v}` : `--${name} must be a number within ${lo}–${hi}: ${v}`);
  return n;
};

export async function importCommand(opts: ImportOptions, lang: Lang): Promise<void> {
  const zh = lang === 'zh';
  if (opts.templates) {
    const { writeImportTemplates } = await import('./importTemplates.ts');
    const files = await writeImportTemplates(opts.templates, TEMPLATES.rainstorm!);
    process.stdout.write((zh ? `已写出模板：${files.join('、')}` : `templates written: ${files.join(', ')}`) + '\n');
    return;
  }
  const missing = (['division', 'roads', 'out'] as const).filter((k) => !opts[k]);
  if (missing.length > 0) throw new CliExit(EXIT.badInput, zh ? `缺少必填选项：${missing.map((k) => `--${k}`).join('、')}` : `missing required options: ${missing.map((k) => `--${k}`).join(', ')}`);
  if (!/^\d{6}$/.test(opts.division!)) throw new CliExit(EXIT.badInput, zh ? `--division 须为 6 位 GB/T 2260 县级代码：${opts.division}` : `--division must be a 6-digit GB/T 2260 county code: ${opts.division}`);
  const templateName = opts.template ?? 'rainstorm';
  // the others: the rainstorm template with a shipped scenario's hazard side (engine/import/shippedTemplates.ts)
  const template = await importTemplate(templateName, async (file) => readFileSync(join(DATA_DIR, '..', file), 'utf8'));
  if (!template) throw new CliExit(EXIT.badInput, importMessage(lang, 'unknownTemplate', { value: templateName, allowed: TEMPLATE_NAMES.join(', ') }));
  const snapM = numberOption(opts.snap, 'snap', 0.1, 1000, lang);
  const bufferM = numberOption(opts.buffer, 'buffer', 1, 10000, lang);
  const divisions = findDivisions(opts.division!, opts.divisions, lang);

  const t0 = performance.now();
  const sources: ImportSources = {
    roads: { file: opts.roads!.split(/[\\/]/).pop()!, read: (p) => readRoads(opts.roads!, p) },
    registers: Object.fromEntries(REGISTER_KEYS.flatMap((k) => (opts[k] ? [[k, (p: Parameters<typeof readSheet>[1]) => readSheet(opts[k]!, p)]] : []))),
    ...(opts.dem ? { dem: (p) => readDem(opts.dem!, p) } : {}),
  };
  const { problems, roads: roadsRead, graph, built } = await importCounty(sources, { divisions, template, ...(snapM !== undefined ? { snapM } : {}), ...(bufferM !== undefined ? { bufferM } : {}) });

  for (const p of problems.items) process.stdout.write(formatImportProblem(p, lang) + '\n');
  if (!built || problems.errorCount > 0) throw new CliExit(EXIT.badInput, zh ? `导入失败：${problems.errorCount} 个错误，未写出 ${opts.out}` : `import failed: ${problems.errorCount} errors; ${opts.out} not written`);

  const text = importScenarioYaml(built.scenario, divisions.county.zh, { division: opts.division!, roads: opts.roads!, ...Object.fromEntries(([...REGISTER_KEYS, 'dem', 'template'] as const).flatMap((k) => (opts[k] ? [[k, opts[k]]] : []))) });
  const check = loadScenario(text, opts.out!, lang);
  if (!check.ok) {
    for (const p of check.problems) process.stdout.write(formatProblem(p) + '\n');
    throw new CliExit(EXIT.internal, importMessage(lang, 'invalidResult', { detail: `${check.problems.length}` }));
  }
  writeFileAtomic(opts.out!, text);
  const s = built.summary;
  const g = graph!.stats;
  const ms = Math.round(performance.now() - t0);
  if (roadsRead?.note) process.stdout.write(importNoteLine(roadsRead.note, lang) + '\n');
  const [roadsLine, registersLine] = importSummaryLines(g, s, lang);
  process.stdout.write(`${roadsLine}\n${registersLine}\n` + (zh ? `已写出 ${opts.out}（${ms} ms；校验通过，${check.warnings.length} 条警告）` : `wrote ${opts.out} (${ms} ms; valid, ${check.warnings.length} warnings)`) + '\n');
}
