/**
 * `yanlian run FILE --seed S --decisions DRILL.yaml`: a drill's recorded decisions played on a
 * county or a building scenario, kept in the log's manifest so `replay` repeats them; a bad
 * decisions file is refused with located problems and writes nothing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = new URL('../..', import.meta.url).pathname;
const school = join(repo, 'scenarios/school-fire-evacuation.yaml');
const tiny = join(repo, 'test/fixtures/scenarios/tiny.yaml');

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [join(repo, 'bin/yanlian.js'), ...args], { encoding: 'utf8', cwd: repo });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at .+:\d+:\d+/);

const schoolDrill = `# the head teacher ordered the evacuation late; 119 was called from the office
mode: manual
decisions:
  - { t: 170, by: principal, decision: { kind: startEvacuation, group: all } }
  - { t: 150, by: office, decision: { kind: call119, by: comms } }
  - { t: 600, by: principal, decision: { kind: reportHeadcount } }
`;

const tinyDrill = JSON.stringify({
  mode: 'manual',
  decisions: [
    { t: 600, by: 'duty-officer', decision: { kind: 'issueWarning', level: 'orange' } },
    { t: 620, by: 'commander', decision: { kind: 'setResponseLevel', level: 'IV' } },
    { t: 900, by: 'commander', decision: { kind: 'dispatchTeam', team: 'team-county', task: { kind: 'rescue', site: 'gh1' } } },
  ],
});

describe('yanlian run --decisions', () => {
  it('a school drill: its decisions are played (manual), kept in the manifest, and replay repeats them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yanlian-dec-'));
    writeFileSync(join(dir, 'drill.yaml'), schoolDrill);
    const log = join(dir, 'school.jsonl');
    const r = cli('run', school, '--seed', '1', '--decisions', join(dir, 'drill.yaml'), '--log', log, '--json');
    expect(r.code).toBe(0);
    expect(r.err).toContain('记录的决策：执行 3 条，被拒绝 0 条');
    const outcome = JSON.parse(r.out) as { evacuationDeclaredS: number | null; call119S: number | null };
    expect(outcome.evacuationDeclaredS).toBe(170);
    expect(outcome.call119S).toBe(150);
    const manifest = JSON.parse(readFileSync(log, 'utf8').split('\n')[0]!) as { mode: string; decisions: unknown[] };
    expect(manifest.mode).toBe('manual');
    expect(manifest.decisions).toHaveLength(3);
    const replay = cli('replay', log);
    expect(replay.code).toBe(0);
    // the plan's own run differs: the decisions mattered
    const plan = JSON.parse(cli('run', school, '--seed', '1', '--json').out) as { evacuationDeclaredS: number | null };
    expect(plan.evacuationDeclaredS).not.toBe(170);
  }, 120_000);

  it('a county drill: warnings, level and dispatch as recorded; replay is identical; a plain run keeps its old manifest', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yanlian-dec-'));
    writeFileSync(join(dir, 'drill.json'), tinyDrill);
    const log = join(dir, 'tiny.jsonl');
    const r = cli('run', tiny, '--seed', '1', '--decisions', join(dir, 'drill.json'), '--log', log, '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.err).toContain('recorded decisions: 3 applied, 0 refused');
    const lines = readFileSync(log, 'utf8').split('\n');
    expect(lines.filter((l) => l.includes('"type":"decision.applied"'))).toHaveLength(3);
    expect(cli('replay', log).code).toBe(0);
    // tampering with the recorded decisions is caught by replay
    const m = JSON.parse(lines[0]!) as { decisions: { t: number }[] };
    m.decisions[0]!.t = 700;
    writeFileSync(log, [JSON.stringify(m), ...lines.slice(1)].join('\n'));
    expect(cli('replay', log).code).toBe(1);
    const plain = join(dir, 'plain.jsonl');
    expect(cli('run', tiny, '--seed', '1', '--log', plain).code).toBe(0);
    expect(readFileSync(plain, 'utf8').split('\n')[0]).not.toContain('"decisions"');
  }, 120_000);

  it('a bad decisions file: every problem located, zh by default and en on request, exit 2, no log written', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yanlian-dec-'));
    const bad = join(dir, 'bad.yaml');
    writeFileSync(
      bad,
      `mode: manul
decisions:
  - { t: 170, decision: { kind: startEvacuation, group: F9-R1 } }
  - { t: -5, decision: { kind: call119, by: comms } }
  - { t: 10, who: x, decision: { kind: reportHeadcount } }
`,
    );
    const log = join(dir, 'never.jsonl');
    const r = cli('run', school, '--seed', '1', '--decisions', bad, '--log', log);
    expect(r.code).toBe(2);
    expect(r.err).toContain('bad.yaml:1:7 mode: mode 应为 manual');
    expect(r.err).toContain('bad.yaml:3:25 decisions[0].decision: 不存在的疏散小组（房间）："F9-R1"');
    expect(r.err).toContain('bad.yaml:4:10 decisions[1].t:');
    expect(r.err).toMatch(/bad\.yaml:5:\d+ decisions\[2\]\.who: 未知字段 "who"/);
    noStack(r.err);
    expect(existsSync(log)).toBe(false);
    const en = cli('run', tiny, '--seed', '1', '--decisions', bad, '--lang', 'en');
    expect(en.code).toBe(2);
    expect(en.err).toContain('malformed decision');
    const missing = cli('run', tiny, '--seed', '1', '--decisions', join(dir, 'nope.yaml'));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('无法读取');
    noStack(missing.err);
  }, 120_000);
});
