/** Escapes text for HTML element content and double-quoted attributes. Pure. */
export function esc(s: string | number): string {
  return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/**
 * A number as shown in a table, tagged with where it comes from: `data-json` is its path in the
 * summary JSON (`reserves.items.0.stockoutProbability.estimate`) and `data-value` the exact JSON
 * value, so a test (or a reader's script) can check every printed number against the summary.
 */
export function num(path: string, value: number | null | undefined, text: string, attr = 'data-json'): string {
  return `<span ${attr}="${esc(path)}" data-value="${esc(JSON.stringify(value ?? null))}">${esc(text)}</span>`;
}

/** A table from a header row and body rows of ready HTML cells; a cell given as `<th…>` or `<td…>` is used as it is. */
export function table(head: string[], rows: string[][], cls = ''): string {
  const th = head.map((h) => `<th scope="col">${h}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => (/^<t[hd][ >]/.test(c) ? c : `<td>${c}</td>`)).join('')}</tr>`).join('\n');
  return `<table${cls ? ` class="${cls}"` : ''}>\n<thead><tr>${th}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

/** A right-aligned numeric cell. */
export const nc = (html: string): string => `<td class="n">${html}</td>`;

/**
 * A whole self-contained report page: the document head (charset, viewport, generator, title,
 * the inline report CSS) around the sections. Pure; the same input gives the same bytes.
 */
export function reportPage(o: { zh: boolean; title: string; engineVersion: string; css: string; body: readonly string[] }): string {
  return [
    '<!DOCTYPE html>',
    `<html lang="${o.zh ? 'zh-CN' : 'en'}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="yanlian ${esc(o.engineVersion)}">`,
    `<title>${esc(o.title)}</title>`,
    `<style>${o.css}</style>`,
    '</head>',
    '<body>',
    ...o.body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

