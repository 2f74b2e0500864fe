import type { Decision, EventFrame } from '../net/types.ts';
import type { MapNames } from './MapNames.ts';
import { pickText, type Lang } from './pickText.ts';

/** The translation function the describers need (i18next's `t`, narrowed). */
export type Translate = (key: string, opts?: Record<string, unknown>) => string;

const MISSING = '\u0000';

/** Romans for response levels, the way Chinese plans write them (Ⅰ–Ⅳ). */
export const ROMAN: Record<string, string> = { I: 'Ⅰ', II: 'Ⅱ', III: 'Ⅲ', IV: 'Ⅳ' };

/** The fields of an engine event, with ids replaced by names, for its message template. */
function simParams(d: Record<string, unknown>, names: MapNames, lang: Lang, t: Translate): Record<string, unknown> {
  const level = (x: unknown) => (typeof x === 'string' ? t(`level.${x}`, { defaultValue: x }) : '');
  const warn = (x: unknown) => (typeof x === 'string' ? t(`warning.${x}`, { defaultValue: x }) : '');
  return {
    ...d,
    site: names.name('site', d.site, lang),
    village: names.name('village', d.village, lang),
    link: names.name('link', d.link, lang),
    team: names.name('team', d.team, lang),
    shelter: names.name('shelter', d.shelter, lang),
    warehouse: names.name('warehouse', d.warehouse, lang),
    item: names.name('item', d.item, lang),
    target: d.task === 'clear' ? names.name('link', d.target, lang) : names.name('site', d.target, lang),
    task: typeof d.task === 'string' ? t(`task.${d.task}`) : '',
    fromLevel: d.type === 'response.changed' ? level(d.from) : warn(d.from),
    toLevel: d.type === 'response.changed' ? level(d.to) : warn(d.to),
    level: warn(d.level),
    trunk: d.trunk ? t('feed.trunk') : '',
    from: typeof d.from === 'string' ? (d.from === 'outside' ? t('feed.outside') : names.name('warehouse', d.from, lang)) : d.from,
    fromSite: names.name('site', d.from, lang),
    toSite: names.name('site', d.to, lang),
    by: names.name('position', d.by, lang),
    decisionLine: d.decision && typeof d.decision === 'object' ? describeDecision(d.decision as Decision, names, lang, t) : '',
    kind: typeof d.kind === 'string' ? t(`decision.${d.kind}`, { defaultValue: d.kind }) : '',
    grade: typeof d.grade === 'string' ? t(`sim.fire.grade.${d.grade}`, { defaultValue: d.grade }) : d.grade,
  };
}

/**
 * What a slide's report says beyond the slide itself — where its people were sheltered, that
 * some have no shelter, that the village needs relief — never how many (the fog keeps the
 * counts). Empty for reports that say none of it (older drills). Pure given `t`.
 */
function slideDetails(d: Record<string, unknown>, names: MapNames, lang: Lang, t: Translate): string {
  const zh = lang === 'zh';
  const shelters = Array.isArray(d.shelters) ? d.shelters.map((x) => names.name('shelter', x, lang)).join(zh ? '、' : ', ') : '';
  // the catalogues may lack these keys: each falls back to its own text in the viewer's language
  return [
    shelters ? t('intel.sheltered', { shelters, defaultValue: zh ? '；群众已安置到{{shelters}}' : '; people sheltered at {{shelters}}' }) : '',
    d.unsheltered === true ? t('intel.unsheltered', { defaultValue: zh ? '；部分群众无处安置' : '; some people have no shelter' }) : '',
    d.needsRelief === true ? t('intel.needsRelief', { defaultValue: zh ? '；需要救助' : '; relief needed' }) : '',
  ].join('');
}

