import type { LogEvent } from '../sim/eventLog.ts';
import type { Decision } from '../sim/decision.ts';
import type { DrillRecord } from './records.ts';
import { LEVEL_NAMES, WARNING_NAMES, type DrillNames, type Name } from './names.ts';

/**
 * Sentences for the after-action report: what a county office reads instead of event types and
 * JSON ("T+5:42 县应急管理局发布暴雨橙色预警"). Pure; names come from `DrillNames`.
 */

/** "T+5:42" for simulated minutes. Pure. */
export function simClock(min: number): string {
  const h = Math.floor(min / 60);
  return `T+${h}:${String(Math.floor(min - h * 60)).padStart(2, '0')}`;
}

const PHASE: Record<string, Name> = {
  draft: { zh: '草稿', en: 'draft' },
  briefing: { zh: '情况介绍', en: 'briefing' },
  running: { zh: '推演', en: 'running' },
  paused: { zh: '暂停', en: 'paused' },
  ended: { zh: '结束', en: 'ended' },
  debriefed: { zh: '复盘', en: 'debriefed' },
};

/** How an inject went out, in words (`scheduled`/`manual` never reach the page). */
export const HOW_NAMES: Readonly<Record<string, Name>> = {
  scheduled: { zh: '按时间表发布', en: 'on schedule' },
  conditional: { zh: '条件触发', en: 'on its event' },
  manual: { zh: '导调手动发布', en: 'released by hand' },
  adhoc: { zh: '临机导调', en: 'ad hoc' },
};

const CHANNEL: Record<string, Name> = {
  phone: { zh: '电话', en: 'phone' },
  sms: { zh: '短信', en: 'SMS' },
  radio: { zh: '电台', en: 'radio' },
  written: { zh: '书面', en: 'written' },
  video: { zh: '视频', en: 'video' },
};
export const channelName = (c: unknown): Name => CHANNEL[String(c)] ?? { zh: String(c), en: String(c) };

/** One engine event as a sentence, or null when it is not worth a line. Pure. */
export function eventSentence(n: DrillNames, e: LogEvent): Name | null {
  const id = (k: string) => ({ zh: n.name(e[k], 'zh'), en: n.name(e[k], 'en') });
  switch (e.type) {
    case 'warning.changed': {
      const w = WARNING_NAMES[String(e.to)];
      return e.to === 'none' ? { zh: '气象台解除暴雨预警信号', en: 'the weather office lifted its rainstorm signal' } : { zh: `气象台发布${w?.zh ?? e.to}信号`, en: `the weather office issued a ${w?.en ?? e.to} signal` };
    }
    case 'site.failed': {
      const s = id('site');
      return { zh: `${s.zh}发生地质灾害${e.evacuated ? '（群众已提前转移）' : ''}`, en: `${s.en} failed${e.evacuated ? ' (its people had been moved)' : ''}` };
    }
    case 'site.evacuated':
      return { zh: `${id('site').zh}受威胁群众完成转移`, en: `people threatened by ${id('site').en} were moved` };
    case 'road.cut':
      return { zh: `${id('link').zh}${e.trunk ? '（干线）' : ''}因滑坡中断`, en: `${id('link').en}${e.trunk ? ' (trunk)' : ''} was cut by a slide` };
    case 'road.reopened':
      return { zh: `${id('link').zh}恢复通行`, en: `${id('link').en} reopened` };
    case 'response.changed': {
      const to = String(e.to);
      return to === 'ended' ? { zh: '应急响应终止', en: 'the response ended' } : { zh: `${LEVEL_NAMES[to]?.zh ?? to}启动`, en: `${LEVEL_NAMES[to]?.en ?? to} in force` };
    }
    case 'team.dispatched':
      return {
        zh: `${id('team').zh}出发${e.task === 'clear' ? `抢通${n.name(e.target, 'zh')}` : e.task === 'rescue' ? `赴${n.name(e.target, 'zh')}救援` : `赴${n.name(e.target, 'zh')}`}`,
        en: `${id('team').en} set off ${e.task === 'clear' ? `to clear ${n.name(e.target, 'en')}` : `for ${n.name(e.target, 'en')}`}`,
      };
    case 'team.arrived':
      return { zh: `${id('team').zh}到达现场`, en: `${id('team').en} arrived` };
    case 'team.taskDone':
      return { zh: `${id('team').zh}完成任务`, en: `${id('team').en} finished its task` };
    case 'relief.first':
      return { zh: `${id('village').zh}受灾群众得到初步救助`, en: `first relief reached ${id('village').en}` };
    case 'stock.out':
      return { zh: `${id('warehouse').zh}${n.name(e.item, 'zh')}告罄`, en: `${id('warehouse').en} ran out of ${n.name(e.item, 'en')}` };
    case 'shelter.admitted':
      return { zh: `${id('shelter').zh}接收转移群众`, en: `${id('shelter').en} took people in` };
    case 'report.submitted':
      return { zh: `${n.name(e.by, 'zh')}报送灾情`, en: `${n.name(e.by, 'en')} sent a situation report` };
    default:
      return null;
  }
}

