import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvRow, mcLayout, trialRow, trialSeed, type McSummary } from '../../engine/montecarlo/index.ts';
import { loadScenarioFile } from '../../engine/node/scenarioFile.ts';
import type { Lang } from '../../engine/index.ts';
import { CliExit } from '../../src/cli/cliExit.ts';
import { simulateCommand, type SimulateOptions } from '../../src/cli/simulateCommand.ts';

const repo = new URL('../..', import.meta.url).pathname;
const tiny = join(repo, 'test/fixtures/scenarios/tiny.yaml');

interface Run {
  code: number | null;
  out: string;
  err: string;
}

/** Runs the CLI; `onErr` sees stderr as it arrives (and may signal the child). */
function cli(args: string[], onErr?: (soFar: string, child: ReturnType<typeof spawn>) => void): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(repo, 'bin/yanlian.js'), ...args], { cwd: repo });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => {
      err += d;
      onErr?.(err, child);
    });
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe('yanlian simulate', () => {
  it('bad arguments exit 2 with a message naming the option, in Chinese by default and English with --lang en', async () => {
    const cases: [Partial<SimulateOptions>, Lang, RegExp][] = [
      [{ trials: '0' }, 'zh', /^--trials 应为 1 至 1000000000 的整数，收到 "0"$/],
      [{ trials: '12abc' }, 'zh', /--trials.*"12abc"/],
      [{ trials: '1.5' }, 'en', /^--trials must be an integer from 1 to 1000000000, got "1.5"$/],
      [{ workers: '65' }, 'zh', /^--workers 应为 1 至 64 的整数/],
      [{ workers: '0' }, 'en', /^--workers must be an integer from 1 to 64/],
      [{ chunk: '-3' }, 'zh', /^--chunk/],
      [{ untilSe: '0' }, 'zh', /^--until-se 应为大于 0/],
      [{ untilSe: '2' }, 'en', /^--until-se must be a number above 0 and at most 0.5/],
      [{ seed: '-5' }, 'zh', /种子无效/],
    ];
    for (const [bad, lang, re] of cases) {
      const e = await simulateCommand(tiny, { trials: '10', seed: '1', ...bad }, lang).then(
        () => null,
        (x: unknown) => x,
      );
      expect(e, JSON.stringify(bad)).toBeInstanceOf(CliExit);
      expect((e as CliExit).code).toBe(2);
      expect((e as CliExit).message).toMatch(re);
    }
    // the real command: exit 2, the message on stderr, no stack trace
    const runs = await Promise.all([
      cli(['simulate', tiny, '--trials', '0', '--seed', '1']),
      cli(['simulate', tiny, '--trials', '10', '--seed', '1', '--workers', '99', '--lang', 'en']),
      cli(['simulate', tiny, '--trials', '10']),
      cli(['simulate', '/no/such/file.yaml', '--trials', '3', '--seed', '1']),
    ]);
    for (const r of runs) {
      expect(r.code).toBe(2);
      expect(r.err.length).toBeGreaterThan(0);
      noStack(r.out + r.err);
    }
    expect(runs[0]!.err).toMatch(/--trials 应为/);
    expect(runs[1]!.err).toMatch(/--workers must be an integer from 1 to 64, got "99"/);
    expect(runs[2]!.err).toMatch(/缺少必需的选项/);
  });

  it('prints Chinese tables; the CSV (BOM, CRLF) re-runs any trial alone with `run --seed`', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yanlian-sim-'));
    const csvPath = join(dir, 'trials.csv');
    const jsonPath = join(dir, 'summary.json');
    const r = await cli(['simulate', tiny, '--trials', '6', '--seed', '42', '--workers', '1', '--csv', csvPath, '--json', jsonPath]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('物资储备');
    expect(r.out).toContain('断货概率');
    expect(r.out).toContain('救灾帐篷');
    const raw = readFileSync(csvPath, 'utf8');
    expect(raw.startsWith('\uFEFF')).toBe(true);
    const lines = raw.slice(1).split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines).toHaveLength(8); // header, 6 rows, the empty tail
    expect(raw.replace(/\r\n/g, '')).not.toContain('\n');
    const summary = JSON.parse(readFileSync(jsonPath, 'utf8')) as McSummary;
    expect(summary.trials).toBe(6);
    expect(summary.partial).toBe(false);
    expect(summary.seed).toBe(42);
    expect(readdirSync(dir).sort()).toEqual(['summary.json', 'trials.csv']);

    const loaded = loadScenarioFile(tiny, 'en');
    if (!loaded.ok) throw new Error('tiny.yaml should load');
    const layout = mcLayout(loaded.scenario);
    const header = lines[0]!.split(',');
    const picks = [0, 4];
    const alone = await Promise.all(picks.map((i) => cli(['run', tiny, '--seed', String(trialSeed(42, i)), '--json'])));
    picks.forEach((i, k) => {
      const cells = lines[i + 1]!.split(',');
      expect(Number(cells[0])).toBe(i);
      expect(Number(cells[1])).toBe(trialSeed(42, i));
      expect(alone[k]!.code).toBe(0);
      const outcome = JSON.parse(alone[k]!.out);
      expect(outcome.seed).toBe(Number(cells[1]));
      expect(csvRow(trialRow(layout, i, outcome))).toBe(lines[i + 1] + '\r\n');
      const col = (name: string) => cells[header.indexOf(name)];
      expect(Number(col('affectedPeople'))).toBe(outcome.totals.affectedPeople);
      expect(col('responseHighest')).toBe(outcome.response.highest);
      expect(Number(col('item.water.shortfallUnits'))).toBe(outcome.stock.shortfall.water);
    });
  });

  it('--lang en prints English tables', async () => {
    const r = await cli(['simulate', tiny, '--trials', '3', '--seed', 'drill-2025', '--workers', '1', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Reserves');
    expect(r.out).toContain('P(stock-out) (95% CI)');
    expect(r.out).not.toMatch(/断货概率/);
  });

  for (const workers of ['1', '2']) {
    it(`Ctrl-C (SIGINT) stops after the current chunk and writes a partial summary and CSV (--workers ${workers})`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'yanlian-sigint-'));
      const jsonPath = join(dir, 'partial.json');
      const csvPath = join(dir, 'partial.csv');
      let sent = false;
      const r = await cli(
        ['simulate', tiny, '--trials', '1000000', '--seed', '5', '--chunk', '5', '--workers', workers, '--json', jsonPath, '--csv', csvPath],
        (err, child) => {
          if (!sent && /模拟进度：[1-9]/.test(err)) {
            sent = true;
            child.kill('SIGINT');
          }
        },
      );
      expect(sent).toBe(true);
      expect(r.code).toBe(130);
      expect(r.err).toContain('已中断');
      noStack(r.out + r.err);
      const s = JSON.parse(readFileSync(jsonPath, 'utf8')) as McSummary;
      expect(s.partial).toBe(true);
      expect(s.stoppedBy).toBe('interrupted');
      expect(s.trials).toBeGreaterThan(0);
      expect(s.trials).toBeLessThan(1_000_000);
      expect(s.trials % 5).toBe(0);
      const rows = readFileSync(csvPath, 'utf8').split('\r\n').length - 2;
      expect(rows).toBe(s.trials);
      expect(r.out).toContain('partial');
    });
  }
});
