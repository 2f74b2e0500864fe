/**
 * The CLI speaks one language at a time: commander's help and errors in Chinese by default and in
 * English with --lang en (the real command, spawned), and validate's did-you-mean for a key typo.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = new URL('../..', import.meta.url).pathname;
const tiny = join(repo, 'test/fixtures/scenarios/tiny.yaml');

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [join(repo, 'bin/yanlian.js'), ...args], { encoding: 'utf8', cwd: repo });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** commander's English words that must not appear in the Chinese help */
const ENGLISH = /Usage:|Options:|Commands:|Arguments:|display help|output the version|default:|required option|not specified/;

describe('yanlian CLI language', () => {
  it('--help is all Chinese by default', () => {
    const top = cli('--help');
    expect(top.code).toBe(0);
    expect(top.out).toContain('用法：');
    expect(top.out).toContain('选项：');
    expect(top.out).toContain('命令：');
    expect(top.out).toContain('显示帮助');
    expect(top.out).toContain('显示某个命令的帮助');
    expect(top.out).not.toMatch(ENGLISH);
    const run = cli('run', '--help');
    expect(run.code).toBe(0);
    expect(run.out).toContain('参数：');
    expect(run.out).toContain('--seed <seed>');
    expect(run.out).not.toMatch(ENGLISH);
  }, 180_000);

  it('--help --lang en is all English', () => {
    const top = cli('--help', '--lang', 'en');
    expect(top.code).toBe(0);
    expect(top.out).toMatch(/^Usage: yanlian/);
    expect(top.out).toContain('Options:');
    expect(top.out).toContain('display help for command');
    expect(top.out).not.toMatch(/[\u4e00-\u9fff]/);
    const run = cli('run', '--help', '--lang', 'en');
    expect(run.out).toContain('Arguments:');
    expect(run.out).not.toMatch(/[\u4e00-\u9fff]/);
  }, 180_000);

  it('a missing --seed is said in one language, exit 2', () => {
    const zh = cli('run', tiny);
    expect(zh.code).toBe(2);
    expect(zh.err.trim()).toBe('用法错误：缺少必需的选项 --seed <seed>');
    const en = cli('run', tiny, '--lang', 'en');
    expect(en.code).toBe(2);
    expect(en.err.trim()).toBe('usage error: required option --seed <seed> not specified');
  }, 180_000);

  it('an unknown command gets our sentence and commander’s suggestion', () => {
    const r = cli('rn');
    expect(r.code).toBe(2);
    expect(r.err).toContain('未知命令 rn');
    expect(r.err).toContain('您是否要输入 run');
    expect(r.err).not.toMatch(/Did you mean|error:/);
  }, 180_000);

  it('validate: a key typo gets "did you mean", zod types in Chinese', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yanlian-typo-'));
    const file = join(dir, 'typo.yaml');
    const text = readFileSync(tiny, 'utf8');
    expect(text).toMatch(/^horizonHours:/m);
    writeFileSync(file, text.replace(/^horizonHours:/m, 'horizonHour:'));
    const zh = cli('validate', file);
    expect(zh.code).toBe(2);
    expect(zh.out + zh.err).toContain('未知的键 "horizonHour"；您是否要写 "horizonHours"？');
    expect(zh.out + zh.err).toContain('horizonHours: 缺少此项（应为数字）');
    const en = cli('validate', file, '--lang', 'en');
    expect(en.out + en.err).toContain('unknown key "horizonHour"; did you mean "horizonHours"?');
  }, 180_000);
});
