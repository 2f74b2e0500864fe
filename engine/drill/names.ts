import type { Scenario } from '../scenario/schema/scenario.ts';
import type { Decision } from '../sim/decision.ts';
import type { DrillConfig } from './drillConfig.ts';
import { linkNameFromEnds } from './injectSlots.ts';

/** A name in both languages. */
export type Name = { zh: string; en: string };

/** What a person calls each decision kind (and acknowledging an inject). */
export const DECISION_NAMES: Readonly<Record<Decision['kind'] | 'acknowledge', Name>> = {
  issueWarning: { zh: '发布预警', en: 'issue a warning' },
  setResponseLevel: { zh: '调整应急响应级别', en: 'set the response level' },
  dispatchTeam: { zh: '派出队伍', en: 'dispatch a team' },
  evacuate: { zh: '组织转移', en: 'evacuate' },
  openShelter: { zh: '开放避难场所', en: 'open a shelter' },
  releaseStock: { zh: '调拨物资', en: 'release stock' },
  requestResupply: { zh: '申请补充物资', en: 'request resupply' },
  situationReport: { zh: '报送灾情', en: 'send a situation report' },
  acknowledge: { zh: '确认收到', en: 'acknowledge' },
};

export const WARNING_NAMES: Readonly<Record<string, Name>> = {
  blue: { zh: '暴雨蓝色预警', en: 'blue rainstorm warning' },
  yellow: { zh: '暴雨黄色预警', en: 'yellow rainstorm warning' },
  orange: { zh: '暴雨橙色预警', en: 'orange rainstorm warning' },
  red: { zh: '暴雨红色预警', en: 'red rainstorm warning' },
  none: { zh: '解除预警', en: 'warning lifted' },
};

export const LEVEL_NAMES: Readonly<Record<string, Name>> = {
  IV: { zh: 'Ⅳ级应急响应', en: 'Level IV response' },
  III: { zh: 'Ⅲ级应急响应', en: 'Level III response' },
  II: { zh: 'Ⅱ级应急响应', en: 'Level II response' },
  I: { zh: 'Ⅰ级应急响应', en: 'Level I response' },
  ended: { zh: '终止应急响应', en: 'response ended' },
  none: { zh: '未启动响应', en: 'no response' },
};

/**
 * Display names for every id a drill shows a person: positions, teams, stores, shelters, sites,
 * villages, townships, road links (named from their ends when the scenario gives none) and
 * items. Built once per drill; pure. An unknown id is returned as itself.
 */
export class DrillNames {
  private readonly byId = new Map<string, Name>();

  constructor(
    private readonly s: Scenario,
    config?: Pick<DrillConfig, 'positions'>,
  ) {
    const put = (xs: readonly { id: string; name?: { zh: string; en?: string } }[]) => {
      for (const x of xs) if (x.name && !this.byId.has(x.id)) this.byId.set(x.id, { zh: x.name.zh, en: x.name.en ?? x.name.zh });
    };
    if (config) put(config.positions);
    put(s.teams);
    put(s.reserves.warehouses);
    put(s.shelters);
    put(s.hazardSites);
    put(s.region.villages);
    put(s.region.townships);
    put(s.reserves.items);
    for (const l of s.roads.links) this.byId.set(l.id, l.name ?? linkNameFromEnds(s, l.from, l.to));
  }

  /** The name of an id in a language; the id itself when nothing is called that. */
  name(id: unknown, lang: 'zh' | 'en' = 'zh'): string {
    if (typeof id !== 'string') return String(id ?? '');
    return this.byId.get(id)?.[lang] ?? id;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** A decision in words, e.g. "派出队伍 县综合救援队 抢通 良安镇—猫儿沟村 村道". */
  decision(d: Decision, lang: 'zh' | 'en' = 'zh'): string {
    const n = (id: string) => this.name(id, lang);
    const zh = lang === 'zh';
    switch (d.kind) {
      case 'issueWarning':
        return zh ? `发布${WARNING_NAMES[d.level]?.zh ?? d.level}` : `issued a ${WARNING_NAMES[d.level]?.en ?? d.level}`;
      case 'setResponseLevel':
        return d.level === 'ended' ? (zh ? '终止应急响应' : 'ended the response') : zh ? `启动${LEVEL_NAMES[d.level]?.zh ?? d.level}` : `set a ${LEVEL_NAMES[d.level]?.en ?? d.level}`;
      case 'dispatchTeam': {
        const task = d.task;
        const what =
          task.kind === 'clear' ? (zh ? `抢通${n(task.link)}` : `to clear ${n(task.link)}`) : task.kind === 'rescue' ? (zh ? `赴${n(task.site)}救援` : `to rescue at ${n(task.site)}`) : zh ? `赴${n(task.site)}扑火` : `to fight the fire at ${n(task.site)}`;
        return zh ? `派${n(d.team)}${what}` : `sent ${n(d.team)} ${what}`;
      }
      case 'evacuate':
        return zh ? `组织${n(d.site)}受威胁群众转移` : `evacuated the people threatened by ${n(d.site)}`;
      case 'openShelter':
        return zh ? `开放${n(d.shelter)}` : `opened ${n(d.shelter)}`;
      case 'releaseStock': {
        const items = Object.entries(d.items ?? {})
          .filter(([, q]) => q > 0)
          .map(([k, q]) => `${n(k)} ${q}`)
          .join(zh ? '、' : ', ');
        return zh ? `从${n(d.warehouse)}向${n(d.village)}调拨${items}` : `released ${items} from ${n(d.warehouse)} to ${n(d.village)}`;
      }
      case 'requestResupply':
        return zh ? `为${n(d.warehouse)}申请补充物资` : `requested resupply of ${n(d.warehouse)}`;
      case 'situationReport':
        return zh ? `报送灾情：“${clip(d.text, 80)}”` : `sent a situation report: "${clip(d.text, 80)}"`;
    }
  }

  /**
   * A refusal with the ids of the decision it refused replaced by their names, and decision
   * kinds by words (refusals come from the engine and the remit check with ids in them).
   */
  refusal<R extends { code: string; zh: string; en: string }>(r: R, d: unknown): R {
    const ids = new Set<string>();
    const walk = (x: unknown) => {
      if (typeof x === 'string') {
        if (this.byId.has(x)) ids.add(x);
      } else if (x && typeof x === 'object') for (const [k, v] of Object.entries(x)) (this.byId.has(k) && ids.add(k), walk(v));
    };
    walk(d);
    let zh = r.zh, en = r.en;
    // longest first, so an id that is a prefix of another is not replaced inside it
    for (const id of [...ids].sort((a, b) => b.length - a.length)) {
      zh = zh.split(id).join(`“${this.name(id, 'zh')}”`);
      en = en.split(id).join(`"${this.name(id, 'en')}"`);
    }
    for (const [k, v] of Object.entries(DECISION_NAMES)) {
      zh = zh.split(`（${k}）`).join(`（${v.zh}）`);
      en = en.split(` ${k}`).join(` ${v.en}`);
    }
    return { ...r, zh: zh.replace(/““|””/g, (m) => m[0]!).replace(/"""/g, '"'), en };
  }
}

function clip(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n)}…` : s;
}
