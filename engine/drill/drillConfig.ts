import * as z from 'zod';
import type { Scenario } from '../scenario/schema/scenario.ts';
import type { Decision } from '../sim/decision.ts';
import { EVENT_SLOTS, slotsOf } from './injectSlots.ts';

/** Decision kinds a trainee may take (engine/sim/decision.ts), plus acknowledging an inject. */
export const DECISION_KINDS = [
  'issueWarning',
  'setResponseLevel',
  'dispatchTeam',
  'evacuate',
  'openShelter',
  'releaseStock',
  'requestResupply',
  'situationReport',
] as const satisfies readonly Decision['kind'][];
export type DecisionKind = (typeof DECISION_KINDS)[number];

const Id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]*$/).max(64);
/** A user-facing text: Chinese first; English optional (falls back to the Chinese). */
export const DrillText = z.strictObject({ zh: z.string().min(1).max(2000), en: z.string().min(1).max(2000).optional() });
export type DrillText = z.infer<typeof DrillText>;

/**
 * A trainee position (岗位): what it may decide and which resources are its own. Its
 * jurisdiction ('county' or township ids) decides which local reports reach it.
 */
export const Position = z.strictObject({
  id: Id,
  name: DrillText,
  jurisdiction: z.union([z.literal('county'), z.array(Id).max(200)]),
  teams: z.array(Id).max(200).default([]),
  warehouses: z.array(Id).max(200).default([]),
  shelters: z.array(Id).max(200).default([]),
  may: z.array(z.enum(DECISION_KINDS)).max(DECISION_KINDS.length),
});
export type Position = z.infer<typeof Position>;

/** 评估目标 (AQ/T 9009 execution items); metrics and expected actions are scored against them. */
export const Objective = z.strictObject({ id: Id, name: DrillText, weight: z.number().gt(0).max(100).default(1) });
export type Objective = z.infer<typeof Objective>;

const FromTrigger = z.union([z.literal('trigger'), z.array(Id).min(1).max(200)]);

/**
 * Which object the expected decision must name to be right (every key given must hold; see
 * engine/drill/evaluateExpected.ts). `'trigger'`: the object of the engine event that triggered
 * the inject (the failed site, its village or township, the cut link), or what the director
 * picked to fill it when releasing it by hand; a list: one of these ids. `level`: `'signal'` a
 * warning at least as high as the weather office's signal in force, `'ladder'` a response at
 * least as high as the scenario's response ladder calls for from the log at that moment, or a
 * list of accepted levels.
 */
export const ExpectedTarget = z.strictObject({
  site: FromTrigger.optional(),
  village: FromTrigger.optional(),
  township: FromTrigger.optional(),
  link: FromTrigger.optional(),
  task: z.enum(['clear', 'rescue', 'suppress']).optional(),
  team: z.array(Id).min(1).max(200).optional(),
  warehouse: z.array(Id).min(1).max(200).optional(),
  shelter: z.array(Id).min(1).max(200).optional(),
  level: z.union([z.enum(['signal', 'ladder']), z.array(z.enum(['blue', 'yellow', 'orange', 'red', 'IV', 'III', 'II', 'I'])).min(1).max(4)]).optional(),
});
export type ExpectedTarget = z.infer<typeof ExpectedTarget>;

/** An action the script expects after an inject, within a time limit (simulated minutes). */
export const ExpectedAction = z.strictObject({
  id: Id,
  label: DrillText,
  action: z.enum([...DECISION_KINDS, 'acknowledge']),
  withinMin: z.number().gt(0).max(60 * 24 * 30),
  /** positions that may fulfil it (default: the inject's recipients) */
  positions: z.array(Id).max(200).optional(),
  objective: Id.optional(),
  /** the right object (the cut road, the failed site's village, the level …); absent: any object of the kind */
  target: ExpectedTarget.optional(),
});
export type ExpectedAction = z.infer<typeof ExpectedAction>;

/**
 * When an inject fires: at T+offset (simulated minutes from the scenario start), on the first
 * engine event of a type whose fields match (e.g. `road.cut` with `trunk: true`), or only when
 * a director releases it.
 */
export const Trigger = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('at'), offsetMin: z.number().min(0).max(60 * 24 * 365) }),
  z.strictObject({
    kind: z.literal('on'),
    event: z.string().regex(/^[a-z]+\.[A-Za-z]+$/).max(40),
    match: z.record(z.string().max(40), z.union([z.string().max(200), z.number(), z.boolean()])).optional(),
    delayMin: z.number().min(0).max(60 * 24 * 30).default(0),
  }),
  z.strictObject({ kind: z.literal('manual') }),
]);
export type Trigger = z.infer<typeof Trigger>;

