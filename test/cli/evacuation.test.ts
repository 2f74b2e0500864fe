/** The CLI on building scenarios (model: evacuation): validate, run, replay, simulate, sweep. */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = new URL('../..', import.meta.url).pathname;
const school = join(repo, 'scenarios/school-fire-evacuation.yaml');
const broken = join(repo, 'test/fixtures/scenarios/school-broken.yaml');

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [join(repo, 'bin/yanlian.js'), ...args], { encoding: 'utf8', cwd: repo });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at .+:\d+:\d+/);
const tmp = () => mkdtempSync(join(tmpdir(), 'yanlian-evac-'));

describe('yanlian CLI on building scenarios', () => {
  it('validate: the school is valid with 0 warnings (zh and en)', () => {
    const zh = cli('validate', school);
    expect(zh.code).toBe(0);
    expect(zh.out).toContain('场景有效（0 条提示）');
    const en = cli('validate', school, '--lang', 'en');
    expect(en.code).toBe(0);
    expect(en.out).toContain('scenario is valid (0 warnings)');
  }, 180_000);

  it('validate: a broken building file exits 2 with every problem located FILE:LINE:COL, zh by default, en with --lang en', () => {
    const r = cli('validate', broken);
    expect(r.code).toBe(2);
    const errors = r.out.trim().split('\n').filter((l) => !l.endsWith('(warning)'));
    expect(errors.length).toBeGreaterThanOrEqual(8);
    for (const l of errors) expect(l).toMatch(/school-broken\.yaml:\d+:\d+ [\w.[\]]*: .*[\u4e00-\u9fff]/);
    expect(r.out).toContain('school-broken.yaml:24:74 building.edges[2].colour');
    expect(r.err).toContain('个问题');
    noStack(r.out + r.err);
    const en = cli('validate', broken, '--lang', 'en');
    expect(en.code).toBe(2);
    expect(en.out).toContain('unknown key "colour"');
    expect(en.out).not.toContain('未知的键');
  }, 180_000);

  it('run and simulate on a broken building file exit 2 without a stack trace', () => {
    for (const args of [['run', broken, '--seed', '1'], ['simulate', broken, '--trials', '5', '--seed', '1'], ['run', school, '--seed', '-1']]) {
      const r = cli(...args);
      expect(r.code, args.join(' ')).toBe(2);
      noStack(r.out + r.err);
      expect(r.err.length).toBeGreaterThan(0);
    }
  }, 180_000);

  it('run: a readable account in zh and en; --json is the outcome', () => {
    const zh = cli('run', school, '--seed', '1');
    expect(zh.code).toBe(0);
    expect(zh.out).toContain('全员 1126 人到达集合点');
    expect(zh.out).toContain('警报后 240 秒内全员到达集合点');
    const en = cli('run', school, '--seed', '1', '--lang', 'en');
    expect(en.code).toBe(0);
    expect(en.out).toContain('at the assembly point');
    expect(en.out).not.toMatch(/[\u4e00-\u9fff]{4}/);
    const json = JSON.parse(cli('run', school, '--seed', '1', '--json').out);
    expect(json.seed).toBe(1);
    expect(json.totals.people).toBe(1126);
  }, 180_000);

  it('run --log → replay is identical (manifest, events in seconds, trailer); a tampered event exits 1', () => {
    const dir = tmp();
    const a = join(dir, 'a.jsonl');
    const b = join(dir, 'b.jsonl');
    expect(cli('run', school, '--seed', '7', '--log', a).code).toBe(0);
    expect(cli('run', school, '--seed', '7', '--log', b).code).toBe(0);
    const text = readFileSync(a, 'utf8');
    expect(text).toBe(readFileSync(b, 'utf8'));
    const lines = text.trim().split('\n');
    expect(JSON.parse(lines[0]!)).toMatchObject({ type: 'manifest', model: 'evacuation', seed: 7, horizonS: 1800, mode: 'auto', decisions: [] });
    expect(JSON.parse(lines[lines.length - 1]!)).toMatchObject({ type: 'end', events: lines.length - 2 });
    expect(readdirSync(dir).sort()).toEqual(['a.jsonl', 'b.jsonl']);
    const ok = cli('replay', a);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('重放一致');
    const i = lines.findIndex((l) => l.includes('"alarm"'));
    lines[i] = lines[i]!.replace(/"t":([\d.]+)/, (_, t) => `"t":${Number(t) + 1}`);
    // the trailer recomputed, so the log is whole and the difference is the replay's (a stale trailer is exit 2)
    const events = lines.slice(1, -1);
    const sha256 = createHash('sha256').update(events.map((l) => l + '\n').join('')).digest('hex');
    writeFileSync(a, [lines[0], ...events, JSON.stringify({ type: 'end', events: events.length, sha256 })].join('\n') + '\n');
    const bad = cli('replay', a, '--lang', 'en');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain(`replay differs at event ${i}`);
    // the committed golden log replays too
    expect(cli('replay', join(repo, 'test/golden/school-seed1.jsonl')).code).toBe(0);
  }, 180_000);

  it('simulate: evacuation tables in zh and en; JSON and CSV identical for 1 and 2 workers and any chunk', () => {
    const dir = tmp();
    const one = cli('simulate', school, '--trials', '40', '--seed', '1', '--workers', '1', '--json', join(dir, '1.json'), '--csv', join(dir, '1.csv'));
    expect(one.code).toBe(0);
    expect(one.out).toContain('全员到达集合点，自警报起');
    expect(one.out).toContain('初起火灾被灭火组扑灭的比例');
    expect(one.out).toContain('西楼梯');
    const two = cli('simulate', school, '--trials', '40', '--seed', '1', '--workers', '2', '--chunk', '7', '--json', join(dir, '2.json'), '--csv', join(dir, '2.csv'), '--lang', 'en');
    expect(two.code).toBe(0);
    expect(two.out).toContain('Everyone at the assembly point, from the alarm');
    expect(two.out).toContain('P(anyone exposed to smoke)');
    expect(readFileSync(join(dir, '2.json'), 'utf8')).toBe(readFileSync(join(dir, '1.json'), 'utf8'));
    expect(readFileSync(join(dir, '2.csv'), 'utf8')).toBe(readFileSync(join(dir, '1.csv'), 'utf8'));
    const s = JSON.parse(readFileSync(join(dir, '1.json'), 'utf8'));
    expect(s).toMatchObject({ format: 'yanlian-evac-mc-summary', model: 'evacuation', trials: 40, partial: false });
    const csv = readFileSync(join(dir, '1.csv'), 'utf8');
    expect(csv.startsWith('\uFEFFtrial,seed,originRoom')).toBe(true);
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(41);
    // a CSV row's seed re-runs that trial alone
    const row = csv.split('\r\n')[1]!.split(',');
    const rerun = JSON.parse(cli('run', school, '--seed', row[1]!, '--json').out);
    expect(rerun.allAssembledS).toBe(Number(row[6]));
  }, 180_000);

  it('simulate --until-se stops early; --report writes the evacuation report; sweep is refused with exit 2', () => {
    const se = cli('simulate', school, '--trials', '2000', '--seed', '1', '--workers', '1', '--chunk', '50', '--until-se', '0.05');
    expect(se.code).toBe(0);
    expect(se.out).toContain('精度已达到');
    const dir = tmp();
    const rep = cli('simulate', school, '--trials', '5', '--seed', '1', '--report', join(dir, 'r.html'));
    expect(rep.code, rep.err).toBe(0);
    expect(rep.err).toMatch(/报告已写入 .*r\.html（\d+ KB，\d+ 幅图）/);
    expect(readdirSync(dir)).toEqual(['r.html']);
    expect(readFileSync(join(dir, 'r.html'), 'utf8')).toContain('疏散演练蒙特卡洛模拟报告');
    const repEn = cli('simulate', school, '--trials', '5', '--seed', '1', '--report', join(dir, 'en.html'), '--lang', 'en');
    expect(repEn.code, repEn.err).toBe(0);
    expect(repEn.err).toMatch(/report written to .*en\.html \(\d+ KB, \d+ charts\)/);
    expect(readFileSync(join(dir, 'en.html'), 'utf8')).toContain('Evacuation Monte Carlo report');
    const sw = cli('sweep', school, '--trials', '5', '--seed', '1', '--set', 'flow.levelSpeedMS=1,2', '--lang', 'en');
    expect(sw.code).toBe(2);
    expect(sw.err).toContain('sweep works on county scenarios only');
    noStack(rep.err + sw.err);
  }, 180_000);
});
