/** The evacuation (building) HTML report: self-contained, deterministic, zh/en, numbers traceable to the summary. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadEvacuationScenario, type EvacuationScenario } from '../../engine/evacuation/index.ts';
import { summarizeEvac, type EvacMcSummary } from '../../engine/evacuation/montecarlo/index.ts';
import { defaultChunkSize } from '../../engine/montecarlo/index.ts';
import { runEvacMonteCarlo } from '../../engine/node/runEvacMonteCarlo.ts';
import { evacCurves, exceedanceOf, type EvacCurves } from '../../src/report/evacuation/evacCurves.ts';
import { renderEvacReport } from '../../src/report/evacuation/renderEvacReport.ts';
import { atPath, htmlProblems, taggedNumbers } from './htmlCheck.ts';

const repo = new URL('../..', import.meta.url).pathname;
const schoolFile = join(repo, 'scenarios/school-fire-evacuation.yaml');

/** What a self-contained page must not contain, once the SVG namespace attributes are set aside. */
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

const pctText = (v: number) => (v === 0 ? '0%' : `${(v * 100).toFixed(Math.abs(v) < 0.001 ? 2 : 1)}%`);

/** Each tagged number resolves into the summary and its text shows that value. */
function checkTagged(html: string, json: unknown) {
  const tagged = taggedNumbers(html);
  for (const t of tagged) {
    const v = atPath(json, t.path);
    expect(v === undefined ? `missing ${t.path}` : v, t.path).toStrictEqual(t.value);
    if (t.value === null) expect(t.text, t.path).toBe('—');
    else if (/(estimate|ci95\.\d|\.se)$/.test(t.path)) expect(t.text, t.path).toBe(pctText(t.value as number));
    else expect(Number.parseFloat(t.text), t.path).toBeCloseTo(t.value as number, -0.3);
  }
  return tagged;
}

