import { Composer, Lexer, Parser, YAMLParseError, type CST, type Document, type LineCounter } from 'yaml';
import type { DocPath } from './problem.ts';

/**
 * Limits on user text (scenarios of both models, drill decisions, the drill server's
 * `scenarioText`) before the YAML composer sees it. The composer and `toJS` recurse once per
 * nesting level, and far enough down V8 aborts the whole process ("RegExpCompiler Allocation
 * failed") instead of throwing — so the depth is bounded while the text is still being tokenised
 * (the lexer and parser are iterative), never after.
 */
export const TEXT_LIMITS = {
  /** Deepest nesting of lists and mappings, flow (`[`, `{`) and block (indentation, `- - -`) alike; the bundled scenarios nest 6 deep. */
  maxDepth: 64,
  /** Largest scenario or decisions file, in bytes: 4 MiB, 20 times the largest bundled scenario. Text is checked in UTF-16 code units against the same number. */
  maxBytes: 4 * 1024 * 1024,
} as const;

export type BoundedParse =
  | { ok: true; doc: Document }
  | { ok: false; reason: 'tooDeep'; offset: number }
  | { ok: false; reason: 'tooLong'; length: number };

const COLLECTIONS: ReadonlySet<string> = new Set(['block-map', 'block-seq', 'flow-collection']);

/**
 * `parseDocument(text)` with the {@link TEXT_LIMITS} applied: the text is tokenised one lexeme at
 * a time and refused at the first lexeme that opens a collection deeper than `maxDepth` (its
 * `offset` in `text`), so a deep document never reaches the recursive composer. Otherwise the same
 * document as `parseDocument(text, options)` (first document only; a second one is a
 * MULTIPLE_DOCS error). Pure; `lines` receives the line starts as the parser finds them.
 */
export function parseDocumentBounded(
  text: string,
  lines: LineCounter,
  options: { uniqueKeys?: boolean } = {},
  limits: { maxDepth: number; maxBytes: number } = TEXT_LIMITS,
): BoundedParse {
  if (text.length > limits.maxBytes) return { ok: false, reason: 'tooLong', length: text.length };
  const parser = new Parser(lines.addNewLine);
  const tokens: CST.Token[] = [];
  lines.addNewLine(0);
  for (const lexeme of new Lexer().lex(text, false)) {
    const start = parser.offset;
    for (const t of parser.next(lexeme)) tokens.push(t);
    // the stack holds the document and every open collection (and at most a scalar or two)
    if (parser.stack.length > limits.maxDepth && depthOf(parser.stack) > limits.maxDepth) return { ok: false, reason: 'tooDeep', offset: start };
  }
  for (const t of parser.end()) tokens.push(t);
  const composer = new Composer({ prettyErrors: false, ...options });
  let doc: Document | null = null;
  for (const d of composer.compose(tokens, true, text.length)) {
    if (!doc) doc = d;
    else {
      doc.errors.push(new YAMLParseError([d.range[0], d.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
      break;
    }
  }
  // compose(…, forceDoc = true) always ends with a document
  return { ok: true, doc: doc! };
}

function depthOf(stack: readonly CST.Token[]): number {
  let n = 0;
  for (const t of stack) if (COLLECTIONS.has(t.type)) n++;
  return n;
}

/**
 * The path to the first value nested deeper than `maxDepth` lists and objects, or null. Aliases
 * can build a deep value from shallow text (`b: &b [*a]`, `c: &c [*b]`, …), so the parsed value
 * is checked as well as the text; a value that contains itself is too deep. Iterative, and each
 * object is walked at most `maxDepth` times, so any input is safe. Pure.
 */
export function tooDeepPath(value: unknown, maxDepth: number = TEXT_LIMITS.maxDepth): DocPath | null {
  type Item = { v: unknown; depth: number; parent: Item | null; key: string | number };
  const stack: Item[] = [{ v: value, depth: 0, parent: null, key: '' }];
  // an alias puts one object at several places (or inside itself): look again only from deeper down
  const deepestSeen = new Map<object, number>();
  while (stack.length > 0) {
    const item = stack.pop()!;
    const { v } = item;
    if (v === null || typeof v !== 'object') continue;
    const depth = item.depth + 1;
    if (depth > maxDepth) {
      const path: (string | number)[] = [];
      for (let i: Item | null = item; i?.parent; i = i.parent) path.unshift(i.key);
      return path;
    }
    if ((deepestSeen.get(v) ?? 0) >= depth) continue;
    deepestSeen.set(v, depth);
    // pushed last to first, so the walk (and the path it reports) goes in document order
    const children: [string | number, unknown][] = Array.isArray(v) ? v.map((c, i) => [i, c]) : Object.entries(v);
    for (let i = children.length - 1; i >= 0; i--) stack.push({ v: children[i]![1], depth, parent: item, key: children[i]![0] });
  }
  return null;
}
