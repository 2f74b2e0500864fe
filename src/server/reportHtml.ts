import type { AfterActionReport } from '../../engine/drill/afterAction.ts';
import { fmtMin } from '../../engine/drill/evaluate.ts';
import type { WhatIfResult } from '../../engine/drill/whatIf.ts';

const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const hm = (min: number) => {
  const h = Math.floor(min / 60);
  return `T+${h}:${String(Math.floor(min - h * 60)).padStart(2, '0')}`;
};
const txt = (t: unknown) => {
  const x = t as { zh?: string; en?: string } | null;
  return x && typeof x === 'object' ? `${esc(x.zh)}${x.en && x.en !== x.zh ? ` <span class="en">${esc(x.en)}</span>` : ''}` : esc(t);
};
const CONCLUSION: Record<string, string> = {
  met: '达到 <span class="en">met</span>',
  partlyMet: '部分达到 <span class="en">partly met</span>',
  notMet: '未达到 <span class="en">not met</span>',
  notJudged: '未评判 <span class="en">not judged</span>',
};
const num = (x: number | null | undefined) => (x === null || x === undefined ? '—' : String(Math.round(x * 10) / 10));
const yes = (b: boolean | null) => (b === null ? '—' : b ? '✔ 是 <span class="en">yes</span>' : '✘ 否 <span class="en">no</span>');

/**
 * The after-action report as one self-contained, printable HTML page (A4, no external
 * resources), Chinese first with English beside it.
 */
