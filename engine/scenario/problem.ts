/** Path into a scenario document: object keys and array indices. */
export type DocPath = readonly (string | number)[];

/** One thing wrong with a scenario, located in its file (line and column are 1-based). */
export interface Problem {
  file: string;
  line: number;
  col: number;
  path: DocPath;
  message: string;
  severity: 'error' | 'warning';
}

/** Renders a path as `a.b[3].c`; pure. */
export function formatPath(path: DocPath): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out === '' ? seg : `.${seg}`;
  return out === '' ? '(root)' : out;
}

/** `FILE:LINE:COL path: message` — the contract of `yanlian validate`; pure. */
export function formatProblem(p: Problem): string {
  const tag = p.severity === 'warning' ? ' (warning)' : '';
  return `${p.file}:${p.line}:${p.col} ${formatPath(p.path)}: ${p.message}${tag}`;
}
