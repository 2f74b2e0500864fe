/**
 * `yanlian import`: a county's road layer and registers → a complete scenario YAML. Reads the
 * files (importReaders.ts), runs the pure importer (engine/import), checks the result with the
 * scenario loader and writes it atomically — or, on any error, prints every located problem and
 * writes nothing.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Document, isMap, isScalar, isSeq, parse, visit } from 'yaml';
import { formatProblem, loadScenario, type Lang } from '../../engine/index.ts';
import { buildRoadGraph } from '../../engine/import/buildRoadGraph.ts';
import { buildScenario, type ImportInput } from '../../engine/import/buildScenario.ts';
import type { DivisionData } from '../../engine/import/divisions.ts';
import { formatImportProblem, ProblemList } from '../../engine/import/importProblem.ts';
import { importMessage } from '../../engine/import/importMessages.ts';
import { TEMPLATES, type ImportTemplate } from '../../engine/import/rainstormTemplate.ts';
import { SHIPPED_TEMPLATES, templateFromScenario } from '../../engine/import/shippedTemplates.ts';
import type { ScenarioFile } from '../../engine/scenario/schema/scenario.ts';
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

/** earthquake / typhoon: the rainstorm template with a shipped scenario's hazard side (engine/import/shippedTemplates.ts). */
function shippedTemplate(name: string): ImportTemplate | undefined {
  const spec = SHIPPED_TEMPLATES[name];
  if (!spec) return undefined;
  const shipped = parse(readFileSync(join(DATA_DIR, '..', spec.file), 'utf8')) as ScenarioFile;
  return templateFromScenario(name, spec, TEMPLATES.rainstorm!, shipped);
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
  const template = TEMPLATES[templateName] ?? shippedTemplate(templateName);
  if (!template) throw new CliExit(EXIT.badInput, importMessage(lang, 'unknownTemplate', { value: templateName, allowed: [...Object.keys(TEMPLATES), ...Object.keys(SHIPPED_TEMPLATES)].join(', ') }));
  const snapM = numberOption(opts.snap, 'snap', 0.1, 1000, lang);
  const bufferM = numberOption(opts.buffer, 'buffer', 1, 10000, lang);
  const divisions = findDivisions(opts.division!, opts.divisions, lang);

  const t0 = performance.now();
  const problems = new ProblemList();
  const roadsRead = await readRoads(opts.roads!, problems);
  const sheets: Partial<Pick<ImportInput, 'villages' | 'sites' | 'stores' | 'teams' | 'shelters'>> = {};
  for (const k of ['villages', 'sites', 'stores', 'teams', 'shelters'] as const) {
    const p = opts[k];
    if (!p) continue;
    const s = await readSheet(p, problems);
    if (s) sheets[k] = s;
  }
  const dem = opts.dem ? await readDem(opts.dem, problems) : undefined;
  const graph = roadsRead ? buildRoadGraph(roadsRead.features, { file: opts.roads!.split(/[\\/]/).pop()!, ...(snapM !== undefined ? { snapM } : {}) }, problems) : undefined;
  const built = graph && problems.errorCount === 0 ? buildScenario({ divisions, roads: graph, template, ...sheets, ...(bufferM !== undefined ? { bufferM } : {}), ...(dem ? { dem } : {}) }, problems) : undefined;

  for (const p of problems.items) process.stdout.write(formatImportProblem(p, lang) + '\n');
  if (!built || problems.errorCount > 0) throw new CliExit(EXIT.badInput, zh ? `导入失败：${problems.errorCount} 个错误，未写出 ${opts.out}` : `import failed: ${problems.errorCount} errors; ${opts.out} not written`);

  const text = scenarioYaml(built.scenario, divisions.county.zh, opts);
  const check = loadScenario(text, opts.out!, lang);
  if (!check.ok) {
    for (const p of check.problems) process.stdout.write(formatProblem(p) + '\n');
    throw new CliExit(EXIT.internal, importMessage(lang, 'invalidResult', { detail: `${check.problems.length}` }));
  }
  writeFileAtomic(opts.out!, text);
  const s = built.summary;
  const g = graph!.stats;
  const ms = Math.round(performance.now() - t0);
  if (roadsRead?.note) process.stdout.write((zh ? `属性编码 ${roadsRead.note}` : `attribute encoding ${roadsRead.note}`) + '\n');
  process.stdout.write(
    (zh
      ? `路网：${g.features} 条要素 → ${g.nodes} 个节点、${g.links} 条路段（交叉 ${g.crossings} 处，连通块 ${g.pieces} 个，尽头 ${g.deadEnds} 个）\n` +
        `${s.townships} 个乡镇、${s.villages} 个村（社区）（到道路节点中位 ${s.snapMedianM} m、最远 ${s.snapMaxM} m）；${s.sites} 个隐患点阻断 ${s.cuts} 条路段；${s.stores} 个仓库、${s.teams} 支队伍、${s.shelters} 个避难场所\n` +
        `已写出 ${opts.out}（${ms} ms；校验通过，${check.warnings.length} 条警告）`
      : `roads: ${g.features} features → ${g.nodes} nodes, ${g.links} links (${g.crossings} crossings, ${g.pieces} connected pieces, ${g.deadEnds} dead ends)\n` +
        `${s.townships} townships, ${s.villages} villages (road node median ${s.snapMedianM} m, farthest ${s.snapMaxM} m); ${s.sites} hazard sites cutting ${s.cuts} links; ${s.stores} stores, ${s.teams} teams, ${s.shelters} shelters\n` +
        `wrote ${opts.out} (${ms} ms; valid, ${check.warnings.length} warnings)`) + '\n',
  );
}

/** The scenario as YAML, one flow line per list entry, with a header saying how it was made. */
function scenarioYaml(s: object, countyZh: string, opts: ImportOptions): string {
  const args = ['--division', opts.division, '--roads', opts.roads, ...(['villages', 'sites', 'stores', 'teams', 'shelters', 'dem', 'template'] as const).flatMap((k) => (opts[k] ? [`--${k}`, opts[k]] : []))].join(' ');
  const head = `# ${countyZh} — GENERATED by \`yanlian import ${args}\`.\n# Every number names its file and row or feature (provenance), or the template's assumption.\n\n`;
  const doc = new Document(s, { aliasDuplicateObjects: false });
  // one flow line for each small entry (a village, a link, a cut), block style for the structure
  visit(doc, {
    Map(_, node) {
      if (JSON.stringify(node.toJSON()).length <= 240 && node.items.every((p) => isScalar(p.value) || ((isMap(p.value) || isSeq(p.value)) && p.value.items.length <= 8))) {
        node.flow = true;
        return visit.SKIP;
      }
      return undefined;
    },
    Seq(_, node) {
      if (node.items.every((x) => isScalar(x))) node.flow = true;
    },
  });
  return head + doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}