/** An inject (情景事件) of the MSEL. `to` empty means every position. */
export const Inject = z.strictObject({
  id: Id,
  title: DrillText,
  body: DrillText,
  channel: z.enum(['phone', 'sms', 'radio', 'written', 'video']),
  to: z.array(Id).max(200).default([]),
  trigger: Trigger,
  expected: z.array(ExpectedAction).max(20).default([]),
  /** 双盲: chance that it is in the drawn schedule at all, and ± jitter of a T+offset (minutes) */
  blind: z.strictObject({ probability: z.number().min(0).max(1).default(1), jitterMin: z.number().min(0).max(60 * 24).default(0) }).optional(),
});
export type Inject = z.infer<typeof Inject>;

/** 双盲 bounds set by the trainer; the server draws within them from the drill seed. */
export const BlindBounds = z.strictObject({
  /** wall-clock window (ISO 8601) in which the drill starts by itself once briefed */
  startWindow: z.strictObject({ from: z.iso.datetime({ offset: true }), to: z.iso.datetime({ offset: true }) }).optional(),
  /** how many hazard sites fail, and which must or must not */
  failures: z
    .strictObject({
      min: z.number().int().min(0).max(10_000).optional(),
      max: z.number().int().min(0).max(10_000).optional(),
      include: z.array(Id).max(200).default([]),
      exclude: z.array(Id).max(200).default([]),
    })
    .optional(),
  /** candidate engine seeds tried before giving up (each is one dry run of the physical chain) */
  maxDraws: z.number().int().min(1).max(500).default(100),
  /** the director also sees the script only as it is released */
  selfBlind: z.boolean().default(false),
});
export type BlindBounds = z.infer<typeof BlindBounds>;

/** Time limits for the log-derived metrics, in simulated minutes (defaults: see DEFAULT_LIMITS). */
export const Limits = z.strictObject({
  warningMin: z.number().gt(0).max(10_000).default(60),
  reportMin: z.number().gt(0).max(10_000).default(60),
  dispatchMin: z.number().gt(0).max(10_000).default(60),
});

export const DrillConfig = z.strictObject({
  positions: z.array(Position).min(1).max(100),
  injects: z.array(Inject).max(500),
  objectives: z.array(Objective).min(1).max(50),
  /** minutes after a slide or a cut before it is reported to the positions concerned */
  reportDelayMin: z.number().min(0).max(24 * 60).default(20),
  limits: Limits.default({ warningMin: 60, reportMin: 60, dispatchMin: 60 }),
  blind: BlindBounds.optional(),
});
export type DrillConfig = z.infer<typeof DrillConfig>;
/** What a trainer sends: every part optional, filled from the scenario by `completeConfig`. */
export type DrillConfigInput = Partial<z.input<typeof DrillConfig>>;

const t = (zh: string, en: string): DrillText => ({ zh, en });

/**
 * Default objectives, after the execution items of the AQ/T 9009-2015 annex (standards-cn §6.6
 * E-3): 预警与信息报告, 指挥和协调, 事故处置, 应急资源管理, 人员保护.
 */
export const DEFAULT_OBJECTIVES: Objective[] = [
  { id: 'warn-report', name: t('预警与信息报告', 'Warning and reporting'), weight: 1 },
  { id: 'command', name: t('指挥和协调', 'Command and coordination'), weight: 1 },
  { id: 'operations', name: t('事故处置（抢险救援、道路抢通）', 'Operations (rescue, road clearing)'), weight: 1 },
  { id: 'resources', name: t('应急资源管理（物资保障）', 'Resource management (relief)'), weight: 1 },
  { id: 'protection', name: t('人员保护（转移避险）', 'Protecting people (evacuation)'), weight: 1 },
];

/**
 * Default positions from a scenario: the county emergency bureau (县应急管理局) holds every
 * county-level team, store and shelter and may decide everything; each township (乡镇) holds
 * the teams, stores and shelters at its own node and may evacuate, open shelters, release
 * its stock, dispatch its teams and report. Pure.
 */
