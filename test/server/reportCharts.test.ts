import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { afterActionReport } from '../../engine/drill/afterAction.ts';
import { completeConfig } from '../../engine/drill/drillConfig.ts';
import { GENESIS_HASH, sealRecords } from '../../engine/drill/hashChain.ts';
import type { NewRecord } from '../../engine/drill/records.ts';
import type { TrialOutcome } from '../../engine/sim/outcome.ts';
import { chromiumPath } from '../../src/server/chartPng.ts';
import { drillCharts } from '../../src/server/reportCharts.ts';
import { reportDocx } from '../../src/server/reportDocx.ts';
import { reportHtml } from '../../src/server/reportHtml.ts';
import { tiny, tinyText } from '../engine/drill/helpers.ts';

/**
 * The debrief report's charts and its expected actions judged by content, from a crafted drill
 * log and outcome on tiny.yaml: a slide at 甲二村滑坡 cuts the trunk road (甲乙干线); the county
 * warns, raises the response, clears the wrong road first, then the right one late; relief
 * reaches one village in time and one late, another is still waiting. YANLIAN_REPORT_OUT=DIR
 * keeps report.html, report.docx and report.pdf to look at.
 */
let seq = 0;
const sim = (t: number, type: string, f: Record<string, unknown> = {}): NewRecord => ({ t, kind: 'sim', audience: 'staff', data: { seq: ++seq, t, type, ...f } });
const act = (t: number, decision: unknown): NewRecord => ({ t, kind: 'action', audience: 'staff', data: { position: 'county-eb', participant: 'p1', decision, result: 'accepted' } });

function report() {
  seq = 0;
  const s = tiny();
  const c = completeConfig(s, {});
  if (!c.ok) throw new Error('config');
  const failed = sim(600, 'site.failed', { site: 'gh1', affected: 40, deadMissing: 0, evacuated: false });
  const cut = sim(600, 'road.cut', { link: 'l-ta-tb', trunk: true, site: 'gh1' });
  const log: NewRecord[] = [
      { t: 0, kind: 'phase', audience: 'all', data: { from: 'briefed', to: 'running' } },
      sim(180, 'warning.changed', { from: 'none', to: 'yellow' }),
      sim(300, 'warning.changed', { from: 'yellow', to: 'orange' }),
      act(320, { kind: 'issueWarning', level: 'orange' }),
      sim(320, 'warning.issued', { level: 'orange' }),
      failed,
      cut,
      { t: 610, kind: 'inject', audience: 'all', data: { key: 'inject:inj-trunk-cut', inject: 'inj-trunk-cut', title: { zh: '交通局报告：甲乙干线中断', en: 'Transport bureau: trunk road cut' }, body: { zh: '甲乙干线因滑坡中断。', en: 'cut' }, channel: 'written', to: [], how: 'conditional', cause: (cut.data as { seq: number }).seq } },
      { t: 615, kind: 'inject', audience: 'all', data: { key: 'inject:inj-slide-report', inject: 'inj-slide-report', title: { zh: '村委会报告：发生滑坡', en: 'Village committee: landslide' }, body: { zh: '甲二村滑坡发生地质灾害。', en: 'slide' }, channel: 'phone', to: [], how: 'conditional', cause: (failed.data as { seq: number }).seq } },
      act(630, { kind: 'setResponseLevel', level: 'III' }),
      sim(630, 'response.changed', { from: 'none', to: 'III' }),
      act(640, { kind: 'dispatchTeam', team: 'team-county', task: { kind: 'clear', link: 'l-ta-va1' } }),
      act(760, { kind: 'dispatchTeam', team: 'team-tb', task: { kind: 'clear', link: 'l-ta-tb' } }),
      sim(1500, 'response.changed', { from: 'III', to: 'IV' }),
      { t: 2000, kind: 'phase', audience: 'all', data: { from: 'running', to: 'ended' } },
  ];
  const records = sealRecords({ seq: 0, hash: GENESIS_HASH }, log, 1_752_148_800_000);
  const outcome = {
    relief: [
      { village: 'va2', people: 40, affectedAtHours: 10, firstReliefAtHours: 14, hoursToRelief: 4 },
      { village: 'va1', people: 12, affectedAtHours: 10.5, firstReliefAtHours: 19, hoursToRelief: 8.5 },
      { village: 'vb1', people: 8, affectedAtHours: 12, firstReliefAtHours: null, hoursToRelief: null },
    ],
    roads: [{ link: 'l-ta-tb', trunk: true, cutAtHours: 10, reopenedAtHours: 17.5, hoursClosed: 7.5 }],
    rescue: [],
    targets: [],
    totals: { failedSites: 1, affectedPeople: 40, deadMissing: 0, roadCuts: 1, trunkCuts: 1, deliveries: 2, shelterOverflow: 0 },
  } as unknown as TrialOutcome;
  return afterActionReport({ id: 'd1', title: '2025年汛期暴雨桌面推演', mode: 'open', scenario: s, scenarioText: tinyText, scenarioSha256: 'x', config: c.config, records, outcome, participants: [{ id: 'p1', role: 'trainee', name: '王科长' }] });
}

