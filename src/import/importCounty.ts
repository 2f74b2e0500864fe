/**
 * The county import from files already read, shared by `yanlian import` (src/cli/importCommand.ts)
 * and the planner workbench's "新建县域情景" (src/app/planner/ImportPanel.tsx): the road layer,
 * then each register in the CLI's order, then the DEM are read (importBytes.ts), the road graph
 * built, and the scenario built when no error was found; the scenario written as YAML with the
 * header naming the equivalent command. The same inputs give the same problems, in the same order,
 * and the same YAML bytes in both. No Node or DOM API.
 */
import { Document, isMap, isScalar, isSeq, parse, visit } from 'yaml';
import { buildRoadGraph, type RoadGraph } from '../../engine/import/buildRoadGraph.ts';
import { buildScenario, type ImportSummary } from '../../engine/import/buildScenario.ts';
import type { ImportInput } from '../../engine/import/importContext.ts';
import type { DivisionData } from '../../engine/import/divisions.ts';
import { ProblemList } from '../../engine/import/importProblem.ts';
import { TEMPLATES, type ImportTemplate } from '../../engine/import/rainstormTemplate.ts';
import { SHIPPED_TEMPLATES, templateFromScenario } from '../../engine/import/shippedTemplates.ts';
import type { SheetData } from '../../engine/import/registers.ts';
import type { ScenarioFile } from '../../engine/scenario/schema/scenario.ts';
import type { DemRead, RoadsRead } from './importBytes.ts';

/** The registers, in the order the CLI reads them (and problems are listed). */
export const REGISTER_KEYS = ['villages', 'sites', 'stores', 'teams', 'shelters'] as const;
export type RegisterKey = (typeof REGISTER_KEYS)[number];

/** Each input as a reader that records its own problems; called in order: roads, registers, DEM. */
export interface ImportSources {
  roads: { file: string; read(problems: ProblemList): Promise<RoadsRead | undefined> };
  registers: Partial<Record<RegisterKey, (problems: ProblemList) => Promise<SheetData | undefined>>>;
  dem?: (problems: ProblemList) => Promise<DemRead | undefined>;
}

export interface ImportSettings {
  divisions: DivisionData;
  template: ImportTemplate;
  /** snapping tolerance, m (default 20: buildRoadGraph) */
  snapM?: number;
  /** hazard-site buffer, m (default 200: buildScenario) */
  bufferM?: number;
}

export interface ImportOutcome {
  problems: ProblemList;
  roads?: RoadsRead;
  graph?: RoadGraph;
  /** the registers as read (the planner locates a problem's row on the map from them) */
  sheets: Partial<Record<RegisterKey, SheetData>>;
  /** present only when no error was found */
  built?: { scenario: ScenarioFile; summary: ImportSummary };
}

/** Reads every input and builds the scenario; every problem is in `problems`. */
export async function importCounty(src: ImportSources, o: ImportSettings): Promise<ImportOutcome> {
  const problems = new ProblemList();
  const roads = await src.roads.read(problems);
  const sheets: Partial<Pick<ImportInput, RegisterKey>> = {};
  for (const k of REGISTER_KEYS) {
    const read = src.registers[k];
    if (!read) continue;
    const s = await read(problems);
    if (s) sheets[k] = s;
  }
  const dem = src.dem ? await src.dem(problems) : undefined;
  const graph = roads ? buildRoadGraph(roads.features, { file: src.roads.file, ...(o.snapM !== undefined ? { snapM: o.snapM } : {}) }, problems) : undefined;
  const built =
    graph && problems.errorCount === 0 ? buildScenario({ divisions: o.divisions, roads: graph, template: o.template, ...sheets, ...(o.bufferM !== undefined ? { bufferM: o.bufferM } : {}), ...(dem ? { dem } : {}) }, problems) : undefined;
  return { problems, sheets, ...(roads ? { roads } : {}), ...(graph ? { graph } : {}), ...(built ? { built } : {}) };
}

