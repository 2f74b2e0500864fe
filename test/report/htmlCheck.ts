/**
 * A small HTML tokenizer for tests: finds unbalanced or mis-nested tags, attributes that are not
 * `name="value"`, stray `<` and bare `&` in text. Raw-text elements (style, script) are skipped.
 * Not a full HTML parser; strict enough to catch what a broken report would show.
 */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const RAW = new Set(['style', 'script']);

export function htmlProblems(html: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  const tag = /<!--[\s\S]*?-->|<!DOCTYPE [^>]*>|<(\/?)([A-Za-z][A-Za-z0-9:-]*)((?:\s+[^\s=>/"']+(?:="[^"<]*")?)*)\s*(\/?)>/y;
  const checkText = (text: string, at: number) => {
    if (text.includes('<')) problems.push(`stray "<" at ${at}`);
    for (const m of text.matchAll(/&(?!(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);)/g)) problems.push(`bare "&" at ${at + m.index}`);
  };
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      checkText(html.slice(i), i);
      break;
    }
    checkText(html.slice(i, lt), i);
    tag.lastIndex = lt;
    const m = tag.exec(html);
    if (!m) {
      problems.push(`malformed tag at ${lt}: ${html.slice(lt, lt + 80)}`);
      i = lt + 1;
      continue;
    }
    i = tag.lastIndex;
    const [, close, rawName, , selfClose] = m;
    if (!rawName) continue; // comment or doctype
    const name = rawName.toLowerCase();
    if (close) {
      const top = stack.pop();
      if (top !== name) problems.push(`</${name}> at ${lt} closes <${top ?? 'nothing'}>`);
    } else if (!VOID.has(name) && !selfClose) {
      if (RAW.has(name)) {
        const end = html.indexOf(`</${name}>`, i);
        if (end < 0) problems.push(`<${name}> at ${lt} is never closed`);
        i = end < 0 ? html.length : end + name.length + 3;
      } else stack.push(name);
    }
  }
  if (stack.length > 0) problems.push(`never closed: ${stack.join(' > ')}`);
  return problems;
}

/** Every element with `attr` (data-json / data-sweep): its path, its exact JSON value and its text. */
export function taggedNumbers(html: string, attr = 'data-json'): { path: string; value: unknown; text: string }[] {
  const re = new RegExp(`<span ${attr}="([^"]*)" data-value="([^"]*)">([^<]*)</span>`, 'g');
  const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  return [...html.matchAll(re)].map((m) => ({ path: unescape(m[1]!), value: JSON.parse(unescape(m[2]!)), text: unescape(m[3]!) }));
}

/** The value at a dotted path (array indices as numbers) in parsed JSON. */
export function atPath(obj: unknown, path: string): unknown {
  let n: unknown = obj;
  for (const seg of path.split('.')) {
    if (n === null || typeof n !== 'object') return undefined;
    n = (n as Record<string, unknown>)[seg];
  }
  return n;
}
