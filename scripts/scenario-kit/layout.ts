/**
 * YAML layout of a generated scenario: block style for the structure, one flow line per list
 * entry, comments for people; and the writer. Pure but for writeScenario.
 */
import { writeFileSync } from 'node:fs';
import { Document, Scalar, isMap, isSeq, type Node as YNode, type YAMLMap, type YAMLSeq } from 'yaml';

export { Document };

export function flowAll(node: unknown): void {
  if (isMap(node) || isSeq(node)) node.flow = true;
}
export function seqOf(doc: Document, ...path: (string | number)[]): YAMLSeq {
  const n = doc.getIn(path, true);
  if (!isSeq(n)) throw new Error(`not a sequence: ${path.join('.')}`);
  return n;
}
/** A comment line above a top-level key. */
export function keyComment(doc: Document, key: string, comment: string): void {
  const pair = (doc.contents as YAMLMap).items.find((p) => (p.key as Scalar).value === key);
  if (!pair) throw new Error(`no key ${key}`);
  (pair.key as Scalar).commentBefore = comment;
}
/** A comment line above the node at `path` (nothing when there is none). */
export function commentAt(doc: Document, path: (string | number)[], comment: string): void {
  const n = doc.getIn(path, true) as YNode | undefined;
  if (n) n.commentBefore = comment;
}
/** Top-level key comments, in one call: { key: ' --- comment ---' }. */
export function keyComments(doc: Document, comments: Record<string, string>): void {
  for (const [k, c] of Object.entries(comments)) keyComment(doc, k, c);
}

/** One flow line per list entry for everything but the top-level structure. */
export function layoutCommon(doc: Document): void {
  (doc.getIn(['start'], true) as Scalar).type = Scalar.QUOTE_SINGLE;
  for (const item of seqOf(doc, 'provenance').items) flowAll((item as YAMLMap).get('paths', true));
  for (const key of ['townships', 'villages'] as const) for (const item of seqOf(doc, 'region', key).items) flowAll(item);
  for (const item of seqOf(doc, 'roads', 'nodes').items) flowAll(item);
  for (const item of seqOf(doc, 'roads', 'links').items) flowAll(item);
  seqOf(doc, 'hazardSites').items.forEach((item, i) => {
    const m = item as YAMLMap;
    flowAll(m.get('name', true));
    for (const c of seqOf(doc, 'hazardSites', i, 'cuts').items) flowAll(c);
    const trig = m.get('triggers', true);
    if (isSeq(trig)) for (const c of trig.items) flowAll(c);
  });
  const hz = doc.getIn(['hazard'], true) as YAMLMap;
  for (const p of hz.items) if (isMap(p.value)) flowAll(p.value);
  const as = doc.getIn(['hazard', 'aftershocks'], true);
  if (isMap(as)) for (const p of as.items) flowAll(p.value);
  if (isMap(as)) as.flow = false;
  flowAll(doc.getIn(['chain', 'landslide', 'rule'], true));
  for (const p of [['consequences', 'affectedFraction'], ['consequences', 'deadMissingRate'], ['rescue', 'onSiteHours'], ['clearing', 'hours']]) flowAll(doc.getIn(['chain', ...p], true));
  const rs = doc.getIn(['warnings', 'rainstorm'], true);
  if (isSeq(rs)) for (const item of rs.items) flowAll(item);
  seqOf(doc, 'response', 'levels').items.forEach((_, i) => {
    for (const c of seqOf(doc, 'response', 'levels', i, 'startAny').items) flowAll(c);
  });
  for (const item of seqOf(doc, 'response', 'endAll').items) flowAll(item);
  for (const item of seqOf(doc, 'reserves', 'items').items) flowAll(item);
  for (const item of seqOf(doc, 'reserves', 'warehouses').items) {
    const m = item as YAMLMap;
    for (const k of ['name', 'stock', 'resupplyLeadHours', 'loadingHours']) flowAll(m.get(k, true));
  }
  for (const item of seqOf(doc, 'teams').items) flowAll(item);
  for (const item of seqOf(doc, 'shelters').items) flowAll(item);
  for (const item of seqOf(doc, 'targets').items) flowAll(item);
}

/** The scenario object as a laid-out document (layoutCommon), with the file's header comment. */
export function scenarioDocument(scenario: unknown, header: string[]): Document {
  const doc = new Document(scenario, { aliasDuplicateObjects: false });
  layoutCommon(doc);
  doc.commentBefore = header.join('\n');
  return doc;
}

/** Writes the document (no line wrapping, compact flow collections); returns the text. */
export function writeScenario(doc: Document, file: string): string {
  const text = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  writeFileSync(file, text);
  return text;
}

/** Index of the first element matching, for comments. */
export const firstIndex = <T>(xs: T[], pred: (x: T) => boolean) => xs.findIndex(pred);
