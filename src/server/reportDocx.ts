import { AlignmentType, Document, HeadingLevel, ImageRun, Packer, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { AfterActionReport } from '../../engine/drill/afterAction.ts';
import { fmtMinZh as fmtMin } from '../../engine/drill/evaluate.ts';
import { simClock } from '../../engine/drill/reportText.ts';
import { CONCLUSION_NAMES, fmtDuration, metricTally, reportDate, TARGET_NAMES, VERDICT_NAMES } from './reportHtml.ts';
import { chartPngs } from './chartPng.ts';
import type { DrillChart } from './reportCharts.ts';
import type { ImprovementFill } from './improvementItems.ts';

/**
 * Chinese fonts set explicitly, as county offices' Word has them: 宋体 for text, 黑体 for
 * headings (a reader without them, e.g. LibreOffice on Linux, substitutes its CJK font).
 */
const BODY_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体', cs: 'Times New Roman' };
const HEAD_FONT = { ascii: 'Arial', hAnsi: 'Arial', eastAsia: '黑体', cs: 'Arial' };
const MISS = 'FDF0F0';
const PART = 'FDF8E8';
/** Chart width in the .docx (px at 96 dpi): the A4 text width between 2 cm margins, 17 cm. */
const DOCX_CHART_PX = 642;

const p = (text: string, opts: { bold?: boolean; size?: number; color?: string; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {}) =>
  new Paragraph({ alignment: opts.align, spacing: { after: 80 }, children: [new TextRun({ text, bold: opts.bold, size: opts.size, color: opts.color })] });
const h1 = (text: string) => new Paragraph({ heading: HeadingLevel.HEADING_1, spacing: { before: 360, after: 120 }, children: [new TextRun({ text, font: HEAD_FONT })] });
const h2 = (text: string) => new Paragraph({ heading: HeadingLevel.HEADING_2, spacing: { before: 200, after: 60 }, children: [new TextRun({ text, font: HEAD_FONT })] });

/** A full-width table: a header row, then rows of cells (text, or lines of text). */
function table(head: string[], rows: { cells: (string | string[])[]; miss?: boolean; part?: boolean }[], widths?: number[]): Table {
  const cell = (x: string | string[], header: boolean, miss: boolean | 'part', i: number) =>
    new TableCell({
      width: widths ? { size: widths[i]!, type: WidthType.PERCENTAGE } : undefined,
      shading: header ? { type: ShadingType.CLEAR, color: 'auto', fill: 'EEEEEE' } : miss ? { type: ShadingType.CLEAR, color: 'auto', fill: miss === 'part' ? PART : MISS } : undefined,
      children: (Array.isArray(x) ? x : [x]).map((line) => new Paragraph({ children: [new TextRun({ text: line, bold: header, size: 19 })] })),
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: head.map((x, i) => cell(x, true, false, i)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.cells.map((x, i) => cell(x, false, r.miss === true ? true : r.part === true ? 'part' : false, i)) })),
    ],
  });
}

/**
 * The charts as pictures: the SVG with a PNG fallback (Word 2016+ draws the SVG, older Word, WPS
 * and LibreOffice the PNG), each with its title and caption. Without a PNG (no Chromium to
 * rasterise it) a chart cannot go into the .docx: its caption stays, with a note.
 */
async function chartParagraphs(charts: DrillChart[]): Promise<Paragraph[]> {
  const pngs = await chartPngs(charts);
  return charts.flatMap((ch, k) => {
    const png = pngs?.[k];
    const w = DOCX_CHART_PX;
    const h = Math.round((ch.height * DOCX_CHART_PX) / ch.width);
    return [
      new Paragraph({ keepNext: true, spacing: { before: 120, after: 40 }, children: [new TextRun({ text: ch.title.zh, font: HEAD_FONT, bold: true, size: 21 })] }),
      ...(png
        ? [new Paragraph({ keepNext: true, alignment: AlignmentType.CENTER, children: [new ImageRun({ type: 'svg', data: Buffer.from(ch.svg, 'utf8'), transformation: { width: w, height: h }, fallback: { type: 'png', data: png }, altText: { name: ch.title.zh, title: ch.title.zh, description: ch.caption.zh } })] })]
        : []),
      p(png ? ch.caption.zh : `${ch.caption.zh}（本机无 Chromium，无法生成图片；图表见 HTML 版复盘报告）`, { size: 18, color: '444444' }),
    ];
  });
}

/**
 * The after-action report as a Word document (.docx) a county office can edit: the same
 * document as the HTML page (engine/drill/afterAction.ts `document`), A4, Chinese fonts set
 * explicitly, improvement items with empty owner and deadline columns to fill in.
 */
