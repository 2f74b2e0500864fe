import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultChunkSize, summarize, tornado, SWEEP_METHODS, type McSummary, type McSweep } from '../../engine/montecarlo/index.ts';
import { loadScenarioFile } from '../../engine/node/scenarioFile.ts';
import { runMonteCarlo } from '../../engine/node/runMonteCarlo.ts';
import type { Scenario } from '../../engine/index.ts';
import { renderReport } from '../../src/report/renderReport.ts';
import { atPath, htmlProblems, taggedNumbers } from './htmlCheck.ts';

const repo = new URL('../..', import.meta.url).pathname;
const tiny = join(repo, 'test/fixtures/scenarios/tiny.yaml');

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

async function simulate(scenario: Scenario, trials: number, seed: number): Promise<McSummary> {
  const r = await runMonteCarlo({ scenario, master: seed, trials, chunkSize: defaultChunkSize(trials), workers: 1 });
  return summarize(scenario, r.layout, r.agg, {
    engineVersion: 'test',
    scenarioSha256: 'f'.repeat(64),
    seed,
    trialsRequested: trials,
    chunkSize: defaultChunkSize(trials),
    stoppedBy: r.stoppedBy,
    untilSe: null,
  });
}

/** The things a self-contained page must not contain, once the two SVG namespace attributes are set aside. */
function externalReferences(html: string): string[] {
  const rest = html.replaceAll(' xmlns="http://www.w3.org/2000/svg"', '').replaceAll(' xmlns:xlink="http://www.w3.org/1999/xlink"', '');
  const bad: string[] = [];
  for (const re of [
    /https?:\/\//gi,
    /\b(src|href|xlink:href|action|srcset|poster|data)\s*=/gi,
    /<(script|link|iframe|img|object|embed|image|use|base|audio|video|source)\b/gi,
    /@import/gi,
    /url\((?!#)/gi,
    /["'(]\/\/[a-z0-9]/gi,
  ])
    for (const m of rest.matchAll(re)) bad.push(rest.slice(Math.max(0, m.index - 30), m.index + 50));
  return bad;
}

/** Charts the report should draw for a summary: one per figure. */
function expectedCharts(m: McSummary, sweep?: McSweep): number {
  return (
    1 +
    m.targets.filter((t) => t.applied > 0).length +
    m.reserves.items.filter((i) => i.stockFan.p50.length > 0).length +
    (m.trials > 0 ? m.reserves.items.filter((i) => i.tiers.length > 0).length : 0) + // survival per item
    1 +
    (m.roads.trunkLinks.some((l) => l.episodes > 0) ? 1 : 0) +
    (sweep ? sweep.tornado.filter((e) => e.bars.some((b) => b.swing > 0)).length : 0)
  );
}

const pctText = (v: number) => (v === 0 ? '0%' : `${(v * 100).toFixed(Math.abs(v) < 0.001 ? 2 : 1)}%`);

/** Each tagged number's text is its JSON value, as a percentage, hours or a plain number. */
function checkTagged(html: string, json: unknown, attr = 'data-json') {
  const tagged = taggedNumbers(html, attr);
  for (const t of tagged) {
    const v = atPath(json, t.path);
    expect(v === undefined ? `missing ${t.path}` : v, t.path).toStrictEqual(t.value);
    if (t.value === null) expect(t.text, t.path).toMatch(/^(—|>\d+)$/);
    else if (/(estimate|ci95\.\d|\.se|Probability|survivalByHour\.\d+)$/.test(t.path)) expect(t.text, t.path).toBe(pctText(t.value as number));
    else if (/\.swing$/.test(t.path)) expect(t.text, t.path).toBe(((t.value as number) * 100).toFixed(1));
    else expect(Number.parseFloat(t.text), t.path).toBeCloseTo(t.value as number, -0.3); // rounded for display
  }
  return tagged;
}

describe('HTML report', () => {
  let scenario: Scenario;
  let summary: McSummary;
  let zh: string;
  let en: string;

  beforeAll(async () => {
    const r = loadScenarioFile(tiny, 'zh');
    if (!r.ok) throw new Error('tiny.yaml should load');
    scenario = r.scenario;
    summary = await simulate(scenario, 40, 9);
    zh = renderReport({ summary, scenarioName: scenario.name, scenarioFile: 'tiny.yaml', lang: 'zh' });
    en = renderReport({ summary, scenarioName: scenario.name, scenarioFile: 'tiny.yaml', lang: 'en' });
  }, 180_000);

  it('is self-contained: no external URL, resource or script, only the SVG namespaces', () => {
    for (const html of [zh, en]) {
      expect(externalReferences(html)).toEqual([]);
      expect(html).not.toMatch(/<script/i);
      // the namespaces are the only http strings, and each chart has them
      const svgs = html.match(/<svg /g)!.length;
      expect(html.match(/http:\/\/www\.w3\.org\/2000\/svg/g)!.length).toBe(svgs);
      expect(html.match(/https?:\/\//g)!.length).toBe(2 * svgs);
    }
  });

  it('is well-formed: balanced tags, quoted attributes, escaped text', () => {
    expect(htmlProblems(zh)).toEqual([]);
    expect(htmlProblems(en)).toEqual([]);
    expect(zh.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">')).toBe(true);
    expect(en.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
  });

  it('has the Chinese headings by default and English ones with lang en; CJK fonts; A4 print CSS', () => {
    for (const h of ['蒙特卡洛模拟报告', '物资断货概率', '超时概率曲线', '库存变化扇形图', '应急响应最高级别分布', '干线公路中断频率', '敏感性分析（龙卷风图）', '运行清单'])
      expect(zh).toContain(h);
    for (const h of ['Monte Carlo report', 'Stock-out probability by item and tier', 'exceedance curves', 'Stock over time', 'Highest response level', 'Trunk road cut frequency', 'Sensitivity (tornado)', 'Run manifest'])
      expect(en).toContain(h);
    expect(en).not.toMatch(/运行清单|物资断货概率/);
    expect(zh).toContain('救灾帐篷');
    expect(en).toContain('relief tent');
    for (const html of [zh, en]) {
      expect(html).toContain('font-family: "PingFang SC","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC",sans-serif');
      expect(html).toContain('@page { size: A4');
      expect(html).toContain('@media print');
    }
    // ECharts axis and label text uses the same stack (single-quoted inside style attributes)
    expect(zh).toContain("font-family:'PingFang SC','Microsoft YaHei'");
  });

  it('draws one inline SVG per chart, each in its own figure with a caption', () => {
    for (const html of [zh, en]) {
      const figures = html.match(/<figure>[\s\S]*?<\/figure>/g)!;
      expect(figures.length).toBe(expectedCharts(summary));
      for (const f of figures) {
        expect(f.match(/<svg /g)).toHaveLength(1);
        expect(f).toMatch(/<figcaption>[^<]+<\/figcaption>/);
      }
      expect(html.match(/<svg /g)!.length).toBe(figures.length);
      // ids stay unique across charts (clip paths refer to them)
      const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('response levels are coloured the Chinese way and always named', () => {
    expect(zh).toMatch(/background:#d7191c"><\/span>Ⅰ级（红）/);
    expect(zh).toMatch(/background:#f08c00"><\/span>Ⅱ级（橙）/);
    expect(zh).toMatch(/background:#f5c400"><\/span>Ⅲ级（黄）/);
    expect(zh).toMatch(/background:#1f6fd1"><\/span>Ⅳ级（蓝）/);
    expect(en).toContain('Level I (red)');
  });

  it('every number in the tables is the summary value, shown as such', () => {
    const tagged = checkTagged(zh, summary);
    checkTagged(en, summary);
    const paths = new Set(tagged.map((t) => t.path));
    summary.reserves.items.forEach((it, k) => {
      expect(paths).toContain(`reserves.items.${k}.stockoutProbability.estimate`);
      expect(paths).toContain(`reserves.items.${k}.stockoutProbability.ci95.0`);
      it.tiers.forEach((_, j) => expect(paths).toContain(`reserves.items.${k}.tiers.${j}.stockoutProbability.estimate`));
    });
    summary.targets.forEach((_, k) => expect(paths).toContain(`targets.${k}.metProbability.estimate`));
    summary.responseLevels.forEach((_, k) => expect(paths).toContain(`responseLevels.${k}.highestProbability.estimate`));
    summary.roads.trunkLinks.forEach((_, k) => expect(paths).toContain(`roads.trunkLinks.${k}.cutProbability.estimate`));
    for (const k of ['seed', 'trials', 'trialsRequested']) expect(paths).toContain(k);
    // the manifest
    expect(zh).toContain(summary.scenario.sha256);
    expect(zh).toContain('R 第 7 类');
    expect(en).toContain(summary.methods.quantiles!.replace(/"/g, '&quot;'));
    expect(zh).toMatch(/不完整（partial）<\/dt><dd>否/);
  });

  it('the same summary gives the same bytes; names are escaped; a partial run says so', () => {
    expect(renderReport({ summary, scenarioName: scenario.name, scenarioFile: 'tiny.yaml', lang: 'zh' })).toBe(zh);
    const hostile: McSummary = JSON.parse(JSON.stringify(summary));
    hostile.reserves.items[0]!.name = { zh: '帐篷<script>alert(1)</script>&', en: 'tent"><img onerror=1>' };
    hostile.partial = true;
    hostile.stoppedBy = 'interrupted';
    for (const lang of ['zh', 'en'] as const) {
      const html = renderReport({ summary: hostile, scenarioName: { zh: 'a<b', en: 'a&b' }, lang });
      expect(html).not.toMatch(/<script|<img/);
      expect(htmlProblems(html)).toEqual([]);
      expect(externalReferences(html)).toEqual([]);
      expect(html).toContain('class="banner"');
    }
  });

  it('with a sweep: the tornado charts and table, numbers matching the sweep', async () => {
    const more = JSON.parse(JSON.stringify(summary)) as McSummary;
    more.reserves.items[0]!.stockoutProbability.estimate = 0;
    for (const e of more.headline.estimates) if (e.key === 'reserves.tent.stockoutProbability') e.estimate = 0;
    const parameters = [
      { set: 'reserves.warehouses.*.stock.tent=x2', path: 'reserves.warehouses.*.stock.tent', runs: [{ value: 'x2', changes: [], summary: more }] },
      { set: 'region.villages.0.elevationM=900', path: 'region.villages.0.elevationM', runs: [{ value: '900', changes: [], summary }] },
    ];
    const sweep: McSweep = {
      format: 'yanlian-mc-sweep',
      formatVersion: 1,
      engineVersion: 'test',
      scenario: summary.scenario,
      seed: summary.seed,
      trials: summary.trials,
      methods: SWEEP_METHODS,
      base: summary,
      parameters,
      tornado: tornado(summary, parameters),
    };
    const html = renderReport({ summary, scenarioName: scenario.name, lang: 'zh', sweep });
    expect(htmlProblems(html)).toEqual([]);
    expect(externalReferences(html)).toEqual([]);
    expect(html.match(/<svg /g)!.length).toBe(expectedCharts(summary, sweep));
    expect(html).toContain('龙卷风图：救灾帐篷 断货概率');
    expect(html).not.toContain('本次运行未做参数扫描');
    const tagged = checkTagged(html, sweep, 'data-sweep');
    expect(tagged.some((t) => t.path === 'tornado.0.bars.0.swing')).toBe(true);
  });

  it('yanlian simulate --report writes the report atomically; --lang en gives English', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yanlian-report-'));
    const [a, b] = await Promise.all([
      cli(['simulate', tiny, '--trials', '30', '--seed', 'r', '--workers', '1', '--json', join(dir, 's.json'), '--report', join(dir, 'r.html')]),
      cli(['simulate', tiny, '--trials', '5', '--seed', '1', '--workers', '1', '--report', join(dir, 'sub', 'en.html'), '--lang', 'en']),
    ]);
    expect(a.code, a.err).toBe(0);
    expect(b.code, b.err).toBe(0);
    expect(a.err).toMatch(/报告已写入 .*r\.html（\d+ KB，\d+ 幅图）/);
    expect(b.err).toMatch(/report written to .*en\.html \(\d+ KB, \d+ charts\)/);
    expect(readdirSync(dir).sort()).toEqual(['r.html', 's.json', 'sub']);
    expect(readdirSync(join(dir, 'sub'))).toEqual(['en.html']);
    const json = JSON.parse(readFileSync(join(dir, 's.json'), 'utf8')) as McSummary;
    const html = readFileSync(join(dir, 'r.html'), 'utf8');
    checkTagged(html, json);
    expect(html).toContain(json.scenario.sha256);
    expect(html).toContain('--seed &quot;r&quot;');
    expect(externalReferences(html)).toEqual([]);
    expect(readFileSync(join(dir, 'sub', 'en.html'), 'utf8')).toContain('Run manifest');
  });
});