export function defaultPositions(s: Scenario): Position[] {
  const nodeTownship = new Map(s.region.townships.map((tw) => [tw.node, tw.id]));
  const owner = (node: string) => nodeTownship.get(node);
  const local = (tw: string) => ({
    teams: s.teams.filter((x) => x.tier !== 'county' && owner(x.node) === tw).map((x) => x.id),
    warehouses: s.reserves.warehouses.filter((x) => x.tier !== 'county' && owner(x.node) === tw).map((x) => x.id),
    shelters: s.shelters.filter((x) => owner(x.node) === tw).map((x) => x.id),
  });
  const townships = s.region.townships.map((tw) => ({ tw, ...local(tw.id) }));
  const taken = new Set(townships.flatMap((x) => [...x.teams, ...x.warehouses, ...x.shelters]));
  const county: Position = {
    id: 'county-eb',
    name: t('县应急管理局（县应急指挥部）', 'County emergency management bureau'),
    jurisdiction: 'county',
    teams: s.teams.filter((x) => !taken.has(x.id)).map((x) => x.id),
    warehouses: s.reserves.warehouses.filter((x) => !taken.has(x.id)).map((x) => x.id),
    shelters: s.shelters.filter((x) => !taken.has(x.id)).map((x) => x.id),
    may: [...DECISION_KINDS],
  };
  return [
    county,
    ...townships.map(({ tw, teams, warehouses, shelters }) => ({
      id: `twp-${tw.id}`,
      name: { zh: `${tw.name.zh}人民政府`, en: `${tw.name.en} government` },
      jurisdiction: [tw.id],
      teams,
      warehouses,
      shelters,
      may: ['evacuate', 'openShelter', 'releaseStock', 'requestResupply', 'dispatchTeam', 'situationReport'] as DecisionKind[],
    })),
  ];
}

/**
 * A default MSEL for a rainstorm chain: the duty officer's call at T+0, the village's report
 * of a slide, the transport bureau's report of a cut trunk road, and a media inquiry held for
 * manual release. Pure.
 */
export function defaultInjects(s: Scenario): Inject[] {
  const hasTarget = (kind: string) => s.targets.find((x) => x.kind === kind);
  const responseMin = (hasTarget('responseWithin')?.hours ?? 2) * 60;
  return [
    {
      id: 'inj-duty-call',
      title: t('值班电话：气象台暴雨提示', 'Duty phone: rainstorm advisory'),
      body: t(
        '县气象台来电：未来数小时本县有强降雨过程，局地可能出现暴雨。请研判并按预案做好预警和防范工作。',
        'The county weather office calls: heavy rain is expected within hours, locally a rainstorm. Assess and prepare warnings as the plan requires.',
      ),
      channel: 'phone',
      to: [],
      trigger: { kind: 'at', offsetMin: 0 },
      expected: [
        { id: 'ack-call', label: t('确认收到', 'Acknowledge'), action: 'acknowledge', withinMin: 15, objective: 'warn-report' },
        { id: 'warn', label: t('发布预警', 'Issue a warning'), action: 'issueWarning', withinMin: 120, objective: 'warn-report', target: { level: 'signal' } },
      ],
    },
    {
      id: 'inj-slide-report',
      title: t('村委会报告：发生滑坡', 'Village committee: landslide'),
      body: t('村委会电话报告：{site}发生地质灾害，{village}有群众受灾，情况正在核实。', 'The village committee reports a slope failure at {site}; people in {village} are affected, details being checked.'),
      channel: 'phone',
      to: [],
      trigger: { kind: 'on', event: 'site.failed', delayMin: 15 },
      expected: [
        { id: 'sitrep', label: t('上报灾情', 'Send a situation report'), action: 'situationReport', withinMin: 60, objective: 'warn-report' },
        { id: 'activate', label: t('启动应急响应', 'Activate the response'), action: 'setResponseLevel', withinMin: responseMin, objective: 'command', target: { level: 'ladder' } },
        { id: 'rescue', label: t('派出救援队伍', 'Dispatch a rescue team'), action: 'dispatchTeam', withinMin: 60, objective: 'operations', target: { task: 'rescue', site: 'trigger' } },
      ],
    },
    {
      id: 'inj-trunk-cut',
      title: t('交通局报告：干线公路中断', 'Transport bureau: trunk road cut'),
      body: t('县交通运输局报告：{link}因滑坡中断，车辆无法通行。', 'The county transport bureau reports {link} blocked by a slide; no traffic can pass.'),
      channel: 'written',
      to: [],
      trigger: { kind: 'on', event: 'road.cut', match: { trunk: true }, delayMin: 10 },
      expected: [{ id: 'clear', label: t('派队抢通道路', 'Send a team to clear the road'), action: 'dispatchTeam', withinMin: 60, objective: 'operations', target: { task: 'clear', link: 'trigger' } }],
    },
    {
      id: 'inj-media',
      title: t('媒体询问', 'Media inquiry'),
      body: t('市电视台记者来电询问灾情和群众安置情况，要求一小时内答复。', 'A city TV reporter asks about the damage and the shelters and wants an answer within an hour.'),
      channel: 'phone',
      to: ['county-eb'],
      trigger: { kind: 'manual' },
      expected: [{ id: 'media-report', label: t('发布情况通报', 'Publish a situation statement'), action: 'situationReport', withinMin: 60, objective: 'warn-report' }],
    },
  ];
}

