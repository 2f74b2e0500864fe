import type { AfterActionReport } from '../../engine/drill/afterAction.ts';
import { fmtMinZh as fmtMin } from '../../engine/drill/evaluate.ts';
import { simClock } from '../../engine/drill/reportText.ts';
import { CONCLUSION_NAMES, VERDICT_NAMES } from '../../engine/drill/verdictNames.ts';
import type { WhatIfResult } from '../../engine/drill/whatIf.ts';
import type { ImprovementFill } from './improvementItems.ts';
import type { DrillChart } from './reportCharts.ts';

type Name = { zh: string; en?: string };

const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** Chinese, with the English beside it in grey when it differs. */
const bi = (x: Name | null | undefined) => (x ? `${esc(x.zh)}${x.en && x.en !== x.zh ? ` <span class="en">${esc(x.en)}</span>` : ''}` : '—');
const num = (x: number | null | undefined) => (x === null || x === undefined ? '—' : String(Math.round(x * 10) / 10));

export { CONCLUSION_NAMES, VERDICT_NAMES };

/** A metric's tally: "达标 3/5，部分达到 1" or why nothing is judged. */
export function metricTally(m: { judged: number; metCount: number; partlyCount: number; cases: unknown[] }): string {
  if (!m.judged) return m.cases.length ? '推演结束时均未到时限，未评判' : '本次演练无适用情形';
  return `达标 ${m.metCount}/${m.judged}${m.partlyCount ? `，部分达到 ${m.partlyCount}` : ''}`;
}

/** What each scenario target measures, in words. */
export const TARGET_NAMES: Record<string, Name> = {
  reliefWithin: { zh: '受灾群众初步救助', en: 'first relief' },
  trunkReopenWithin: { zh: '干线公路抢通', en: 'trunk roads reopened' },
  rescueArrivalWithin: { zh: '救援力量到达', en: 'rescue on site' },
  responseWithin: { zh: '应急响应启动', en: 'response activated' },
};

/** A wall-clock date as a county office writes it (Beijing time): 2025年7月10日 20:00. */
export function reportDate(ms: number | null): string {
  if (ms === null) return '—';
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false })
      .formatToParts(new Date(ms))
      .map((x) => [x.type, x.value]),
  );
  return `${p.year}年${p.month}月${p.day}日 ${p.hour}:${p.minute}`;
}

/**
 * The after-action report (复盘报告) as one self-contained, printable A4 page set (no external
 * resources): a cover, the executive summary, objectives, metrics, injects, decisions and what
 * followed, the outcome, evaluators' notes, improvement items, the 双盲 commitment and its
 * verification, and the timeline in sentences. Chinese first, English in grey. No ids, JSON or
 * config keys: ids appear only in small grey type where an evaluator needs to trace a case.
 * `charts` (reportCharts.ts `drillCharts`, loaded on demand with ECharts) go with the outcome.
 */
