/**
 * Issue 18 (hardening), end to end through the real command: deeply nested or oversized input is
 * a located problem (exit 2), never a crashed process; invalid UTF-8 is refused with the line and
 * column of the first bad byte, and manifests record the SHA-256 of the file's bytes; `replay`
 * checks the log's trailer and every manifest field.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = new URL('../..', import.meta.url).pathname;
const tiny = join(repo, 'test/fixtures/scenarios/tiny.yaml');
const school = join(repo, 'scenarios/school-fire-evacuation.yaml');

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [join(repo, 'bin/yanlian.js'), ...args], { encoding: 'utf8', cwd: repo });
  return { code: r.status, signal: r.signal, out: r.stdout, err: r.stderr };
}
const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at .+:\d+:\d+|FATAL ERROR/);
const tmp = () => mkdtempSync(join(tmpdir(), 'yanlian-hard-'));
const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

describe('deeply nested and oversized input', () => {
  const cases: [string, string][] = [
    ['flow [ 1000 deep', '['.repeat(1000) + ']'.repeat(1000) + '\n'],
    ['block sequences 1000 deep', Array.from({ length: 1000 }, (_, i) => '  '.repeat(i) + '-').join('\n') + '\n'],
    ['compact "- - -" 1000 deep', '- '.repeat(1000) + 'x\n'],
    ['block mappings 500 deep', Array.from({ length: 500 }, (_, i) => ' '.repeat(i) + `k${i}:`).join('\n') + ' 1\n'],
  ];
  for (const [name, text] of cases)
    it(`validate: ${name} → exit 2, a located "nesting too deep", no crash`, () => {
      const f = join(tmp(), 'deep.yaml');
      writeFileSync(f, text);
      const r = cli('validate', f);
      expect(r.signal).toBeNull();
      expect(r.code).toBe(2);
      expect(r.out).toMatch(/deep\.yaml:\d+:\d+ \(root\): 嵌套过深/);
      noStack(r.out + r.err);
      const en = cli('validate', f, '--lang', 'en');
      expect(en.code).toBe(2);
      expect(en.out).toMatch(/deep\.yaml:\d+:\d+ \(root\): nesting too deep/);
    }, 30_000);

  it('the 1000-deep flow case is located at the bracket that goes past the limit (line 1, column 65)', () => {
    const f = join(tmp(), 'deep.yaml');
    writeFileSync(f, '['.repeat(1000) + ']'.repeat(1000) + '\n');
    expect(cli('validate', f).out).toMatch(/deep\.yaml:1:65 \(root\): 嵌套过深/);
  });

  it('run --decisions with a 1000-deep file: exit 2, located, no log written', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'drill.yaml'), 'decisions: ' + '['.repeat(1000) + ']'.repeat(1000) + '\n');
    const r = cli('run', tiny, '--seed', '1', '--decisions', join(dir, 'drill.yaml'), '--log', join(dir, 'out.jsonl'), '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/drill\.yaml:1:\d+ \(root\): nesting too deep/);
    expect(existsSync(join(dir, 'out.jsonl'))).toBe(false);
    noStack(r.out + r.err);
  }, 30_000);

  it('a file over the size limit: exit 2, "file too large", located at 1:1', () => {
    const f = join(tmp(), 'big.yaml');
    writeFileSync(f, '# ' + 'x'.repeat(5 * 1024 * 1024) + '\n');
    const r = cli('validate', f, '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/big\.yaml:1:1 \(root\): file too large/);
  });
});

describe('UTF-8', () => {
  it('invalid UTF-8: exit 2 at the line and column of the first bad byte', () => {
    const f = join(tmp(), 'bad.yaml');
    const text = readFileSync(tiny);
    const at = text.indexOf('id: tiny');
    // "id: ti\xFFny": the bad byte is column 7 of its line
    const bytes = Buffer.concat([text.subarray(0, at + 6), Buffer.from([0xff]), text.subarray(at + 6)]);
    writeFileSync(f, bytes);
    const line = text.subarray(0, at).toString('utf8').split('\n').length;
    const r = cli('validate', f, '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.out).toContain(`bad.yaml:${line}:7 (root): not valid UTF-8`);
    expect(cli('validate', f).out).toContain(`bad.yaml:${line}:7 (root): 不是有效的 UTF-8`);
  });

  it('a bad byte after Chinese text is located by characters, as editors count columns', () => {
    const f = join(tmp(), 'bad.yaml');
    writeFileSync(f, Buffer.concat([Buffer.from('a: 1\nname: 暴雨'), Buffer.from([0xe4, 0xb8]), Buffer.from('\n')]));
    expect(cli('validate', f, '--lang', 'en').out).toContain('bad.yaml:2:9 (root): not valid UTF-8');
  });

  it('a BOM is accepted; run --log records the SHA-256 of the bytes, BOM included; replay agrees', () => {
    const dir = tmp();
    const f = join(dir, 'bom.yaml');
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(tiny)]);
    writeFileSync(f, bytes);
    expect(cli('validate', f).code).toBe(0);
    const log = join(dir, 'bom.jsonl');
    expect(cli('run', f, '--seed', '1', '--log', log).code).toBe(0);
    const manifest = JSON.parse(readFileSync(log, 'utf8').split('\n')[0]!) as { scenario: { sha256: string } };
    expect(manifest.scenario.sha256).toBe(sha256(bytes));
    expect(cli('replay', log).code).toBe(0);
  });

  it('a BOM file with an error is located as an editor shows it (the BOM takes no column)', () => {
    const f = join(tmp(), 'bom.yaml');
    writeFileSync(f, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('mayor: 1\nschemaVersion: 1\n')]));
    const r = cli('validate', f, '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/bom\.yaml:1:1 /);
  });
});

describe('replay checks the trailer and every manifest field', () => {
  const logOf = (scenario: string) => {
    const dir = tmp();
    const log = join(dir, 'run.jsonl');
    expect(cli('run', scenario, '--seed', '3', '--log', log).code).toBe(0);
    return { log, lines: readFileSync(log, 'utf8').trimEnd().split('\n') };
  };
  const write = (log: string, lines: string[]) => writeFileSync(log, lines.join('\n') + '\n');
  const editTrailer = (lines: string[], f: (t: Record<string, unknown>) => void) => {
    const t = JSON.parse(lines[lines.length - 1]!) as Record<string, unknown>;
    f(t);
    return [...lines.slice(0, -1), JSON.stringify(t)];
  };
  const editManifest = (lines: string[], f: (m: Record<string, unknown>) => void) => {
    const m = JSON.parse(lines[0]!) as Record<string, unknown>;
    f(m);
    return [JSON.stringify(m), ...lines.slice(1)];
  };

  it('an untouched log replays (exit 0)', () => {
    const { log } = logOf(tiny);
    const r = cli('replay', log);
    expect(r.code).toBe(0);
    expect(r.out).toContain('重放一致');
  });

  it('a changed trailer hash: exit 2, the trailer line named', () => {
    const { log, lines } = logOf(tiny);
    write(log, editTrailer(lines, (t) => (t.sha256 = sha256('something else'))));
    const r = cli('replay', log, '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.err).toContain(`run.jsonl:${lines.length}:`);
    expect(r.err).toMatch(/SHA-256/);
    expect(r.out).not.toContain('identical');
    expect(cli('replay', log).err).toMatch(/SHA-256/);
  });

  it('a garbage trailer hash or none: exit 2', () => {
    const { log, lines } = logOf(tiny);
    write(log, editTrailer(lines, (t) => (t.sha256 = 'not a hash')));
    expect(cli('replay', log).code).toBe(2);
    write(log, editTrailer(lines, (t) => delete t.sha256));
    const r = cli('replay', log, '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.err).toContain(`run.jsonl:${lines.length}:`);
  });

  it('a missing trailer line: exit 2', () => {
    const { log, lines } = logOf(tiny);
    write(log, lines.slice(0, -1));
    const r = cli('replay', log, '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/not a valid yanlian event log/);
  });

  it('an event line changed after writing (trailer not updated) is corrupt input: exit 2', () => {
    const { log, lines } = logOf(tiny);
    lines[2] = lines[2]!.replace('"t":', '"t":1');
    write(log, lines);
    expect(cli('replay', log).code).toBe(2);
  });

  for (const [name, edit, field] of [
    ['engineVersion', (m: Record<string, unknown>) => (m.engineVersion = '0.0.9'), 'engineVersion'],
    ['horizonHours', (m: Record<string, unknown>) => (m.horizonHours = 47), 'horizonHours'],
    ['an extra field', (m: Record<string, unknown>) => (m.note = 'x'), 'note'],
    ['scenario.id', (m: Record<string, unknown>) => ((m.scenario as Record<string, unknown>).id = 'other'), 'scenario.id'],
  ] as const)
    it(`a changed manifest ${name}: exit 1 naming the field`, () => {
      const { log, lines } = logOf(tiny);
      write(log, editManifest(lines, edit));
      const r = cli('replay', log, '--lang', 'en');
      expect(r.code).toBe(1);
      expect(r.err).toContain(`manifest field ${field}`);
      expect(cli('replay', log).err).toContain(`清单字段 ${field}`);
    });

  it('a building log: a changed horizonS or engineVersion fails (exit 1); untouched replays', () => {
    const { log, lines } = logOf(school);
    expect(cli('replay', log).code).toBe(0);
    write(log, editManifest(lines, (m) => (m.horizonS = 1200)));
    expect(cli('replay', log, '--lang', 'en').err).toContain('manifest field horizonS');
    write(log, editManifest(lines, (m) => (m.engineVersion = '9.9.9')));
    expect(cli('replay', log).code).toBe(1);
  }, 180_000);
});