const visible = (html: string) =>
  html
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<span class="(en|id)">[^<]*<\/span>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_m, c: string) => String.fromCharCode(Number(c)));
const OUT = process.env.YANLIAN_REPORT_OUT;

describe('the debrief report: charts and expected actions by content', () => {
  it('three charts as SVG (ECharts SSR), the same bytes each time, names not ids', () => {
    const r = report();
    const charts = drillCharts(r);
    expect(charts.map((c) => c.id)).toEqual(['levels', 'relief', 'trunk']);
    expect(drillCharts(report()).map((c) => c.svg)).toEqual(charts.map((c) => c.svg));
    const [levels, relief, trunk] = charts;
    expect(levels!.svg).toMatch(/^<svg role="img" aria-label="预警与应急响应级别时间线"/);
    for (const t of ['气象预警信号', '县级预警发布', '应急响应级别', '橙色', 'Ⅲ级', '首处灾害', 'T+12']) expect(levels!.svg, t).toContain(t);
    for (const t of ['甲二村', '甲一村', '乙一村', '目标 6 小时', '未完成']) expect(relief!.svg, t).toContain(t);
    expect(relief!.svg).toContain('#2e8b57'); // in time
    expect(relief!.svg).toContain('#d42a2a'); // late
    expect(trunk!.svg).toContain('甲乙干线');
    for (const c of charts) expect(c.svg).not.toMatch(/\b(va1|va2|vb1|l-ta-tb|gh1)\b/);
    expect(relief!.caption.zh).toContain('共 3 个');
  });

  it('report.html shows each expected action met / partly / not, why, and the object named vs expected', () => {
    const r = report();
    const html = reportHtml(r, null, new Map(), drillCharts(r));
    if (OUT) (mkdirSync(OUT, { recursive: true }), writeFileSync(join(OUT, 'report-charts.html'), html));
    expect(html.match(/<figure class="chart">/g)).toHaveLength(3);
    expect(html).toContain('figure.chart{');
    const text = visible(html);
    expect(text).toMatch(/派队抢通道路[\s\S]*?任务：抢通；甲乙干线[\s\S]*?派测试县综合应急救援大队抢通甲镇—甲一村 村道[\s\S]*?◐ 部分达到[\s\S]*?时限内的决策对象不符，对象正确的决策超时/);
    expect(text).toMatch(/启动应急响应[\s\S]*?不低于Ⅲ级应急响应[\s\S]*?✔ 达到/);
    // the only dispatch in time clears a road: the right kind, the wrong object
    expect(text).toMatch(/派出救援队伍[\s\S]*?任务：救援；甲二村滑坡[\s\S]*?◐ 部分达到[\s\S]*?按时下达同类决策，但对象不符/);
    expect(text).toMatch(/上报灾情[\s\S]*?同类决策均可[\s\S]*?✘ 未达到[\s\S]*?未采取该行动/);
    expect(text).toContain('达标 0/2，部分达到 2');
    expect(text).not.toMatch(/\b(county-eb|team-county|team-tb|l-ta-tb|l-ta-va1|gh1|va2)\b/);
  });

  it('report.docx carries the charts as SVG with a PNG fallback and opens in LibreOffice (skipped, saying so, without Chromium or soffice)', async (ctx) => {
    const soffice = ['soffice', 'libreoffice'].find((b) => spawnSync('which', [b]).status === 0);
    if (!chromiumPath() || !soffice) {
      console.warn('report.docx charts: needs Chromium (PNG fallback) and LibreOffice (to open it); not installed here');
      ctx.skip();
      return;
    }
    const buf = await reportDocx(report());
    const dir = OUT ?? mkdtempSync(join(tmpdir(), 'yanlian-charts-docx-'));
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'report-charts.docx'), buf);
    const media = execFileSync('unzip', ['-l', join(dir, 'report-charts.docx')], { encoding: 'utf8' });
    expect(media.match(/word\/media\/\S+\.svg/g)).toHaveLength(3);
    expect(media.match(/word\/media\/\S+\.png/g)).toHaveLength(3);
    const lo = ['--headless', `-env:UserInstallation=file://${join(dir, 'lo-profile')}`];
    execFileSync(soffice, [...lo, '--convert-to', 'pdf', '--outdir', dir, join(dir, 'report-charts.docx')], { stdio: 'ignore', timeout: 180_000 });
    const pdf = readFileSync(join(dir, 'report-charts.pdf'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    if (spawnSync('which', ['pdftotext']).status === 0) {
      const txt = execFileSync('pdftotext', [join(dir, 'report-charts.pdf'), '-'], { encoding: 'utf8' });
      for (const t of ['预警与应急响应级别时间线', '受灾群众初步救助用时与目标', '干线公路抢通用时与目标', '部分达到', '应指向']) expect(txt, t).toContain(t);
    }
    if (!OUT) rmSync(dir, { recursive: true, force: true });
  }, 300_000);
});