export type ConfigProblem = { path: string; message: string };

/**
 * Fills a trainer's partial config from the scenario (default positions, MSEL and objectives),
 * validates it and checks every reference (positions, teams, stores, shelters, sites,
 * objectives). Pure.
 */
export function completeConfig(s: Scenario, input: unknown): { ok: true; config: DrillConfig } | { ok: false; problems: ConfigProblem[] } {
  const raw = (input ?? {}) as Record<string, unknown>;
  if (typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, problems: [{ path: '', message: 'config must be an object' }] };
  const filled = {
    ...raw,
    positions: raw.positions ?? defaultPositions(s),
    injects: raw.injects ?? defaultInjects(s),
    objectives: raw.objectives ?? DEFAULT_OBJECTIVES,
  };
  const parsed = DrillConfig.safeParse(filled);
  if (!parsed.success)
    return { ok: false, problems: parsed.error.issues.slice(0, 50).map((i) => ({ path: i.path.join('.'), message: i.message })) };
  const c = parsed.data;
  const problems: ConfigProblem[] = [];
  const ids = (xs: readonly { id: string }[]) => new Set(xs.map((x) => x.id));
  const teams = ids(s.teams), whs = ids(s.reserves.warehouses), shelters = ids(s.shelters), sites = ids(s.hazardSites);
  const townships = ids(s.region.townships), positions = ids(c.positions), objectives = ids(c.objectives);
  const dup = (xs: readonly { id: string }[], where: string) => {
    const seen = new Set<string>();
    xs.forEach((x, i) => (seen.has(x.id) ? problems.push({ path: `${where}.${i}.id`, message: `duplicate id ${x.id}` }) : seen.add(x.id)));
  };
  dup(c.positions, 'positions');
  dup(c.injects, 'injects');
  dup(c.objectives, 'objectives');
  c.positions.forEach((p, i) => {
    const check = (list: string[], known: Set<string>, key: string) =>
      list.forEach((id, k) => known.has(id) || problems.push({ path: `positions.${i}.${key}.${k}`, message: `unknown ${key.replace(/s$/, '')} ${id}` }));
    check(p.teams, teams, 'teams');
    check(p.warehouses, whs, 'warehouses');
    check(p.shelters, shelters, 'shelters');
    if (p.jurisdiction !== 'county') check(p.jurisdiction, townships, 'jurisdiction');
  });
  c.injects.forEach((inj, i) => {
    // a placeholder must have something to fill it: the triggering event's fields, or (manual
    // release) the names the director picks; a scheduled inject has neither
    const slots = slotsOf(inj);
    const tr = inj.trigger;
    const fillable = tr.kind === 'manual' ? slots : tr.kind === 'on' ? (EVENT_SLOTS[tr.event] ?? []) : [];
    const holes = slots.filter((k) => !fillable.includes(k));
    if (holes.length)
      problems.push({
        path: `injects.${i}.body`,
        message: `{${holes.join('}, {')}} cannot be filled by a ${tr.kind === 'on' ? `${tr.event} event` : 'scheduled release'}; name the place in the text or trigger it by an event that carries it`,
      });
    inj.to.forEach((p, k) => positions.has(p) || problems.push({ path: `injects.${i}.to.${k}`, message: `unknown position ${p}` }));
    inj.expected.forEach((e, k) => {
      if (e.target) problems.push(...targetProblems(s, inj, e.action, e.target, `injects.${i}.expected.${k}.target`));
      if (e.objective && !objectives.has(e.objective)) problems.push({ path: `injects.${i}.expected.${k}.objective`, message: `unknown objective ${e.objective}` });
      e.positions?.forEach((p, m) => positions.has(p) || problems.push({ path: `injects.${i}.expected.${k}.positions.${m}`, message: `unknown position ${p}` }));
    });
  });
  const f = c.blind?.failures;
  if (f) {
    [...f.include, ...f.exclude].forEach((id) => sites.has(id) || problems.push({ path: 'blind.failures', message: `unknown hazard site ${id}` }));
    if (f.min !== undefined && f.max !== undefined && f.min > f.max) problems.push({ path: 'blind.failures', message: 'min > max' });
  }
  const w = c.blind?.startWindow;
  if (w && Date.parse(w.from) > Date.parse(w.to)) problems.push({ path: 'blind.startWindow', message: 'from is after to' });
  return problems.length ? { ok: false, problems } : { ok: true, config: c };
}