/** One line for a decision, with names (e.g. "派出 县救援队 救援 石佛滑坡点"). Pure given `t`. */
export function describeDecision(d: Decision, names: MapNames, lang: Lang, t: Translate): string {
  switch (d.kind) {
    case 'issueWarning':
      return t('decision.issueWarningLine', { level: t(`warning.${d.level}`) });
    case 'setResponseLevel':
      return d.level === 'ended' ? t('decision.endResponseLine') : t('decision.setResponseLevelLine', { level: t(`level.${d.level}`) });
    case 'dispatchTeam':
      return t('decision.dispatchTeamLine', {
        team: names.name('team', d.team, lang),
        task: t(`task.${d.task.kind}`),
        target: d.task.kind === 'clear' ? names.name('link', d.task.link, lang) : names.name('site', d.task.site, lang),
      });
    case 'evacuate':
      return t('decision.evacuateLine', { site: names.name('site', d.site, lang) });
    case 'openShelter':
      return t('decision.openShelterLine', { shelter: names.name('shelter', d.shelter, lang) });
    case 'releaseStock':
      return t('decision.releaseStockLine', {
        warehouse: names.name('warehouse', d.warehouse, lang),
        village: names.name('village', d.village, lang),
        items: Object.entries(d.items)
          .filter(([, n]) => n > 0)
          .map(([id, n]) => `${names.name('item', id, lang)} ${n}`)
          .join(lang === 'zh' ? '、' : ', '),
      });
    case 'requestResupply':
      return t('decision.requestResupplyLine', { warehouse: names.name('warehouse', d.warehouse, lang) });
    case 'situationReport':
      return t('decision.situationReportLine', { text: d.text });
    default:
      return t('feed.unknown', { kind: (d as { kind: string }).kind });
  }
}

/**
 * One readable line for a drill-log record: an engine event, an inject, a report, an action,
 * a phase change. Unknown engine events fall back to their type and fields. Pure given `t`.
 */
export function describeRecord(e: EventFrame, names: MapNames, lang: Lang, t: Translate): string {
  const d = e.data;
  switch (e.kind) {
    case 'sim': {
      const type = String(d.type);
      const key = `sim.${type}`;
      const line = t(key, { ...simParams(d, names, lang, t), defaultValue: MISSING });
      if (line !== MISSING) return line;
      const { seq: _s, t: _t, type: _ty, ...rest } = d;
      return `${type} ${JSON.stringify(rest)}`;
    }
    case 'inject':
      return t('feed.inject', { title: pickText(d.title as { zh: string; en: string }, lang), how: t(`how.${String(d.how)}`, { defaultValue: String(d.how) }) });
    case 'intel':
      return d.what === 'roadCut'
        ? t('intel.roadCut', { link: names.name('link', d.link, lang), trunk: d.trunk ? t('feed.trunk') : '' })
        : t('intel.siteFailed', { site: names.name('site', d.site, lang), village: names.name('village', d.village, lang) }) + slideDetails(d, names, lang, t);
    case 'action': {
      const line = describeDecision(d.decision as Decision, names, lang, t);
      const who = names.name('position', d.position, lang);
      if (d.result === 'accepted') return t('feed.actionAccepted', { who, line });
      const err = d.error as { zh: string; en: string } | undefined;
      return t('feed.actionRejected', { who, line, error: err ? pickText(err, lang) : '' });
    }
    case 'phase':
      return t('feed.phase', { to: t(`phase.${String(d.to)}`), reason: d.reason ? t(`reason.${String(d.reason)}`, { defaultValue: String(d.reason) }) : '' });
    case 'clock':
      return t('feed.clock', { speed: d.speed });
    case 'commitment':
      return t('feed.commitment', { commitment: String(d.commitment).slice(0, 16) });
    case 'participant':
      return t('feed.participant', { name: d.name, role: t(`role.${String(d.role)}`), position: d.position ? names.name('position', d.position, lang) : '' });
    case 'ack':
      return t('feed.ack', { who: names.name('position', d.position, lang), key: String(d.key).replace(/^inject:/, '') });
    case 'note':
      return t('feed.note', { name: d.name, text: d.text });
    case 'reveal':
      return t('feed.reveal');
    case 'recovered':
      return t('feed.recovered');
    case 'created':
      return t('feed.created', { title: d.title });
    case 'injectScript':
      return t('feed.injectScript', { key: String(d.key) });
    default:
      return String(e.kind);
  }
}
