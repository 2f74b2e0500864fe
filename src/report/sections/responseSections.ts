import { probabilityBars } from '../chartOptions.ts';
import { esc, nc, num, table } from '../html.ts';
import { LEVEL_COLOUR, LEVEL_NAME, pct } from '../labels.ts';
import type { ReportContext } from '../reportContext.ts';

/** The highest response level reached, coloured by Chinese practice. */
export function levelsSection(c: ReportContext): string[] {
  const { m, lang, T, chart, prob, hq, probHead } = c;
  const out: string[] = [];
  const lv = m.responseLevels;
  const rows = lv.map((l, k) => [
    `<th scope="row"><span class="swatch" style="background:${LEVEL_COLOUR[l.level]}"></span>${esc(LEVEL_NAME[l.level][lang])}</th>`,
    ...prob(`responseLevels.${k}.highestProbability`, l.highestProbability),
    ...hq(`responseLevels.${k}.hoursToReach`, l.hoursToReach, ['p50', 'p90']),
    nc(l.atLeastProbability ? num(`responseLevels.${k}.atLeastProbability.estimate`, l.atLeastProbability.estimate, pct(l.atLeastProbability.estimate)) : '—'),
  ]);
  out.push(
    `<section id="levels">`,
    `<h2>${esc(T('应急响应最高级别分布', 'Highest response level reached'))}</h2>`,
    `<p class="note">${esc(T('颜色按国家惯例：Ⅰ级红、Ⅱ级橙、Ⅲ级黄、Ⅳ级蓝。', 'Colours follow Chinese practice: Level I red, II orange, III yellow, IV blue.'))}</p>`,
    chart(
      probabilityBars({
        categories: lv.map((l) => LEVEL_NAME[l.level][lang]),
        values: lv.map((l) => l.highestProbability.estimate),
        ci: lv.map((l) => l.highestProbability.ci95),
        colours: lv.map((l) => LEVEL_COLOUR[l.level]),
        labels: lv.map((l) => pct(l.highestProbability.estimate)),
        horizontal: false,
        valueName: T('为最高级别的概率', 'P(highest level)'),
      }),
      T('应急响应最高级别的概率分布（95% 置信区间）', 'Distribution of the highest response level (95% intervals)'),
    ),
    table(
      [
        esc(T('级别', 'level')),
        ...probHead.map((h) => esc(`${T('为最高级别', 'highest')} ${h}`)),
        esc(T('达到时刻 P50（h）', 'reached at P50 (h)')),
        'P90',
        esc(T('达到该级或更高', 'P(this level or higher)')),
      ],
      rows,
    ),
    `</section>`,
  );
  return out;
}

/** How often each trunk link was cut, and how long it took to reopen. */
export function roadsSection(c: ReportContext): string[] {
  const { m, T, chart, prob, hq, probHead } = c;
  const out: string[] = [];
  const links = m.roads.trunkLinks.map((l, k) => ({ l, k }));
  const cut = links.filter(({ l }) => l.episodes > 0).sort((a, b) => (b.l.cutProbability.estimate ?? 0) - (a.l.cutProbability.estimate ?? 0) || a.k - b.k);
  const linkName = (l: (typeof links)[number]['l']) => (l.name ? T(`${l.name.zh}（${l.link}）`, `${l.name.en} (${l.link})`) : l.link);
  out.push(
    `<section id="roads">`,
    `<h2>${esc(T('干线公路中断频率', 'Trunk road cut frequency'))}</h2>`,
    `<p class="note">${esc(
      T(
        `${m.roads.trunkLinks.length} 条干线中 ${cut.length} 条曾中断；图中只画曾中断的路段，表中列出全部干线。`,
        `${cut.length} of ${m.roads.trunkLinks.length} trunk links were ever cut; the chart shows those, the table lists every trunk link.`,
      ),
    )}</p>`,
  );
  if (cut.length > 0)
    out.push(
      chart(
        probabilityBars({
          categories: cut.map(({ l }) => linkName(l)),
          values: cut.map(({ l }) => l.cutProbability.estimate),
          ci: cut.map(({ l }) => l.cutProbability.ci95),
          colours: cut.map(() => '#8c5a2b'),
          labels: cut.map(({ l }) => pct(l.cutProbability.estimate)),
          horizontal: true,
          valueName: T('中断概率', 'P(cut)'),
        }),
        T('各干线路段至少中断一次的概率（95% 置信区间）', 'Probability that each trunk link was cut at least once (95% intervals)'),
      ),
    );
  const order = [...cut, ...links.filter(({ l }) => l.episodes === 0)];
  out.push(
    table(
      [
        esc(T('路段', 'link')),
        ...probHead.map((h) => esc(`${T('中断', 'cut')} ${h}`)),
        esc(T('中断次数', 'cuts')),
        esc(T('恢复用时 P50（h）', 'reopened after P50 (h)')),
        'P90',
      ],
      order.map(({ l, k }) => [
        `<th scope="row">${esc(linkName(l))}</th>`,
        ...prob(`roads.trunkLinks.${k}.cutProbability`, l.cutProbability),
        nc(num(`roads.trunkLinks.${k}.episodes`, l.episodes, String(l.episodes))),
        ...hq(`roads.trunkLinks.${k}.reopenHours`, l.reopenHours, ['p50', 'p90']),
      ]),
    ),
    `</section>`,
  );
  return out;
}