export async function reportDocx(r: AfterActionReport, fills: ReadonlyMap<string, ImprovementFill> = new Map()): Promise<Buffer> {
  const doc = r.document;
  const ev = r.evaluation;
  const c = doc.cover;
  const names = (xs: { zh: string }[]) => (xs.length ? xs.map((x) => x.zh).join('、') : '—');
  const children: (Paragraph | Table)[] = [];

  // cover
  children.push(
    new Paragraph({ spacing: { before: 2400, after: 240 }, alignment: AlignmentType.CENTER, children: [new TextRun({ text: '演练复盘报告', font: HEAD_FONT, size: 44, bold: true })] }),
    new Paragraph({ spacing: { after: 720 }, alignment: AlignmentType.CENTER, children: [new TextRun({ text: c.title, font: HEAD_FONT, size: 32 })] }),
    table(
      ['项目', '内容'],
      [
        { cells: ['演练日期', reportDate(c.startedAt)] },
        { cells: ['演练方式', c.mode.zh] },
        { cells: ['情景', c.scenario.zh] },
        { cells: ['推演时长', fmtDuration(c.durationMin)] },
        { cells: ['导调', c.directors.join('、') || '—'] },
        { cells: ['评估人员', c.evaluators.join('、') || '—'] },
        { cells: [`参演岗位（${c.positions.length}）`, names(c.positions)] },
      ],
      [25, 75],
    ),
    new Paragraph({ pageBreakBefore: true, children: [] }),
  );

  // 一、总体评估
  const s = doc.summary;
  children.push(h1('一、总体评估'), p(`总体评估：${CONCLUSION_NAMES[s.conclusion]!.zh}（总分 ${s.overall === null ? '—' : Math.round(s.overall * 10) / 10}）`, { bold: true, size: 24 }));
  for (const k of ['met', 'partlyMet', 'notMet', 'notJudged'] as const) if (s.byConclusion[k].length) children.push(p(`${CONCLUSION_NAMES[k]!.zh}（${s.byConclusion[k].length} 项）：${names(s.byConclusion[k])}`));
  children.push(p(`评分方法：${s.method.zh}`, { size: 18, color: '444444' }));

  // 二、评估目标
  const n1 = (x: number | null) => (x === null ? '—' : String(Math.round(x * 10) / 10));
  children.push(
    h1('二、评估结论：各评估目标得分'),
    table(
      ['评估目标', '权重', '指标达标率', '评估员评分', '得分', '结论'],
      ev.objectives.map((o) => ({ cells: [o.name.zh, String(o.weight), n1(o.quantitative), n1(o.rated), n1(o.score), CONCLUSION_NAMES[o.conclusion]!.zh], miss: o.conclusion === 'notMet' })),
      [34, 8, 14, 14, 10, 20],
    ),
  );

  // 三、关键指标
  children.push(h1('三、关键指标'));
  for (const m of ev.metrics) {
    children.push(h2(m.name.zh), p(`${m.sourceText.zh} · ${metricTally(m)}`, { size: 18, color: '444444' }));
    if (m.cases.some((x) => x.check))
      children.push(
        table(
          ['期望行动', '发布', '时限', '应指向', '实际决策', '评定及原因'],
          m.cases.map((x) => {
            const k = x.check!;
            return {
              cells: [x.name.zh, simClock(x.startMin), fmtMin(x.limitMin), k.expected?.zh ?? '同类决策均可', k.named ? [k.named.zh, ...(k.atMin !== null ? [simClock(k.atMin)] : [])] : '—', [`${VERDICT_NAMES[k.verdict]!.mark} ${VERDICT_NAMES[k.verdict]!.zh}`, k.why.zh]],
              miss: k.verdict === 'not',
              part: k.verdict === 'partly',
            };
          }),
          [21, 11, 9, 19, 20, 20],
        ),
      );
    else if (m.cases.length)
      children.push(
        table(
          ['对象', '起点', '完成', '用时', '时限', '达标'],
          m.cases.map((x) => ({
            cells: [
              x.name.zh,
              simClock(x.startMin),
              x.endMin === null ? '—' : x.doneAtMin !== undefined ? `起点前已完成（${simClock(x.doneAtMin)}）` : simClock(x.endMin),
              x.tookMin === null ? '未完成' : fmtMin(x.tookMin),
              fmtMin(x.limitMin),
              x.met === null ? '未到时限' : x.met ? '达标' : '未达标',
            ],
            miss: x.met === false,
          })),
          [34, 12, 18, 12, 12, 12],
        ),
      );
  }

  // 四、情景事件
  children.push(h1('四、情景事件与确认'));
  children.push(
    doc.injects.length
      ? table(
          ['时间', '情景事件', '发布方式', '确认收到'],
          doc.injects.map((i) => ({
            cells: [
              simClock(i.t),
              [i.title.zh, i.body.zh, `${i.channel.zh} · 发往 ${names(i.to)}`],
              i.how.zh,
              [...i.acks.map((a) => `${a.position.zh} ${simClock(a.t)}（${fmtMin(a.afterMin)}后）`), ...(i.unacked.length ? [`未确认：${i.unacked.length <= 5 ? names(i.unacked) : `${i.unacked.length} 个岗位`}`] : [])],
            ],
          })),
          [10, 50, 14, 26],
        )
      : p('未发布情景事件。'),
  );

  // 五、决策
  children.push(h1('五、决策及后续情况'));
  children.push(
    doc.decisions.length
      ? table(
          ['时间', '岗位', '决策', '结果与后续'],
          doc.decisions.map((d) => ({
            cells: [simClock(d.t), d.position.zh, d.text.zh, d.accepted ? ['已执行', ...d.next.map((x) => `${simClock(x.t)} ${x.text.zh}`)] : `未执行：${d.refusal?.zh ?? ''}`],
            miss: !d.accepted,
          })),
          [10, 20, 35, 35],
        )
      : p('演练人员未下达决策。'),
  );

  // 六、推演结果
  children.push(h1('六、推演结果'));
  if (r.outcome) {
    // ECharts is loaded only when a report is rendered, not when the server starts
    const { drillCharts } = await import('./reportCharts.ts');
    children.push(...(await chartParagraphs(drillCharts(r))));
    children.push(
      table(
        ['目标', '时限', '情形数', '最长用时', '达成'],
        r.outcome.targets.map((t) => ({
          cells: [TARGET_NAMES[t.kind]?.zh ?? t.kind, `${t.hours} 小时`, `${t.cases}${t.censored ? `（另 ${t.censored} 个未完成）` : ''}`, t.worstHours === null ? '未完成' : `${n1(t.worstHours)} 小时`, t.cases ? (t.met ? '达成' : '未达成') : '无情形'],
          miss: t.cases > 0 && !t.met,
        })),
      ),
      p(`发生灾害的隐患点 ${r.outcome.totals.failedSites} 处 · 受灾 ${r.outcome.totals.affectedPeople} 人 · 死亡失踪 ${r.outcome.totals.deadMissing} 人 · 道路中断 ${r.outcome.totals.roadCuts} 处次`),
    );
  } else children.push(p('—'));

  // 七、八
  children.push(h1('七、评估人员意见'));
  if (doc.notes.length) for (const x of doc.notes) children.push(p(`${simClock(x.t)} ${x.by}${x.objective ? `（${x.objective.zh}）` : ''}${x.rating ? ` 评分 ${x.rating}/5` : ''}：${x.text}`));
  else children.push(p('无。'));
  children.push(h1('八、改进事项'));
  children.push(
    ev.improvements.length
      ? table(['序号', '改进事项', '责任单位', '完成时限'], ev.improvements.map((x, k) => ({ cells: [String(k + 1), x.text.zh, fills.get(x.text.zh)?.owner ?? '', fills.get(x.text.zh)?.deadline ?? ''] })), [8, 56, 18, 18])
      : p('无。'),
  );

  // 九、完整性
  children.push(h1(r.drill.mode === 'blind' ? '九、双盲承诺与完整性校验' : '九、完整性校验'));
  for (const x of doc.integrity) children.push(p(`· ${x.zh}`));
  if (r.integrity.commitment) children.push(p(`承诺值（SHA-256）：${r.integrity.commitment}`, { size: 16, color: '555555' }));

  // 附：时间线
  children.push(h1('附：演练时间线'), table(['时间', '经过'], doc.timeline.map((x) => ({ cells: [simClock(x.t), x.text.zh] })), [12, 88]));

  const document = new Document({
    creator: 'yanlian',
    title: `演练复盘报告 · ${c.title}`,
    styles: {
      default: { document: { run: { font: BODY_FONT, size: 21 } } },
      paragraphStyles: [
        { id: 'Heading1', name: 'Heading 1', basedOn: 'Normal', next: 'Normal', run: { font: HEAD_FONT, size: 30, bold: true }, paragraph: { keepNext: true } },
        { id: 'Heading2', name: 'Heading 2', basedOn: 'Normal', next: 'Normal', run: { font: HEAD_FONT, size: 24, bold: true }, paragraph: { keepNext: true } },
      ],
    },
    sections: [{ properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } }, children }],
  });
  return Packer.toBuffer(document);
}