/** A drill record (not an engine event) as a sentence, or null. Pure. */
export function recordSentence(n: DrillNames, r: DrillRecord, people: (participant: unknown) => string): Name | null {
  const d = r.data;
  switch (r.kind) {
    case 'phase': {
      const to = PHASE[String(d.to)] ?? { zh: String(d.to), en: String(d.to) };
      const why = d.reason === 'horizon' ? { zh: '（到达推演时长）', en: ' (horizon reached)' } : d.reason === 'blindStart' ? { zh: '（双盲抽取的时刻）', en: ' (at the drawn moment)' } : { zh: '', en: '' };
      const by = d.by ? people(d.by) : '';
      return { zh: `${by ? `${by}：` : ''}演练进入“${to.zh}”阶段${why.zh}`, en: `${by ? `${by}: ` : ''}the drill entered ${to.en}${why.en}` };
    }
    case 'inject': {
      const title = d.title as Name;
      const to = Array.isArray(d.to) && d.to.length ? (d.to as string[]).map((p) => n.name(p)).join('、') : '全部岗位';
      const toEn = Array.isArray(d.to) && d.to.length ? (d.to as string[]).map((p) => n.name(p, 'en')).join(', ') : 'every position';
      return { zh: `以${channelName(d.channel).zh}向${to}发出情景事件“${title?.zh}”`, en: `inject "${title?.en ?? title?.zh}" sent by ${channelName(d.channel).en} to ${toEn}` };
    }
    case 'action': {
      const pos = { zh: n.name(d.position), en: n.name(d.position, 'en') };
      const dec = d.decision as Decision;
      if (d.result === 'accepted') return { zh: `${pos.zh}${n.decision(dec, 'zh')}`, en: `${pos.en} ${n.decision(dec, 'en')}` };
      const err = d.error as Name | null;
      return { zh: `${pos.zh}拟${n.decision(dec, 'zh')}，未执行：${err?.zh ?? ''}`, en: `${pos.en} tried to ${n.decision(dec, 'en')}; refused: ${err?.en ?? ''}` };
    }
    case 'note':
      return { zh: `评估人员${String(d.name ?? '')}记录：${String(d.text)}`, en: `evaluator ${String(d.name ?? '')} noted: ${String(d.text)}` };
    default:
      return null;
  }
}

/** The ids a decision acts on (its team, road, site, store, village, shelter). Pure. */
export function decisionObjects(d: Decision): string[] {
  switch (d.kind) {
    case 'dispatchTeam':
      return [d.team, d.task.kind === 'clear' ? d.task.link : d.task.site];
    case 'evacuate':
      return [d.site];
    case 'openShelter':
      return [d.shelter];
    case 'releaseStock':
      return [d.warehouse, d.village];
    case 'requestResupply':
      return [d.warehouse];
    default:
      return [];
  }
}