export function reportHtml(r: AfterActionReport, whatIf: WhatIfResult | null = null, fills: ReadonlyMap<string, ImprovementFill> = new Map(), charts: readonly DrillChart[] = []): string {
  const ev = r.evaluation;
  const doc = r.document;
  const c = doc.cover;
  const section = (zh: string, en: string, body: string, cls = '') => `<section${cls ? ` class="${cls}"` : ''}><h2>${zh} <span class="en">${en}</span></h2>${body}</section>`;
  const list = (xs: Name[]) => (xs.length ? xs.map((x) => esc(x.zh)).join('、') : '—');

  const cover = `<header class="cover">
<p class="kicker">演练复盘报告 <span class="en">After-action report</span></p>
<h1>${esc(c.title)}</h1>
<table class="meta"><tbody>
<tr><th>演练日期</th><td>${esc(reportDate(c.startedAt))}</td></tr>
<tr><th>演练方式</th><td>${bi(c.mode)}</td></tr>
<tr><th>情景</th><td>${bi(c.scenario)}</td></tr>
<tr><th>推演时长</th><td>${esc(fmtDuration(c.durationMin))}</td></tr>
<tr><th>导调</th><td>${c.directors.length ? c.directors.map(esc).join('、') : '—'}</td></tr>
<tr><th>评估人员</th><td>${c.evaluators.length ? c.evaluators.map(esc).join('、') : '—'}</td></tr>
<tr><th>参演岗位（${c.positions.length}）</th><td>${list(c.positions)}</td></tr>
</tbody></table>
</header>`;

  const s = doc.summary;
  const summary = `<p class="verdict">总体评估：<b>${esc(CONCLUSION_NAMES[s.conclusion]!.zh)}</b>（总分 ${num(s.overall)}） <span class="en">Overall: ${esc(CONCLUSION_NAMES[s.conclusion]!.en)} (${num(s.overall)})</span></p>
<ul class="by-conclusion">${(['met', 'partlyMet', 'notMet', 'notJudged'] as const)
    .filter((k) => s.byConclusion[k].length)
    .map((k) => `<li><b>${esc(CONCLUSION_NAMES[k]!.zh)}</b>（${s.byConclusion[k].length} 项）：${list(s.byConclusion[k])}</li>`)
    .join('')}</ul>
<p class="method">评分方法：${esc(s.method.zh)}</p>`;

  const objectives = `<table><thead><tr><th>评估目标</th><th>权重</th><th>指标达标率</th><th>评估员评分</th><th>得分</th><th>结论</th></tr></thead><tbody>${ev.objectives
    .map((o) => `<tr><td>${bi(o.name)}</td><td>${o.weight}</td><td>${num(o.quantitative)}</td><td>${num(o.rated)}${o.ratings ? `（${o.ratings} 人次）` : ''}</td><td><b>${num(o.score)}</b></td><td>${esc(CONCLUSION_NAMES[o.conclusion]!.zh)}</td></tr>`)
    .join('')}</tbody></table>`;

  const metrics = ev.metrics
    .map((m) => {
      const head = `<h3>${bi(m.name)}</h3><p class="src">${esc(m.sourceText.zh)} · ${esc(metricTally(m))}</p>`;
      if (!m.cases.length) return head;
      if (m.cases.some((x) => x.check)) {
        // expected actions: judged by content — the object named against the one expected
        const rows = m.cases
          .map((x) => {
            const k = x.check!;
            const v = VERDICT_NAMES[k.verdict]!;
            return `<tr class="${k.verdict === 'not' ? 'miss' : k.verdict === 'partly' ? 'part' : ''}"><td>${esc(x.name.zh)}<span class="id">${esc(x.label)}</span></td><td>${simClock(x.startMin)}</td><td>${fmtMin(x.limitMin)}</td><td>${k.expected ? esc(k.expected.zh) : '<span class="small">同类决策均可</span>'}</td><td>${k.named ? `${esc(k.named.zh)}${k.atMin !== null ? `<br><span class="small">${simClock(k.atMin)}</span>` : ''}` : '—'}</td><td><b>${v.mark} ${esc(v.zh)}</b><br><span class="small">${esc(k.why.zh)}</span></td></tr>`;
          })
          .join('');
        return `${head}<table class="expected"><thead><tr><th>期望行动</th><th>发布</th><th>时限</th><th>应指向</th><th>实际决策</th><th>评定及原因</th></tr></thead><tbody>${rows}</tbody></table>`;
      }
      const rows = m.cases
        .map((x) => {
          const done = x.endMin === null ? '—' : x.doneAtMin !== undefined ? `起点前已完成（${simClock(x.doneAtMin)}）` : simClock(x.endMin);
          const took = x.tookMin === null ? '未完成' : fmtMin(x.tookMin);
          const met = x.met === null ? '未到时限' : x.met ? '✔ 达标' : '✘ 未达标';
          return `<tr class="${x.met === false ? 'miss' : ''}"><td>${esc(x.name.zh)}<span class="id">${esc(x.label)}</span></td><td>${simClock(x.startMin)}</td><td>${done}</td><td>${took}</td><td>${fmtMin(x.limitMin)}</td><td>${met}</td></tr>`;
        })
        .join('');
      return `${head}<table><thead><tr><th>对象</th><th>起点</th><th>完成</th><th>用时</th><th>时限</th><th>达标</th></tr></thead><tbody>${rows}</tbody></table>`;
    })
    .join('');

  const injects = doc.injects.length
    ? `<table><thead><tr><th>时间</th><th>情景事件</th><th>发布方式</th><th>确认收到</th></tr></thead><tbody>${doc.injects
        .map(
          (i) =>
            `<tr><td>${simClock(i.t)}</td><td><b>${esc(i.title.zh)}</b><br>${esc(i.body.zh)}<br><span class="small">${esc(i.channel.zh)} · 发往 ${list(i.to)}</span></td><td>${esc(i.how.zh)}</td><td>${
              i.acks.map((a) => `${esc(a.position.zh)} ${simClock(a.t)}（${fmtMin(a.afterMin)}后）`).join('<br>') || '—'
            }${i.unacked.length && i.unacked.length <= 5 ? `<br><span class="small">未确认：${list(i.unacked)}</span>` : i.unacked.length ? `<br><span class="small">未确认：${i.unacked.length} 个岗位</span>` : ''}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : '<p>未发布情景事件。</p>';

  const decisions = doc.decisions.length
    ? `<table><thead><tr><th>时间</th><th>岗位</th><th>决策</th><th>结果与后续</th></tr></thead><tbody>${doc.decisions
        .map(
          (d) =>
            `<tr class="${d.accepted ? '' : 'miss'}"><td>${simClock(d.t)}</td><td>${esc(d.position.zh)}</td><td>${esc(d.text.zh)}</td><td>${
              d.accepted ? `已执行${d.next.length ? `<ul class="next">${d.next.map((n) => `<li>${simClock(n.t)} ${esc(n.text.zh)}</li>`).join('')}</ul>` : ''}` : `未执行：${esc(d.refusal?.zh ?? '')}`
            }</td></tr>`,
        )
        .join('')}</tbody></table>`
    : '<p>演练人员未下达决策。</p>';

  const figures = charts
    .map((ch) => `<figure class="chart">${ch.svg}<figcaption><b>${esc(ch.title.zh)}</b> <span class="en">${esc(ch.title.en)}</span><br>${esc(ch.caption.zh)}</figcaption></figure>`)
    .join('');
  const targets = r.outcome
    ? `${figures}<table><thead><tr><th>目标</th><th>时限</th><th>情形数</th><th>最长用时</th><th>达成</th></tr></thead><tbody>${r.outcome.targets
        .map((t) => `<tr class="${t.cases && !t.met ? 'miss' : ''}"><td>${esc(TARGET_NAMES[t.kind]?.zh ?? t.kind)}</td><td>${t.hours} 小时</td><td>${t.cases}${t.censored ? `（另 ${t.censored} 个未完成）` : ''}</td><td>${t.worstHours === null ? '未完成' : `${num(t.worstHours)} 小时`}</td><td>${t.cases ? (t.met ? '✔ 达成' : '✘ 未达成') : '无情形'}</td></tr>`)
        .join('')}</tbody></table><p>发生灾害的隐患点 ${r.outcome.totals.failedSites} 处 · 受灾 ${r.outcome.totals.affectedPeople} 人 · 死亡失踪 ${r.outcome.totals.deadMissing} 人 · 道路中断 ${r.outcome.totals.roadCuts} 处次</p>`
    : '<p>—</p>';

  const notes = doc.notes.length
    ? `<ul>${doc.notes.map((n) => `<li>${simClock(n.t)} ${esc(n.by)}${n.objective ? `（${esc(n.objective.zh)}）` : ''}${n.rating ? ` 评分 ${n.rating}/5` : ''}：${esc(n.text)}</li>`).join('')}</ul>`
    : '<p>无。</p>';
  const improvements = ev.improvements.length
    ? `<table class="improve"><thead><tr><th>序号</th><th>改进事项</th><th>责任单位</th><th>完成时限</th></tr></thead><tbody>${ev.improvements
        .map((i, k) => `<tr><td>${k + 1}</td><td>${esc(i.text.zh)}</td><td class="fill">${esc(fills.get(i.text.zh)?.owner ?? '')}</td><td class="fill">${esc(fills.get(i.text.zh)?.deadline ?? '')}</td></tr>`)
        .join('')}</tbody></table><p class="small">责任单位和完成时限由演练组织单位填写（Word 版可直接编辑）。</p>`
    : '<p>无。</p>';
  const integrity = `<ul>${doc.integrity.map((x) => `<li>${bi(x)}</li>`).join('')}</ul>${
    r.integrity.commitment ? `<p class="small">承诺值（SHA-256）：<code>${esc(r.integrity.commitment)}</code>${r.integrity.chain.head ? `<br>日志末条哈希：<code>${esc(r.integrity.chain.head)}</code>` : ''}</p>` : ''
  }`;
  const timeline = `<table class="timeline"><tbody>${doc.timeline.map((x) => `<tr class="${x.kind}"><td>${simClock(x.t)}</td><td>${esc(x.text.zh)}</td></tr>`).join('')}</tbody></table>`;
  const wi = whatIf
    ? section(
        '情景复算',
        'What-if',
        `<p>以本次演练的决策在 ${whatIf.seeds} 个其他情景下复算${whatIf.stockFactor !== 1 ? `（储备 ×${whatIf.stockFactor}）` : ''}：本次达成 ${whatIf.drill.targetsMet}/${whatIf.drill.targetsJudged} 项目标，位于分布的 ${Math.round(whatIf.drillPercentile * 100)}% 分位；全部达标的情景占 ${Math.round(whatIf.allTargetsMet * 100)}%。</p>
<table class="small"><thead><tr><th>种子</th><th>达成目标</th><th>发生灾害</th><th>死亡失踪</th><th>最迟救助（小时）</th><th>被拒决策</th></tr></thead><tbody>${whatIf.runs
          .map((x) => `<tr><td>${x.seed}</td><td>${x.targetsMet}/${x.targetsJudged}</td><td>${x.failedSites}</td><td>${x.deadMissing}</td><td>${num(x.worstReliefHours)}</td><td>${x.refused}</td></tr>`)
          .join('')}</tbody></table>`,
      )
    : '';
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>演练复盘报告 · ${esc(c.title)}</title>
<style>
@page{size:A4;margin:18mm 16mm}
body{font-family:"Noto Sans CJK SC","Noto Sans SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;color:#111;font-size:10.5pt;line-height:1.5;max-width:178mm;margin:auto;padding:0 4mm}
.cover{min-height:200mm;display:flex;flex-direction:column;justify-content:center;break-after:page}
.cover h1{font-size:22pt;margin:.2em 0 1em}.kicker{font-size:14pt;letter-spacing:.2em;margin:0}
.meta th{width:32mm;background:none;border:none;border-bottom:1px solid #ccc;font-weight:600}.meta td{border:none;border-bottom:1px solid #ccc}
h2{font-size:13.5pt;border-bottom:2px solid #333;margin-top:1.4em;padding-bottom:2px}h3{font-size:11pt;margin:1em 0 .1em}
.en{color:#666;font-size:.82em;font-weight:normal}.small,.src{font-size:9pt;color:#444}.src{margin:0 0 .3em}
.id{display:block;color:#999;font-size:7.5pt}
.verdict{font-size:12.5pt}.method{font-size:9pt;color:#333;border-left:3px solid #bbb;padding-left:.6em}
table{border-collapse:collapse;width:100%;margin:.3em 0}td,th{border:1px solid #bbb;padding:3px 6px;text-align:left;vertical-align:top}
th{background:#f0f0f0}tr.miss td{background:#fdf0f0}tr.part td{background:#fdf8e8}
table.expected{table-layout:fixed}table.expected th:nth-child(1){width:22%}table.expected th:nth-child(2){width:10%}table.expected th:nth-child(3){width:9%}table.expected th:nth-child(4),table.expected th:nth-child(5){width:20%}table.expected td{overflow-wrap:anywhere}
figure.chart{margin:.6em 0 1em;break-inside:avoid;page-break-inside:avoid}figure.chart svg{display:block;width:100%;height:auto}figure.chart figcaption{font-size:9pt;color:#333;margin-top:.2em}code{font-size:8pt;word-break:break-all}
ul.next{margin:.2em 0 0;padding-left:1.1em;font-size:9pt;color:#333}
table.timeline td:first-child{white-space:nowrap;width:16mm;color:#444}table.timeline tr.world td{color:#333}table.timeline tr.decision td:last-child{font-weight:600}
table.improve td.fill{width:30mm}
h2,h3{break-after:avoid}tr{break-inside:avoid}
@media print{body{max-width:none;padding:0}a{color:inherit;text-decoration:none}tr.miss td,tr.part td,th{-webkit-print-color-adjust:exact;print-color-adjust:exact}figure.chart svg{max-height:120mm}}
</style></head><body>
${cover}
${section('一、总体评估', 'Executive summary', summary)}
${section('二、评估结论：各评估目标得分', 'Scores by objective (AQ/T 9009, GB/T 46792 D)', objectives)}
${section('三、关键指标', 'Metrics against targets', metrics)}
${section('四、情景事件与确认', 'Injects and acknowledgements', injects)}
${section('五、决策及后续情况', 'Decisions and what followed', decisions)}
${section('六、推演结果', 'Outcome of the simulated world', targets)}
${section('七、评估人员意见', "Evaluators' notes", notes)}
${section('八、改进事项', 'Improvement items', improvements)}
${section(r.drill.mode === 'blind' ? '九、双盲承诺与完整性校验' : '九、完整性校验', 'Commitment and integrity', integrity)}
${wi}
${section('附：演练时间线', 'Timeline', timeline)}
</body></html>`;
}

/** "3 天 4 小时" / "5 小时 20 分钟" for simulated minutes. Pure. */
export function fmtDuration(min: number): string {
  const d = Math.floor(min / 1440);
  const h = Math.floor((min - d * 1440) / 60);
  const m = Math.round(min - d * 1440 - h * 60);
  return [d ? `${d} 天` : '', h ? `${h} 小时` : '', m || (!d && !h) ? `${m} 分钟` : ''].filter(Boolean).join(' ');
}