describe('evacuation HTML report', () => {
  let scenario: EvacuationScenario;
  let summary: EvacMcSummary;
  let curves: EvacCurves;
  let zh: string;
  let en: string;

  beforeAll(async () => {
    const r = loadEvacuationScenario(readFileSync(schoolFile, 'utf8'), 'school-fire-evacuation.yaml', 'zh');
    if (!r.ok) throw new Error('the school scenario should load');
    scenario = r.scenario;
    const trials = 60;
    const run = await runEvacMonteCarlo({ scenario, master: 5, trials, chunkSize: defaultChunkSize(trials), workers: 1 });
    summary = summarizeEvac(scenario, run.layout, run.agg, {
      engineVersion: 'test',
      scenarioSha256: 'e'.repeat(64),
      seed: 5,
      trialsRequested: trials,
      chunkSize: defaultChunkSize(trials),
      stoppedBy: run.stoppedBy,
      untilSe: null,
    });
    curves = evacCurves(run.layout, run.agg);
    const base = { summary, scenarioName: scenario.name, scenarioFile: 'school-fire-evacuation.yaml', curves, roles: scenario.roles };
    zh = renderEvacReport({ ...base, lang: 'zh' });
    en = renderEvacReport({ ...base, lang: 'en' });
  }, 120_000);

  it('the curves agree with the summary: counts add up to the trials, P(time > limit) = 1 − P(met)', () => {
    const a = curves.assembly.fromAlarmS;
    expect(a.counts.reduce((x, y) => x + y, 0) + a.never).toBe(summary.trials);
    summary.targets.forEach((t, k) => {
      const h = curves.targets[k];
      if (t.unit !== 's') return expect(h).toBeNull();
      const e = exceedanceOf(h!);
      const i = e.t.indexOf(t.limit);
      const late = i >= 0 ? e.p[i]! : t.limit < (e.t[0] ?? 0) ? 1 : e.p[e.p.length - 1]!;
      expect(late, t.id).toBeCloseTo(1 - t.metProbability.estimate!, 6);
    });
  });

  it('is self-contained and well-formed: no URL but the SVG namespaces, no script', () => {
    for (const html of [zh, en]) {
      expect(externalReferences(html)).toEqual([]);
      expect(html).not.toMatch(/<script/i);
      const svgs = html.match(/<svg /g)!.length;
      expect(html.match(/https?:\/\//g)!.length).toBe(2 * svgs);
      expect(htmlProblems(html)).toEqual([]);
      expect(html).toContain('@page { size: A4');
    }
    expect(zh.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">')).toBe(true);
    expect(en.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
  });

  it('draws every chart as one inline SVG in a captioned figure, ids unique', () => {
    const timeTargets = summary.targets.filter((t) => t.unit === 's').length;
    // an exceedance curve per time target, the histogram, the stair bars, the fire bars
    for (const html of [zh, en]) {
      const figures = html.match(/<figure>[\s\S]*?<\/figure>/g)!;
      expect(figures.length).toBe(timeTargets + 3);
      for (const f of figures) {
        expect(f.match(/<svg /g)).toHaveLength(1);
        expect(f).toMatch(/<figcaption>[^<]+<\/figcaption>/);
      }
      expect(html.match(/<svg /g)!.length).toBe(figures.length);
      const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('has Chinese headings by default and English ones with lang en', () => {
    for (const h of ['疏散演练蒙特卡洛模拟报告', '到达集合点的时间', '演练目标', '结果说明', '超时概率曲线', '楼梯排队', '烟气侵袭', '火灾由谁扑灭', '预案职责', '运行清单', '西楼梯', '总指挥'])
      expect(zh).toContain(h);
    for (const h of ['Evacuation Monte Carlo report', 'Headline: time to the assembly point', 'What this means', 'exceedance P(time &gt; t)', 'Stair queues', 'Smoke exposure', 'Who put the fire out', 'Run manifest', 'West stair', 'Overall command'])
      expect(en).toContain(h);
    expect(en).not.toMatch(/运行清单|结果说明|楼梯排队/);
  });

  it('every tagged number is the summary value at its JSON path', () => {
    const tagged = checkTagged(zh, summary);
    checkTagged(en, summary);
    const paths = new Set(tagged.map((t) => t.path));
    for (const k of ['p50', 'p90', 'p95', 'p99']) {
      expect(paths).toContain(`assembly.fromAlarmS.${k}`);
      expect(paths).toContain(`assembly.fromIgnitionS.${k}`);
    }
    summary.targets.forEach((_, k) => {
      for (const s of ['estimate', 'ci95.0', 'ci95.1', 'se']) expect(paths).toContain(`targets.${k}.metProbability.${s}`);
    });
    summary.stairs.forEach((_, k) => expect(paths).toContain(`stairs.${k}.maxQueue.mean`));
    for (const p of ['exposure.exposed.mean', 'exposure.exposed.p90', 'exposure.anyProbability.estimate', 'fire.knockedDownProbability.estimate', 'fire.outByBrigadeProbability.estimate', 'seed', 'trials'])
      expect(paths).toContain(p);
    expect(zh).toContain(summary.scenario.sha256);
    expect(zh).toContain('yanlian run school-fire-evacuation.yaml --seed &lt;试验种子&gt;');
    expect(en).toContain('yanlian run school-fire-evacuation.yaml --seed &lt;trial seed&gt;');
  });

  it('the same input gives the same bytes; without curves or roles it still renders; names are escaped; partial says so', () => {
    const base = { summary, scenarioName: scenario.name, scenarioFile: 'school-fire-evacuation.yaml', curves, roles: scenario.roles };
    expect(renderEvacReport({ ...base, lang: 'zh' })).toBe(zh);
    const hostile: EvacMcSummary = JSON.parse(JSON.stringify(summary));
    hostile.stairs[0]!.name = { zh: '楼梯<script>alert(1)</script>&', en: 'stair"><img onerror=1>' };
    hostile.partial = true;
    hostile.stoppedBy = 'interrupted';
    for (const lang of ['zh', 'en'] as const) {
      const html = renderEvacReport({ summary: hostile, scenarioName: { zh: 'a<b', en: 'a&b' }, lang });
      expect(html).not.toMatch(/<script|<img/);
      expect(htmlProblems(html)).toEqual([]);
      expect(externalReferences(html)).toEqual([]);
      expect(html).toContain('class="banner"');
      expect(html.match(/<svg /g)!.length).toBe(2); // stairs and fire only
      checkTagged(html, hostile);
    }
  });

  it('says what the numbers show: a never-met target says never, with its upper bound', () => {
    const never = summary.targets.findIndex((t) => t.metProbability.estimate === 0);
    if (never < 0) return;
    expect(zh).toContain(`在 ${summary.trials} 次试验中一次也未达成`);
    expect(en).toContain(`was never met in ${summary.trials} trials`);
    expect(zh).toContain('人员在楼梯口排队');
  });
});
