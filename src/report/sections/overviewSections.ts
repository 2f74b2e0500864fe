import { esc, nc, num, table } from '../html.ts';
import { coverSection } from '../kit/coverSection.ts';
import type { ReportContext } from '../reportContext.ts';

/** The report's cover: the kit's cover with the horizon in hours and how to read the numbers. */
export function headerSection(c: ReportContext): string[] {
  const { H } = c;
  return coverSection(c, {
    title: { zh: '蒙特卡洛模拟报告', en: 'Monte Carlo report' },
    horizon: { zh: `${H} 小时`, en: `${H} h` },
    method: {
      zh: '概率均附 Wilson 95% 置信区间与标准误；时长分位数为 P50/P90/P99（小时），“>' + H + '”表示落在时域之外。',
      en: `Every probability has its Wilson 95% interval and standard error; durations are P50/P90/P99 in hours, ">${H}" means beyond the horizon.`,
    },
  });
}

/** Impact overview: failed sites, people affected and dead or missing, road cuts, deliveries. */
export function impactSection(c: ReportContext): string[] {
  const { m, T } = c;
  const out: string[] = [];
  const i = m.impact;
  const f1 = (x: number | null) => (x === null ? '—' : x.toFixed(1));
  const f0 = (x: number | null) => (x === null ? '—' : x.toFixed(0));
  const rows: string[][] = [
    [esc(T('失稳隐患点（处，均值）', 'hazard sites failed (mean)')), nc(num('impact.meanFailedSites', i.meanFailedSites, f1(i.meanFailedSites))), nc('—'), nc('—')],
    [
      esc(T('受灾人数', 'people affected')),
      nc(num('impact.affectedPeople.mean', i.affectedPeople.mean, f1(i.affectedPeople.mean))),
      nc(num('impact.affectedPeople.p50', i.affectedPeople.p50, f0(i.affectedPeople.p50))),
      nc(num('impact.affectedPeople.p90', i.affectedPeople.p90, f0(i.affectedPeople.p90))),
    ],
    [
      esc(T('死亡失踪人数', 'dead or missing')),
      nc(num('impact.deadMissing.mean', i.deadMissing.mean, f1(i.deadMissing.mean))),
      nc(num('impact.deadMissing.p50', i.deadMissing.p50, f0(i.deadMissing.p50))),
      nc(num('impact.deadMissing.p90', i.deadMissing.p90, f0(i.deadMissing.p90))),
    ],
    [esc(T('紧急转移安置人数（均值）', 'people relocated (mean)')), nc(num('impact.meanRelocatedPeople', i.meanRelocatedPeople, f1(i.meanRelocatedPeople))), nc('—'), nc('—')],
    [esc(T('倒塌和严重损坏房屋（间，均值）', 'rooms collapsed or badly damaged (mean)')), nc(num('impact.meanDamagedRooms', i.meanDamagedRooms, f1(i.meanDamagedRooms))), nc('—'), nc('—')],
    [esc(T('道路中断（次，均值）', 'road cuts (mean)')), nc(num('impact.meanRoadCuts', i.meanRoadCuts, f1(i.meanRoadCuts))), nc('—'), nc('—')],
    [esc(T('其中干线', 'of which trunk')), nc(num('impact.meanTrunkCuts', i.meanTrunkCuts, f1(i.meanTrunkCuts))), nc('—'), nc('—')],
    [esc(T('物资配送（次，均值）', 'deliveries (mean)')), nc(num('impact.meanDeliveries', i.meanDeliveries, f1(i.meanDeliveries))), nc('—'), nc('—')],
  ];
  out.push(
    `<section id="impact">`,
    `<h2>${esc(T('灾情概要', 'Impact overview'))}</h2>`,
    table([esc(T('指标', 'measure')), esc(T('均值', 'mean')), 'P50', 'P90'], rows),
    `</section>`,
  );
  return out;
}

/** Forest fires, only for a fire-season scenario: fires, burned area, the 24 h rate, grades. */
export function fireSection(c: ReportContext): string[] {
  const { m, T, prob, probHead } = c;
  const out: string[] = [];
  // forest fires (only for a fire-season scenario)
  if (m.fire) {
    const f = m.fire;
    const n = (x: number | null, d: number) => (x === null ? '—' : x.toFixed(d));
    const figures: string[][] = [
      [esc(T('每季火灾（起）', 'fires per season')), nc(num('fire.firesPerSeason.mean', f.firesPerSeason.mean, n(f.firesPerSeason.mean, 2))), nc(num('fire.firesPerSeason.p50', f.firesPerSeason.p50, n(f.firesPerSeason.p50, 0))), nc(num('fire.firesPerSeason.p90', f.firesPerSeason.p90, n(f.firesPerSeason.p90, 0)))],
      [esc(T('每季过火面积（公顷）', 'burned per season (ha)')), nc(num('fire.burnedHa.mean', f.burnedHa.mean, n(f.burnedHa.mean, 1))), nc(num('fire.burnedHa.p50', f.burnedHa.p50, n(f.burnedHa.p50, 1))), nc(num('fire.burnedHa.p90', f.burnedHa.p90, n(f.burnedHa.p90, 1)))],
      [esc(T('每季转移群众（人）', 'people evacuated per season')), nc(num('fire.meanPeopleEvacuated', f.meanPeopleEvacuated, n(f.meanPeopleEvacuated, 1))), nc('—'), nc('—')],
    ];
    const probs: string[][] = [
      [esc(T('24小时扑灭率（目标 ≥ 95%）', 'share of fires out within 24 h (target ≥ 95%)')), ...prob('fire.shareOutWithin24h', f.shareOutWithin24h)],
      [esc(T('全季火灾均在24小时内扑灭', 'every fire of the season out within 24 h')), ...prob('fire.allOutWithin24hProbability', f.allOutWithin24hProbability)],
      [esc(T('首攻控制率', 'initial-attack success')), ...prob('fire.initialAttackSuccess', f.initialAttackSuccess)],
      ...f.largestGrade.map((g, k) => [esc(T(`最大火灾等级：${g.grade === 'none' ? '无火灾' : g.grade}`, `largest fire: ${g.grade === 'none' ? 'no fire' : g.grade}`)), ...prob(`fire.largestGrade.${k}.probability`, g.probability)]),
    ];
    out.push(
      `<section id="fire">`,
      `<h2>${esc(T('森林火灾', 'Forest fires'))}</h2>`,
      table([esc(T('指标', 'measure')), esc(T('均值', 'mean')), 'P50', 'P90'], figures),
      table([esc(T('概率', 'probability')), ...probHead.map(esc)], probs),
      `</section>`,
    );
  }
  return out;
}