/** The template names offered: the rainstorm template's, then those served from a shipped scenario. */
export const TEMPLATE_NAMES: readonly string[] = [...Object.keys(TEMPLATES), ...Object.keys(SHIPPED_TEMPLATES)];

/** Each offered template's name in both languages (as the template itself gives it), for a picker. */
export const TEMPLATE_LABELS: readonly { name: string; zh: string; en: string }[] = TEMPLATE_NAMES.map((name) => {
  const t = TEMPLATES[name] ?? SHIPPED_TEMPLATES[name]!;
  return { name, zh: t.zh, en: t.en };
});

/**
 * A template by name: the built-in rainstorm one, or earthquake/typhoon taken from the shipped
 * scenario whose text `shippedText(file)` gives (file under scenarios/, e.g. shidian-earthquake.yaml).
 * Undefined for an unknown name.
 */
export async function importTemplate(name: string, shippedText: (file: string) => Promise<string>): Promise<ImportTemplate | undefined> {
  const own = TEMPLATES[name];
  if (own) return own;
  const spec = SHIPPED_TEMPLATES[name];
  if (!spec) return undefined;
  return templateFromScenario(name, spec, TEMPLATES.rainstorm!, parse(await shippedText(spec.file)) as ScenarioFile);
}

/** The options a scenario's header names: the values as given on the command line (paths or file names). */
export type ImportArgs = { division: string; roads: string } & Partial<Record<RegisterKey | 'dem' | 'template', string>>;

/** `--division 512022 --roads roads.geojson --villages …`, as the header of the YAML names the command. Pure. */
export function importArgsText(a: ImportArgs): string {
  return ['--division', a.division, '--roads', a.roads, ...([...REGISTER_KEYS, 'dem', 'template'] as const).flatMap((k) => (a[k] ? [`--${k}`, a[k]] : []))].join(' ');
}

/** The scenario as YAML, one flow line per list entry, with a header saying how it was made. Pure. */
export function importScenarioYaml(s: object, countyZh: string, args: ImportArgs): string {
  const head = `# ${countyZh} — GENERATED by \`yanlian import ${importArgsText(args)}\`.\n# Every number names its file and row or feature (provenance), or the template's assumption.\n\n`;
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

/**
 * The summary `yanlian import` prints after writing (and the planner shows): the road graph, then
 * the registers and their linking. Pure.
 */
export function importSummaryLines(g: RoadGraph['stats'], s: ImportSummary, lang: 'zh' | 'en'): [string, string] {
  return lang === 'zh'
    ? [
        `路网：${g.features} 条要素 → ${g.nodes} 个节点、${g.links} 条路段（交叉 ${g.crossings} 处，连通块 ${g.pieces} 个，尽头 ${g.deadEnds} 个）`,
        `${s.townships} 个乡镇、${s.villages} 个村（社区）（到道路节点中位 ${s.snapMedianM} m、最远 ${s.snapMaxM} m）；${s.sites} 个隐患点阻断 ${s.cuts} 条路段；${s.stores} 个仓库、${s.teams} 支队伍、${s.shelters} 个避难场所`,
      ]
    : [
        `roads: ${g.features} features → ${g.nodes} nodes, ${g.links} links (${g.crossings} crossings, ${g.pieces} connected pieces, ${g.deadEnds} dead ends)`,
        `${s.townships} townships, ${s.villages} villages (road node median ${s.snapMedianM} m, farthest ${s.snapMaxM} m); ${s.sites} hazard sites cutting ${s.cuts} links; ${s.stores} stores, ${s.teams} teams, ${s.shelters} shelters`,
      ];
}

/** `属性编码 roads.dbf: GBK (detected)`: how the road layer's attributes were decoded (and any reprojection). Pure. */
export const importNoteLine = (note: string, lang: 'zh' | 'en'): string => (lang === 'zh' ? `属性编码 ${note}` : `attribute encoding ${note}`);
