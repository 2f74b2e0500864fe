/** parsePlaybackLog: all or nothing, every refusal located (line number and reason in zh and en). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlaybackLog } from '../../../engine/playback/index.ts';
import { toJsonl } from '../../../engine/node/jsonl.ts';

const ROOT = new URL('../../../', import.meta.url).pathname;
const good = readFileSync(`${ROOT}test/golden/tiny-seed1.jsonl`, 'utf8');
const lines = good.trimEnd().split('\n');

const problem = (text: string) => {
  const r = parsePlaybackLog(text);
  if (r.ok) throw new Error('expected a problem');
  return r.problem;
};

describe('parsePlaybackLog', () => {
  it('reads a golden log whole (manifest, events, model)', () => {
    const r = parsePlaybackLog(good);
    expect(r.ok && r.events.length).toBe(lines.length - 2);
    expect(r.ok && r.model).toBe('county');
    const b = parsePlaybackLog(readFileSync(`${ROOT}test/golden/school-seed1.jsonl`, 'utf8'));
    expect(b.ok && b.model).toBe('building');
  });

  it('agrees with the CLI writer (toJsonl) on the trailer hash, CRLF line ends included', () => {
    const r = parsePlaybackLog(good);
    if (!r.ok) throw new Error('ok');
    const again = toJsonl(r.manifest as never, r.events);
    expect(again).toBe(good);
    expect(parsePlaybackLog(again.replace(/\n/g, '\r\n')).ok).toBe(true);
  });

  it('empty, not JSON, not a manifest', () => {
    expect(problem('')).toMatchObject({ line: 1, code: 'empty' });
    expect(problem('hello\n')).toMatchObject({ line: 1, code: 'json' });
    expect(problem('{"type":"x"}\n{"type":"end","events":0,"sha256":""}\n')).toMatchObject({ line: 1, code: 'manifest' });
  });

  it('a truncated log (no end line) names its last line', () => {
    const cut = lines.slice(0, 20).join('\n') + '\n';
    const p = problem(cut);
    expect(p).toMatchObject({ line: 20, code: 'truncated' });
    expect(p.zh).toContain('第 20 行');
    expect(problem(good.slice(0, good.length - 30))).toMatchObject({ code: 'truncated' });
  });

  it('a broken event line, a missing line, an edited event', () => {
    const broken = [...lines];
    broken[5] = '{"seq":5,"t":';
    expect(problem(broken.join('\n'))).toMatchObject({ line: 6, code: 'json' });
    const missing = [...lines.slice(0, 5), ...lines.slice(6)];
    expect(problem(missing.join('\n'))).toMatchObject({ line: 6, code: 'order' });
    const edited = [...lines];
    edited[3] = edited[3]!.replace(/"t":[0-9.]+/, (m) => m + '1');
    const p = problem(edited.join('\n'));
    expect(['hash', 'order']).toContain(p.code);
    const noType = [...lines];
    noType[2] = '{"seq":2,"t":0}';
    expect(problem(noType.join('\n'))).toMatchObject({ line: 3, code: 'event' });
  });
});
