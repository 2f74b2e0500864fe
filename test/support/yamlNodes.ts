/**
 * Test helpers to damage scenario texts on purpose and to say, independently of the loader,
 * where the damage sits: a walk over the `yaml` AST (node, path, line via LineCounter) and a
 * walk over the zod schema (which schema governs a path, is a key required, is it a strict object).
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type Scalar } from 'yaml';
import { ScenarioV1 } from '../../engine/scenario/schema/scenario.ts';

export type Path = (string | number)[];

export interface Located {
  path: Path;
  node: Node;
  /** the key scalar when the node is a map value */
  key?: Scalar;
}

export function parse(text: string): { doc: Document; lines: LineCounter } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  return { doc, lines };
}

/** Every node of a document with its path, depth first, document order. */
export function allNodes(doc: Document): Located[] {
  const out: Located[] = [];
  const walk = (node: unknown, path: Path, key?: Scalar) => {
    if (!node || typeof node !== 'object') return;
    out.push({ path, node: node as Node, ...(key ? { key } : {}) });
    if (isMap(node)) {
      for (const p of node.items) if (isPair(p) && isScalar(p.key)) walk(p.value, [...path, String(p.key.value)], p.key);
    } else if (isSeq(node)) node.items.forEach((item, i) => walk(item, [...path, i]));
  };
  walk(doc.contents, []);
  return out;
}

/** The node at `path` (and its key when in a map), or undefined. */
export function nodeAt(doc: Document, path: Path): Located | undefined {
  let node: unknown = doc.contents;
  let key: Scalar | undefined;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) return undefined;
      key = pair.key as Scalar;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number') {
      node = node.items[seg];
      key = undefined;
    } else return undefined;
    if (!node) return undefined;
  }
  return node ? { path, node: node as Node, ...(key ? { key } : {}) } : undefined;
}

/** 1-based line of a source offset. */
export function lineOf(lines: LineCounter, offset: number): number {
  return lines.linePos(offset).line;
}

/** Line of the node at `path` in `text` (the value node; with atKey, its key). */
export function lineAt(text: string, path: Path, atKey = false): number | undefined {
  const { doc, lines } = parse(text);
  const hit = nodeAt(doc, path);
  if (!hit) return undefined;
  const start = atKey ? hit.key?.range?.[0] : hit.node.range?.[0];
  return start === undefined ? undefined : lineOf(lines, start);
}

/** Line of the deepest node on `path` that exists (where a loader should point for a missing key). */
export function lineOfDeepest(text: string, path: Path): number {
  const { doc, lines } = parse(text);
  for (let n = path.length; n >= 0; n--) {
    const hit = nodeAt(doc, path.slice(0, n));
    const start = hit?.node.range?.[0];
    if (start !== undefined) return lineOf(lines, start);
  }
  return 1;
}

// ---------------------------------------------------------------------------
// zod schema walk (zod 4 internals: `_zod.def`)

/* eslint-disable @typescript-eslint/no-explicit-any */
type AnySchema = any;

function unwrap(s: AnySchema, value: unknown): AnySchema {
  for (;;) {
    const d = s._zod.def;
    if (d.type === 'optional' || d.type === 'nullable' || d.type === 'default') s = d.innerType;
    else if (d.type === 'pipe') s = d.in;
    else if (d.type === 'union') {
      const disc: string | undefined = d.discriminator;
      const v = value as Record<string, unknown> | null;
      const pick =
        (disc && v && typeof v === 'object'
          ? d.options.find((o: AnySchema) => o._zod.def.shape?.[disc]?.safeParse(v[disc]).success)
          : undefined) ?? d.options.find((o: AnySchema) => o.safeParse(value).success);
      if (!pick) return undefined;
      s = pick;
    } else return s;
  }
}

/** The schema governing `path` in the document `value` (undefined if the path leaves the schema). */
export function schemaAt(root: unknown, path: Path): AnySchema | undefined {
  let s: AnySchema = ScenarioV1;
  let v: unknown = root;
  for (const seg of path) {
    s = unwrap(s, v);
    if (!s) return undefined;
    const d = s._zod.def;
    if (d.type === 'object') s = d.shape[seg];
    else if (d.type === 'array') s = d.element;
    else if (d.type === 'record') s = d.valueType;
    else if (d.type === 'tuple') s = d.items[seg as number];
    else return undefined;
    if (!s) return undefined;
    v = v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[seg] : undefined;
  }
  return s;
}

/** Kind of container the schema expects at `path`: 'object' (strict), 'record', or other. */
export function containerKind(root: unknown, path: Path): 'object' | 'record' | 'other' {
  let v: unknown = root;
  for (const seg of path) v = v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[seg] : undefined;
  const s = schemaAt(root, path);
  const u = s ? unwrap(s, v) : undefined;
  const t = u?._zod.def.type;
  return t === 'object' ? 'object' : t === 'record' ? 'record' : 'other';
}

/** Is key `path` (the last segment) required by the schema? */
export function isRequired(root: unknown, path: Path): boolean {
  const s = schemaAt(root, path);
  return s !== undefined && !s.safeParse(undefined).success;
}

/** Would the field at `path`, on its own, accept `value`? */
export function fieldAccepts(root: unknown, path: Path, value: unknown): boolean {
  const s = schemaAt(root, path);
  return s !== undefined && s.safeParse(value).success;
}