/** Which expected-action target keys each decision kind can name. */
const TARGET_KEYS: Readonly<Record<string, readonly (keyof ExpectedTarget)[]>> = {
  dispatchTeam: ['site', 'village', 'township', 'link', 'task', 'team'],
  evacuate: ['site', 'village', 'township'],
  releaseStock: ['village', 'township', 'warehouse'],
  requestResupply: ['warehouse'],
  openShelter: ['shelter'],
  issueWarning: ['level'],
  setResponseLevel: ['level'],
};
const WARNING_LEVEL_IDS = ['blue', 'yellow', 'orange', 'red'];

/**
 * An expected action's target checked against its kind, the scenario and the inject: each key
 * fits the decision kind, ids exist, `'trigger'` has something to come from (the trigger event
 * carries it, or a placeholder of the text makes the director pick it), levels fit the kind. Pure.
 */
function targetProblems(s: Scenario, inj: Inject, action: string, tg: ExpectedTarget, path: string): ConfigProblem[] {
  const out: ConfigProblem[] = [];
  const allowed = TARGET_KEYS[action] ?? [];
  const known: Record<string, ReadonlySet<string>> = {
    site: new Set(s.hazardSites.map((x) => x.id)),
    village: new Set(s.region.villages.map((x) => x.id)),
    township: new Set(s.region.townships.map((x) => x.id)),
    link: new Set(s.roads.links.map((x) => x.id)),
    team: new Set(s.teams.map((x) => x.id)),
    warehouse: new Set(s.reserves.warehouses.map((x) => x.id)),
    shelter: new Set(s.shelters.map((x) => x.id)),
  };
  const slots = slotsOf(inj);
  const fromEvent = inj.trigger.kind === 'on' ? (EVENT_SLOTS[inj.trigger.event] ?? []) : [];
  for (const [k, v] of Object.entries(tg) as [keyof ExpectedTarget, unknown][]) {
    if (v === undefined) continue;
    if (!allowed.includes(k)) {
      out.push({ path: `${path}.${k}`, message: `a ${action} decision names no ${k}` });
      continue;
    }
    if (v === 'trigger') {
      if (!(fromEvent as readonly string[]).includes(k) && !(slots as string[]).includes(k))
        out.push({ path: `${path}.${k}`, message: `'trigger' needs a ${k}: trigger the inject by an event that carries one, or put {${k}} in its text so the director picks it` });
    } else if (Array.isArray(v) && known[k]) v.forEach((id: string, m) => known[k]!.has(id) || out.push({ path: `${path}.${k}.${m}`, message: `unknown ${k} ${id}` }));
  }
  const lv = tg.level;
  if (lv !== undefined && allowed.includes('level')) {
    const warning = action === 'issueWarning';
    if ((lv === 'signal' && !warning) || (lv === 'ladder' && warning)) out.push({ path: `${path}.level`, message: `'${lv}' is for ${warning ? 'setResponseLevel' : 'issueWarning'}` });
    if (Array.isArray(lv)) lv.forEach((x, m) => WARNING_LEVEL_IDS.includes(x) === warning || out.push({ path: `${path}.level.${m}`, message: `${x} is not a ${warning ? 'warning' : 'response'} level` }));
  }
  if (tg.task && action === 'dispatchTeam' && tg.link && tg.task !== 'clear') out.push({ path: `${path}.task`, message: 'a road is cleared: task must be clear with link' });
  return out;
}

/** Picks the text in a language, falling back to Chinese. Pure. */
export function pick(text: DrillText, lang: 'zh' | 'en'): string {
  return lang === 'en' ? (text.en ?? text.zh) : text.zh;
}