export function reportHtml(r: AfterActionReport, whatIf: WhatIfResult | null = null): string {
  const ev = r.evaluation;
  const integ = r.integrity;
  const v = integ.verification;
  const section = (zh: string, en: string, body: string) => `<section><h2>${zh} <span class="en">${en}</span></h2>${body}</section>`;
  const objectives = `<table><thead><tr><th>评估目标 <span class="en">objective</span></th><th>权重</th><th>量化得分 <span class="en">metrics</span></th><th>评估员评分 <span class="en">rated</span></th><th>得分 <span class="en">score</span></th><th>结论 <span class="en">conclusion</span></th></tr></thead><tbody>${ev.objectives
    .map((o) => `<tr><td>${txt(o.name)}</td><td>${o.weight}</td><td>${num(o.quantitative)}</td><td>${num(o.rated)}${o.ratings ? ` (${o.ratings})` : ''}</td><td><b>${num(o.score)}</b></td><td>${CONCLUSION[o.conclusion]}</td></tr>`)
    .join('')}</tbody></table><p>总分 <span class="en">overall</span>: <b>${num(ev.overall)}</b> · ${CONCLUSION[ev.conclusion]}（≥85 达到，≥60 部分达到；量化 70% + 评分 30%）</p>`;
  const metrics = ev.metrics
    .map(
      (m) => `<h3>${txt(m.name)} <span class="en">${esc(m.id)} · ${esc(m.source)}</span> — ${m.metCount}/${m.judged}</h3>${
        m.cases.length
          ? `<table><thead><tr><th>对象 <span class="en">case</span></th><th>起点</th><th>完成</th><th>用时 <span class="en">took</span></th><th>时限 <span class="en">limit</span></th><th>达标 <span class="en">met</span></th></tr></thead><tbody>${m.cases
              .map((c) => `<tr class="${c.met === false ? 'miss' : ''}"><td>${esc(c.label)}</td><td>${hm(c.startMin)}</td><td>${c.endMin === null ? '—' : hm(c.endMin)}</td><td>${c.tookMin === null ? '未完成 <span class="en">not done</span>' : fmtMin(c.tookMin)}</td><td>${fmtMin(c.limitMin)}</td><td>${yes(c.met)}</td></tr>`)
              .join('')}</tbody></table>`
          : '<p class="en">无适用情形 · no cases</p>'
      }`,
    )
    .join('');
  const injects = `<table><thead><tr><th>时间</th><th>情景事件 <span class="en">inject</span></th><th>方式</th><th>确认 <span class="en">acks</span></th></tr></thead><tbody>${r.injects
    .map((i) => `<tr><td>${hm(i.t)}</td><td>${txt(i.title)}</td><td>${esc(i.how)}</td><td>${i.acks.map((a) => `${esc(a.position)} ${hm(a.t)}`).join('<br>') || '—'}</td></tr>`)
    .join('')}</tbody></table>`;
  const decisions = `<table><thead><tr><th>时间</th><th>岗位 <span class="en">position</span></th><th>决策 <span class="en">decision</span></th><th>结果 <span class="en">result</span></th></tr></thead><tbody>${r.decisions
    .map((d) => `<tr class="${d.result === 'rejected' ? 'miss' : ''}"><td>${hm(d.t)}</td><td>${esc(d.position)}</td><td><code>${esc(JSON.stringify(d.decision))}</code></td><td>${d.result === 'accepted' ? '已执行 <span class="en">accepted</span>' : `未执行 <span class="en">refused</span>: ${txt(d.error)}`}</td></tr>`)
    .join('')}</tbody></table>`;
  const timeline = `<table class="small"><tbody>${r.timeline.map((x) => `<tr><td>${hm(x.t)}</td><td>${esc(x.kind)}</td><td>${esc(x.what)}</td><td><code>${esc(JSON.stringify(x.detail).slice(0, 160))}</code></td></tr>`).join('')}</tbody></table>`;
  const notes = ev.notes.length
    ? `<ul>${ev.notes.map((n) => `<li>${hm(n.t)} ${esc(n.name)}${n.objective ? ` [${esc(n.objective)}]` : ''}${n.rating ? ` ★${n.rating}` : ''}: ${esc(n.text)}</li>`).join('')}</ul>`
    : '<p>无 <span class="en">none</span></p>';
  const improvements = ev.improvements.length ? `<ol>${ev.improvements.map((i) => `<li>${txt(i.text)}</li>`).join('')}</ol>` : '<p>无 <span class="en">none</span></p>';
  const integrity = `<ul>
<li>事件日志哈希链 <span class="en">hash chain</span>: ${integ.chain.ok ? `✔ 完整，${integ.chain.count} 条，末哈希 <code>${esc(integ.chain.head)}</code>` : `✘ 第 ${integ.chain.badSeq} 条起不一致 <span class="en">broken</span>`}</li>
<li>开演前承诺 <span class="en">commitment</span>: <code>${esc(integ.commitment ?? '—')}</code></li>
<li>揭示与校验 <span class="en">reveal and verification</span>: ${
    v
      ? `${v.ok ? '✔ 通过' : '✘ 不通过'} — 承诺 ${yes(v.commitmentMatches)} · 场景 ${yes(v.scenarioMatches)} · 配置 ${yes(v.configMatches)} · 按规则重抽一致 ${yes(v.scheduleRedrawn)}; 种子 <code>${esc(integ.reveal?.drillSeed)}</code>`
      : '复盘时揭示 <span class="en">revealed at the debrief</span>'
  }</li></ul>`;
  const targets = r.outcome
    ? `<table><thead><tr><th>目标 <span class="en">target</span></th><th>时限</th><th>情形</th><th>最差</th><th>达成</th></tr></thead><tbody>${r.outcome.targets
        .map((t) => `<tr class="${t.met ? '' : 'miss'}"><td>${esc(t.id)}</td><td>${t.hours} h</td><td>${t.cases}${t.censored ? ` (+${t.censored})` : ''}</td><td>${t.worstHours === null ? '未完成' : `${num(t.worstHours)} h`}</td><td>${yes(t.cases ? t.met : null)}</td></tr>`)
        .join('')}</tbody></table><p>失稳隐患点 ${r.outcome.totals.failedSites} · 受灾 ${r.outcome.totals.affectedPeople} 人 · 死亡失踪 ${r.outcome.totals.deadMissing} · 断路 ${r.outcome.totals.roadCuts}</p>`
    : '<p>—</p>';
  const wi = whatIf
    ? section(
        '情景复算',
        'What-if',
        `<p>以本次演练的决策在 ${whatIf.seeds} 个其他暴雨情景下复算${whatIf.stockFactor !== 1 ? `（储备 ×${whatIf.stockFactor}）` : ''}：本次达成 ${whatIf.drill.targetsMet}/${whatIf.drill.targetsJudged} 项目标，位于分布的 ${Math.round(whatIf.drillPercentile * 100)}% 分位；全部达标的情景占 ${Math.round(whatIf.allTargetsMet * 100)}%。<br><span class="en">The drill's decisions re-run over ${whatIf.seeds} other storms: this drill met ${whatIf.drill.targetsMet}/${whatIf.drill.targetsJudged} targets, at the ${Math.round(whatIf.drillPercentile * 100)}th percentile; ${Math.round(whatIf.allTargetsMet * 100)}% of runs met every target.</span></p>
<table class="small"><thead><tr><th>种子 seed</th><th>目标 targets</th><th>失稳 failed</th><th>死亡失踪</th><th>最迟救助 h</th><th>被拒决策 refused</th></tr></thead><tbody>${whatIf.runs
          .map((x) => `<tr><td>${x.seed}</td><td>${x.targetsMet}/${x.targetsJudged}</td><td>${x.failedSites}</td><td>${x.deadMissing}</td><td>${num(x.worstReliefHours)}</td><td>${x.refused}</td></tr>`)
          .join('')}</tbody></table>`,
      )
    : '';
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>演练复盘报告 · ${esc(r.drill.title)}</title>
<style>
@page{size:A4;margin:15mm}
body{font-family:"Noto Sans SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;color:#111;font-size:10.5pt;line-height:1.45;max-width:180mm;margin:auto}
h1{font-size:18pt;margin-bottom:0}h2{font-size:13pt;border-bottom:1px solid #999;margin-top:1.4em}h3{font-size:11pt;margin:.8em 0 .3em}
.en{color:#555;font-size:.85em;font-weight:normal}
table{border-collapse:collapse;width:100%;margin:.3em 0}td,th{border:1px solid #bbb;padding:2px 5px;text-align:left;vertical-align:top}
th{background:#eee}tr.miss td{background:#fdecec}table.small{font-size:8.5pt}code{font-size:8.5pt;word-break:break-all}
section{break-inside:auto}h2,h3{break-after:avoid}tr{break-inside:avoid}
</style></head><body>
<h1>演练复盘报告 <span class="en">After-action report</span></h1>
<p><b>${esc(r.drill.title)}</b> · ${r.drill.mode === 'blind' ? '双盲演练 <span class="en">double-blind</span>' : '公开演练 <span class="en">open</span>'} · 场景 ${txt(r.drill.scenario.name)} · 推演时长 ${fmtMin(r.drill.endMin)}</p>
${section('评估结论', 'Scores by objective (AQ/T 9009, GB/T 46792 D)', objectives)}
${section('完整性校验', 'Integrity', integrity)}
${section('指标与目标', 'Metrics against targets', metrics)}
${section('推演结果', 'Outcome of the simulated world', targets)}
${section('情景事件', 'Injects', injects)}
${section('决策记录', 'Decisions', decisions)}
${section('评估人员意见', "Evaluators' notes", notes)}
${section('改进事项', 'Improvement items', improvements)}
${wi}
${section('时间线', 'Timeline', timeline)}
</body></html>`;
}
