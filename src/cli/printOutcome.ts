import type { Lang, Scenario, TrialOutcome } from '../../engine/index.ts';

const gradeEn: Record<string, string> = { none: 'none', 一般: 'ordinary', 较大: 'large', 重大: 'serious', 特别重大: 'particularly serious' };

/** The fire-season lines of a trial's account (only when the scenario has a fire season). Pure. */
function fireLines(f: NonNullable<TrialOutcome['fires']>, zh: boolean): string[] {
  const out: string[] = [];
  const pct = f.count > 0 ? ((f.outWithin24h / f.count) * 100).toFixed(0) : '—';
  out.push(
    zh
      ? `森林火灾：${f.count} 起，过火面积 ${f.burnedHa.toFixed(1)} 公顷，24小时内扑灭 ${f.outWithin24h} 起（${pct}%），首攻控制 ${f.initialAttackContained} 起，最大等级 ${f.largestGrade === 'none' ? '无' : f.largestGrade}，转移群众 ${f.peopleEvacuated} 人`
      : `Forest fires: ${f.count}, ${f.burnedHa.toFixed(1)} ha burned, ${f.outWithin24h} out within 24 h (${pct}%), ${f.initialAttackContained} contained by initial attack, largest grade ${gradeEn[f.largestGrade] ?? f.largestGrade}, ${f.peopleEvacuated} people evacuated`,
  );
  for (const x of f.list) {
    const out24 = x.hoursToOut === null ? (zh ? '未扑灭' : 'not out') : `${x.hoursToOut.toFixed(1)} h`;
    out.push(
      zh
        ? `  ${x.site} 第 ${x.ignitedAtHours.toFixed(1)} 小时起火（火险 ${x.level} 级），${x.areaHa.toFixed(2)} 公顷（${x.grade}），发现至扑灭 ${out24}${x.escaped ? '，跑火' : ''}${x.evacuated > 0 ? `，转移 ${x.evacuated} 人` : ''}`
        : `  ${x.site} ignited at hour ${x.ignitedAtHours.toFixed(1)} (danger ${x.level}), ${x.areaHa.toFixed(2)} ha (${gradeEn[x.grade] ?? x.grade}), found to out ${out24}${x.escaped ? ', escaped' : ''}${x.evacuated > 0 ? `, ${x.evacuated} evacuated` : ''}`,
    );
  }
  return out;
}

const levelName: Record<string, { zh: string; en: string }> = {
  none: { zh: '未启动', en: 'none' },
  IV: { zh: 'Ⅳ级', en: 'Level IV' },
  III: { zh: 'Ⅲ级', en: 'Level III' },
  II: { zh: 'Ⅱ级', en: 'Level II' },
  I: { zh: 'Ⅰ级', en: 'Level I' },
  ended: { zh: '已终止', en: 'ended' },
};
const warningName: Record<string, { zh: string; en: string }> = {
  none: { zh: '无', en: 'none' },
  blue: { zh: '蓝色', en: 'blue' },
  yellow: { zh: '黄色', en: 'yellow' },
  orange: { zh: '橙色', en: 'orange' },
  red: { zh: '红色', en: 'red' },
};

/** A readable account of one trial's outcome, in the chosen language. Pure. */
export function formatOutcome(s: Scenario, o: TrialOutcome, lang: Lang, hazardLine: string): string {
  const zh = lang === 'zh';
  const t = o.totals;
  const name = (id: string, list: readonly { id: string; name: { zh: string; en: string } }[]) =>
    list.find((x) => x.id === id)?.name[lang] ?? id;
  const lines: string[] = [];
  lines.push(zh ? `场景：${s.name.zh}（${s.id}）  种子：${o.seed}` : `Scenario: ${s.name.en} (${s.id})  seed: ${o.seed}`);
  lines.push(hazardLine);
  lines.push(
    zh
      ? `灾情：隐患点出险 ${t.failedSites} 处，受灾 ${t.affectedPeople} 人，死亡失踪 ${t.deadMissing} 人；道路中断 ${t.roadCuts} 次（干线 ${t.trunkCuts} 次）；物资调运 ${t.deliveries} 次`
      : `Impact: ${t.failedSites} hazard sites failed, ${t.affectedPeople} people affected, ${t.deadMissing} dead or missing; ${t.roadCuts} road cuts (${t.trunkCuts} trunk); ${t.deliveries} relief deliveries`,
  );
  lines.push(
    zh
      ? `紧急转移安置 ${t.relocatedPeople} 人；倒塌和严重损坏房屋 ${t.damagedRooms} 间（按每户 3 人、3 间估算，假设）`
      : `Relocated (紧急转移安置): ${t.relocatedPeople} people; collapsed or badly damaged rooms: ${t.damagedRooms} (3 people and 3 rooms a household, assumed)`,
  );
  if (t.shelterOverflow > 0)
    lines.push(zh ? `避难场所容量不足：${t.shelterOverflow} 人无处安置` : `Shelters full: ${t.shelterOverflow} people without a place`);
  lines.push(
    zh
      ? `预警：最高 ${warningName[o.warnings.highest]!.zh}；应急响应：最高 ${levelName[o.response.highest]!.zh}，结束时 ${levelName[o.response.final]!.zh}`
      : `Warning: highest ${warningName[o.warnings.highest]!.en}; response: highest ${levelName[o.response.highest]!.en}, at the end ${levelName[o.response.final]!.en}`,
  );
  if (o.fires) lines.push(...fireLines(o.fires, zh));
  lines.push(zh ? '目标：' : 'Targets:');
  for (const r of o.targets) {
    const target = s.targets.find((x) => x.id === r.id)!;
    const mark = r.cases === 0 ? '–' : r.met ? '✓' : '✗';
    const worst =
      r.cases === 0
        ? zh
          ? '无适用情形'
          : 'no case'
        : r.worstHours === null
          ? zh
            ? `${r.cases} 例，至少一例未完成`
            : `${r.cases} cases, at least one never done`
          : zh
            ? `${r.cases} 例，最长 ${r.worstHours.toFixed(1)} 小时`
            : `${r.cases} cases, worst ${r.worstHours.toFixed(1)} h`;
    const cens = r.censored > 0 ? (zh ? `（另 ${r.censored} 例在结束时尚未到期）` : ` (${r.censored} more still open at the end)`) : '';
    lines.push(`  ${mark} ${target.name[lang]}（${r.hours} h）：${worst}${cens}`);
  }
  if (o.stock.stockouts.length > 0) {
    lines.push(zh ? '库存断货：' : 'Stock-outs:');
    for (const x of o.stock.stockouts)
      lines.push(`  ${name(x.warehouse, s.reserves.warehouses)} · ${name(x.item, s.reserves.items)} @ ${x.atHours.toFixed(1)} h`);
  } else lines.push(zh ? '库存：未断货' : 'Stock: no stock-out');
  const short = Object.entries(o.stock.shortfall).filter(([, q]) => q > 0);
  if (short.length > 0)
    lines.push(
      (zh ? '未满足需求：' : 'Unmet needs: ') +
        short.map(([id, q]) => `${name(id, s.reserves.items)} ${Math.ceil(q)}`).join(zh ? '，' : ', '),
    );
  return lines.join('\n');
}
