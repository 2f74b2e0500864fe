import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { applyOverride, expandPath, parseSweepParameter, type McSummary, type McSweep, type SweepParameter } from '../../engine/montecarlo/index.ts';
import type { Lang } from '../../engine/index.ts';
import { CliExit } from '../../src/cli/cliExit.ts';
import { sweepCommand } from '../../src/cli/sweepCommand.ts';
import { atPath, htmlProblems, taggedNumbers } from '../report/htmlCheck.ts';

const repo = new URL('../..', import.meta.url).pathname;
const tiny = join(repo, 'test/fixtures/scenarios/tiny.yaml');
const tinyText = readFileSync(tiny, 'utf8');
const tinyDoc = parseDocument(tinyText).toJS() as Record<string, unknown>;

function cli(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(repo, 'bin/yanlian.js'), ...args], { cwd: repo });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

const param = (text: string): SweepParameter => {
  const p = parseSweepParameter(text);
  if (!p.ok) throw new Error(`${text}: ${p.error.key}`);
  return p.value;
};

describe('--set parsing and overrides (pure)', () => {
  it('parses paths (dots, [n], *) and values (numbers, booleans, text, xK multipliers)', () => {
    const p = param('reserves.warehouses[0].stock.tent=60, 90,x1.5,×2,1e2,true,abc');
    expect(p.path).toEqual(['reserves', 'warehouses', '0', 'stock', 'tent']);
    expect(p.pathText).toBe('reserves.warehouses[0].stock.tent');
    expect(p.values).toEqual([
      { text: '60', kind: 'set', value: 60 },
      { text: '90', kind: 'set', value: 90 },
      { text: 'x1.5', kind: 'scale', factor: 1.5 },
      { text: '×2', kind: 'scale', factor: 2 },
      { text: '1e2', kind: 'set', value: 100 },
      { text: 'true', kind: 'set', value: true },
      { text: 'abc', kind: 'set', value: 'abc' },
    ]);
    expect(param('reserves.warehouses.*.stock.*=x0.5').path).toEqual(['reserves', 'warehouses', '*', 'stock', '*']);
    const bad = (t: string) => {
      const r = parseSweepParameter(t);
      return r.ok ? 'ok' : r.error.key;
    };
    expect(bad('no-equals')).toBe('setSyntax');
    expect(bad('=1')).toBe('setSyntax');
    expect(bad('a..b=1')).toBe('setBadPath');
    expect(bad('a.b=1,,2')).toBe('setBadValue');
    expect(bad('a.b=x-1')).toBe('setBadValue');
    expect(bad('a.b=x1e999')).toBe('setBadValue');
    expect(bad('a.b=x1.2.3')).toBe('setBadValue');
  });

  it('expands * over every key or index, and names what is missing', () => {
    const all = expandPath(tinyDoc, param('reserves.warehouses.*.stock.*=1'));
    expect(all.ok && all.value.map((p) => p.join('.'))).toEqual([
      'reserves.warehouses.0.stock.tent',
      'reserves.warehouses.0.stock.quilt',
      'reserves.warehouses.0.stock.food',
      'reserves.warehouses.0.stock.water',
      'reserves.warehouses.1.stock.tent',
      'reserves.warehouses.1.stock.quilt',
      'reserves.warehouses.1.stock.food',
      'reserves.warehouses.1.stock.water',
    ]);
    const err = (t: string) => {
      const r = expandPath(tinyDoc, param(t));
      return r.ok ? null : r.error;
    };
    expect(err('reserves.warehouses.9.stock.tent=1')).toEqual({
      key: 'setNoSuchIndex',
      params: { path: 'reserves.warehouses.9.stock.tent', at: 'reserves.warehouses', index: '9', count: 2 },
    });
    expect(err('reserves.warehouse.0.stock.tent=1')?.key).toBe('setNoSuchKey');
    expect(err('reserves.warehouses.0.stock=1')?.key).toBe('setNotLeaf');
    expect(err('horizonHours.x=1')?.key).toBe('setNotContainer');
    // a key the file leaves out may be named last: the loader judges it
    expect(expandPath(tinyDoc, param('chain.clearing.newKey=1')).ok).toBe(true);
  });

  it('applies to a deep copy; xK rounds to whole numbers only where the schema wants them', () => {
    const before = JSON.stringify(tinyDoc);
    const r = applyOverride(tinyDoc, param('reserves.warehouses.*.stock.*=x0.25'), { text: 'x0.25', kind: 'scale', factor: 0.25 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(JSON.stringify(tinyDoc)).toBe(before);
    const tb = r.value.changes.find((c) => c.path.join('.') === 'reserves.warehouses.1.stock.tent')!;
    expect(tb).toEqual({ path: ['reserves', 'warehouses', 1, 'stock', 'tent'], from: 18, to: 5 }); // 4.5 → 5
    const f = applyOverride(tinyDoc, param('chain.clearing.trunkFactor=x1.25'), { text: 'x1.25', kind: 'scale', factor: 1.25 });
    expect(f.ok && f.value.changes).toEqual([{ path: ['chain', 'clearing', 'trunkFactor'], from: 1.2, to: 1.5 }]);
    const s = applyOverride(tinyDoc, param('region.name.zh=x2'), { text: 'x2', kind: 'scale', factor: 2 });
    expect(!s.ok && s.error.key).toBe('setCannotScale');
  });
});

describe('yanlian sweep', () => {
  afterEach(() => vi.restoreAllMocks());

  it('bad paths and values exit 2 with a clear message, in Chinese by default and English with --lang en', async () => {
    const cases: [string[], Lang, RegExp][] = [
      [[], 'zh', /^sweep 至少需要一个 --set/],
      [['no-equals'], 'en', /^--set "no-equals" is malformed: it should be path=v1,v2/],
      [['reserves.warehouses.0.stock.tent=1,,2'], 'zh', /^--set "reserves\.warehouses\.0\.stock\.tent=1,,2"：取值 "" 无效/],
      [['reserves.warehouses.9.stock.tent=1'], 'zh', /^--set reserves\.warehouses\.9\.stock\.tent：reserves\.warehouses 没有第 9 项（共 2 项，从 0 数起）$/],
      [['reserves.warehouses.9.stock.tent=1'], 'en', /^--set reserves\.warehouses\.9\.stock\.tent: reserves\.warehouses has no item 9 \(2 items, counted from 0\)$/],
      [['reserves.warehouse.0.stock.tent=1'], 'en', /the scenario file has no "warehouse" under reserves \(it has: items, warehouses/],
      [['reserves.warehouses.0.stock=5'], 'zh', /是对象或列表，不是单个值/],
      [['region.name.zh=x2'], 'en', /region\.name\.zh holds "测试县", not a number, so it cannot be scaled/],
    ];
    for (const [set, lang, re] of cases) {
      const e = await sweepCommand(tiny, { set, trials: '3', seed: '1' }, lang).then(
        () => null,
        (x: unknown) => x,
      );
      expect(e, set.join(' ')).toBeInstanceOf(CliExit);
      expect((e as CliExit).code).toBe(2);
      expect((e as CliExit).message).toMatch(re);
    }
  });

  it('a value the scenario rejects gives the loader’s problem, located in the original file', async () => {
    const lines: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => (lines.push(String(s)), true));
    const line = tinyText.split('\n').findIndex((l) => l.includes('stock: { tent: 90')) + 1;
    const col = tinyText.split('\n')[line - 1]!.indexOf('90') + 1;
    // an unknown key is located at the mapping that would hold it (chain.clearing starts on the line after "clearing:")
    const clearing = tinyText.split('\n').findIndex((l) => l === '  clearing:') + 2;
    for (const [set, lang, problem, message] of [
      ['reserves.warehouses.0.stock.tent=-5,60', 'en', `${tiny}:${line}:${col} reserves.warehouses[0].stock.tent: `, /--set reserves\.warehouses\.0\.stock\.tent=-5 makes the scenario invalid \(1 problem/],
      ['reserves.warehouses.*.stock.tent=x0.5,2.5', 'zh', `${tiny}:${line}:${col} reserves.warehouses[0].stock.tent: `, /--set reserves\.warehouses\.\*\.stock\.tent=2\.5 使场景无效（2 个问题；行列号指原文件中的位置）/],
      ['chain.clearing.trunkFactorr=2', 'en', `${tiny}:${clearing}:5 chain.clearing.trunkFactorr: `, /trunkFactorr=2 makes the scenario invalid/],
    ] as const) {
      lines.length = 0;
      const e = await sweepCommand(tiny, { set: [set], trials: '3', seed: '1' }, lang).then(
        () => null,
        (x: unknown) => x,
      );
      expect((e as CliExit).code, set).toBe(2);
      expect((e as CliExit).message).toMatch(message);
      expect(lines.join(''), set).toContain(problem);
    }
  });

  describe('a run on the tiny scenario', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yanlian-sweep-'));
    let sweep: McSweep;
    let plain: McSummary;
    let out: string;

    beforeAll(async () => {
      const [s, p, bad] = await Promise.all([
        cli([
          'sweep',
          tiny,
          '--set',
          'reserves.warehouses.0.stock.tent=90,30',
          '--set',
          'reserves.warehouses.*.stock.*=x0.5,x1,x2,x4',
          '--set',
          'region.villages.0.elevationM=900',
          '--trials',
          '40',
          '--seed',
          '11',
          '--workers',
          '1',
          '--json',
          join(dir, 'sweep.json'),
          '--report',
          join(dir, 'sweep.html'),
        ]),
        cli(['simulate', tiny, '--trials', '40', '--seed', '11', '--workers', '1', '--json', join(dir, 'plain.json')]),
        cli(['sweep', tiny, '--set', 'reserves.warehouses.5.stock.tent=1', '--trials', '5', '--seed', '1', '--lang', 'en']),
      ]);
      expect(s.code, s.err).toBe(0);
      expect(p.code, p.err).toBe(0);
      expect(bad.code).toBe(2);
      expect(bad.err).toMatch(/reserves\.warehouses has no item 5 \(2 items, counted from 0\)/);
      expect(bad.out + bad.err).not.toMatch(/\n\s+at .+:\d+:\d+/);
      sweep = JSON.parse(readFileSync(join(dir, 'sweep.json'), 'utf8')) as McSweep;
      plain = JSON.parse(readFileSync(join(dir, 'plain.json'), 'utf8')) as McSummary;
      out = s.out;
    }, 180_000);

    it('common random numbers: a run at the base value equals the plain simulate summary exactly', () => {
      expect(sweep.format).toBe('yanlian-mc-sweep');
      expect(sweep.base).toStrictEqual(plain);
      const tentAt90 = sweep.parameters[0]!.runs[0]!;
      expect(tentAt90.value).toBe('90');
      expect(tentAt90.changes).toEqual([{ path: ['reserves', 'warehouses', 0, 'stock', 'tent'], from: 90, to: 90 }]);
      expect(tentAt90.summary).toStrictEqual(plain);
      expect(sweep.parameters[1]!.runs[1]!.value).toBe('x1');
      expect(sweep.parameters[1]!.runs[1]!.summary).toStrictEqual(plain);
      // a parameter nothing reads changes nothing either
      for (const r of sweep.parameters[2]!.runs) expect(r.summary).toStrictEqual(plain);
      // the changed run differs, and its manifest still names the base file
      expect(sweep.parameters[0]!.runs[1]!.summary).not.toStrictEqual(plain);
      expect(sweep.parameters[0]!.runs[1]!.summary.scenario).toEqual(plain.scenario);
    });

    it('more stock never raises a stock-out probability', () => {
      const runs = sweep.parameters[1]!.runs; // x0.5, x1, x2, x4
      for (let k = 0; k < plain.reserves.items.length; k++) {
        const p = runs.map((r) => r.summary.reserves.items[k]!.stockoutProbability.estimate!);
        for (let i = 1; i < p.length; i++) expect(p[i], `${plain.reserves.items[k]!.id} ${runs[i]!.value}`).toBeLessThanOrEqual(p[i - 1]!);
        const tiers = runs.map((r) => r.summary.reserves.items[k]!.tiers.map((t) => t.stockoutProbability.estimate!));
        for (let i = 1; i < tiers.length; i++) tiers[i]!.forEach((x, j) => expect(x).toBeLessThanOrEqual(tiers[i - 1]![j]!));
      }
      expect(runs[0]!.summary.reserves.items[0]!.stockoutProbability.estimate).toBeGreaterThan(runs[3]!.summary.reserves.items[0]!.stockoutProbability.estimate!);
      // fewer tents at the county depot never lowers the tent stock-out probability
      expect(sweep.parameters[0]!.runs[1]!.summary.reserves.items[0]!.stockoutProbability.estimate).toBeGreaterThanOrEqual(plain.reserves.items[0]!.stockoutProbability.estimate!);
    });

    it('the tornado ranks a parameter that matters above one that does not', () => {
      const stockouts = sweep.tornado.filter((e) => e.key.endsWith('.stockoutProbability'));
      expect(stockouts).toHaveLength(plain.reserves.items.length);
      for (const e of stockouts) {
        const rank = (path: string) => e.bars.findIndex((b) => b.path === path);
        expect(rank('reserves.warehouses.*.stock.*'), e.key).toBe(0);
        expect(e.bars[0]!.swing).toBeGreaterThan(0);
        const elevation = e.bars[rank('region.villages.0.elevationM')]!;
        expect(elevation.swing).toBe(0);
        expect(rank('region.villages.0.elevationM')).toBeGreaterThan(rank('reserves.warehouses.*.stock.*'));
        const b = e.bars[0]!;
        expect(b.swing).toBeCloseTo(b.high!.estimate - b.low!.estimate, 9);
        expect(b.high!.value).toBe('x0.5');
      }
      expect(sweep.tornado.map((e) => e.key)).toEqual(plain.headline.estimates.map((e) => e.key));
    });

    it('prints a comparison table per headline estimate and the tornado table; writes JSON and report', () => {
      for (const e of plain.headline.estimates) expect(out).toContain(e.key.startsWith('targets.') ? '达成概率' : '概率');
      expect(out.match(/^对比：/gm)).toHaveLength(plain.headline.estimates.length);
      expect(out).toContain('对比：救灾帐篷 断货概率');
      expect(out).toContain('龙卷风表');
      expect(out).toMatch(/│ 基准\s+│ —/);
      expect(readdirSync(dir).sort()).toEqual(['plain.json', 'sweep.html', 'sweep.json']);
      const html = readFileSync(join(dir, 'sweep.html'), 'utf8');
      expect(htmlProblems(html)).toEqual([]);
      expect(html).toContain('龙卷风图：救灾帐篷 断货概率');
      const tagged = taggedNumbers(html, 'data-sweep');
      expect(tagged.length).toBeGreaterThan(0);
      for (const t of tagged) expect(t.value, t.path).toStrictEqual(atPath(sweep, t.path));
    });
  });
});
