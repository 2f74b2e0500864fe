import type { Scenario } from '../scenario/schema/scenario.ts';
import type { TimedDecision } from '../sim/decision.ts';
import type { LogEvent } from '../sim/eventLog.ts';
import type { ModelLiveTrial } from '../model/modelLive.ts';
import { MODELS } from '../model/models.ts';
import type { TrialOutcome } from '../sim/outcome.ts';
import { ALL, STAFF, canSee, toPositions } from './audience.ts';
import { findPosition, positionMayDecide, type Refusal } from './authz.ts';
import { commitmentOf, configHash, drawSchedule, type CommitmentReveal, type DrillSchedule } from './blindDraw.ts';
import { canonicalJson } from './canonicalJson.ts';
import { parseDecision } from './decisionSchema.ts';
import { nextPhase, type DrillLifecycleEvent, type DrillPhase } from './drillLifecycle.machine.ts';
import type { DrillConfig, Inject } from './drillConfig.ts';
import { Fog } from './fog.ts';
import { DrillNames } from './names.ts';
import { MAX_SPEED, pauseClock, setClockSpeed, simNow, startClock, type PacedClock } from './pacedClock.ts';
import { completeFill, unfilled, SLOTS, type Slot, type SlotFill } from './injectSlots.ts';
import { Planner, injectAudience, injectRelease, type PlannedRelease } from './planner.ts';
import type { DrillRecord, NewRecord } from './records.ts';

/** What the server keeps of a session besides its log (one row; secret parts never sent). */
export interface SessionState {
  phase: DrillPhase;
  clock: PacedClock;
  /** simulated minute the engine has been run to (3 decimals) */
  engineNow: number;
  schedule: DrillSchedule | null;
  commitment: string | null;
  salt: string | null;
}

export interface SessionInit {
  scenario: Scenario;
  scenarioSha256: string;
  config: DrillConfig;
  drillSeed: number;
  maxSpeed?: number;
}

export type Result = { ok: true; records: NewRecord[] } | { ok: false; error: Refusal; records: NewRecord[] };

const refusal = (code: string, zh: string, en: string): Refusal => ({ code, zh, en });
/** Simulated minutes are kept to 1/1000 so that logged times replay exactly. */
const quantize = (t: number) => Math.floor(t * 1000 + 1e-6) / 1000;

export type ControlOp = 'brief' | 'start' | 'pause' | 'resume' | 'end' | 'debrief' | 'speed';
const OP_EVENT: Record<Exclude<ControlOp, 'speed'>, DrillLifecycleEvent['type']> = {
  brief: 'BRIEF',
  start: 'START',
  pause: 'PAUSE',
  resume: 'RESUME',
  end: 'END',
  debrief: 'DEBRIEF',
};

/**
 * One drill as it runs: the lifecycle statechart, the paced clock, the live engine trial, fog of
 * war and the inject planner. Every method takes the wall time (ms) and returns the records to
 * append to the drill log, in order; the caller persists them before anyone sees them. Pure
 * apart from its own state: no clock, no I/O, no randomness (the salt comes in from outside).
 */
export class DrillSession {
  private st: SessionState;
  private trial: ModelLiveTrial<'county'> | null = null;
  private fog: Fog;
  private planner: Planner | null = null;
  private readonly clientResults = new Map<string, { ok: boolean; error?: Refusal }>();
  private readonly acks = new Set<string>();
  /** audience of each released inject, by key (who may acknowledge it) */
  private readonly released = new Map<string, string>();
  private adhocCount = 0;
  /** engine events already turned into records (the hazard draw is logged before any advance) */
  private absorbed = 0;
  private readonly maxSpeed: number;
  /** display names of every id this drill may show a person */
  readonly names: DrillNames;

  constructor(
    readonly init: SessionInit,
    state: SessionState,
  ) {
    this.st = { ...state };
    this.fog = new Fog(init.scenario, init.config);
    this.maxSpeed = init.maxSpeed ?? MAX_SPEED;
    this.names = new DrillNames(init.scenario, init.config);
  }

  /** A new drill in draft. */
  static create(init: SessionInit, speed: number): DrillSession {
    const clock: PacedClock = { simAt: 0, wallAt: 0, speed: Math.min(Math.max(1, speed), init.maxSpeed ?? MAX_SPEED), running: false };
    return new DrillSession(init, { phase: 'draft', clock, engineNow: 0, schedule: null, commitment: null, salt: null });
  }

  get state(): SessionState {
    return { ...this.st };
  }
  get phase(): DrillPhase {
    return this.st.phase;
  }
  get horizon(): number {
    return this.init.scenario.horizonHours * 60;
  }
  get config(): DrillConfig {
    return this.init.config;
  }
  /** Ground-truth engine events so far (staff only). */
  get engineEvents(): readonly LogEvent[] {
    return this.trial?.events ?? [];
  }
  get decisions(): readonly TimedDecision[] {
    return this.trial?.decisions ?? [];
  }
  outcome(): TrialOutcome | null {
    return this.trial?.outcome() ?? null;
  }
  upcoming(): { key: string; atMin: number }[] {
    return this.planner?.upcoming() ?? [];
  }
  isReleased(injectId: string): boolean {
    return this.planner?.isDone(`inject:${injectId}`) ?? false;
  }
  /** Keys of the injects released so far (`inject:<id>`), the ones a trainee may acknowledge. */
  releasedKeys(): IterableIterator<string> {
    return this.released.keys();
  }

  /** Simulated minutes now (3 decimals), capped at the horizon. */
  simNow(wallMs: number): number {
    return Math.min(this.horizon, quantize(simNow(this.st.clock, wallMs)));
  }

  /** The reveal behind the commitment (secret until the debrief). */
  reveal(): CommitmentReveal | null {
    const s = this.st;
    if (!s.schedule || !s.salt) return null;
    return { v: 1, scenarioSha256: this.init.scenarioSha256, configSha256: configHash(this.init.config), drillSeed: this.init.drillSeed, schedule: s.schedule, salt: s.salt };
  }

  private startEngine(schedule: DrillSchedule): void {
    // the county model's live part (engine/model): the drill's session is the county's so far
    this.trial = MODELS.county.live!.create(this.init.scenario, schedule.engineSeed, { mode: 'manual' });
    this.fog = new Fog(this.init.scenario, this.init.config);
    this.planner = new Planner(this.init.scenario, this.init.config, schedule, this.fog);
  }

  /** Lifecycle and clock commands of the director. `salt` (32 random bytes, hex) is needed to brief. */
  control(op: ControlOp, wallMs: number, opts: { by?: string; speed?: number; salt?: string } = {}): Result {
    if (op === 'speed') {
      const speed = opts.speed;
      if (typeof speed !== 'number' || !Number.isFinite(speed) || speed < 1 || speed > this.maxSpeed)
        return { ok: false, error: refusal('badSpeed', `倍速须在 1 至 ${this.maxSpeed} 之间`, `speed must be between 1 and ${this.maxSpeed}`), records: [] };
      if (this.st.phase === 'ended' || this.st.phase === 'debriefed')
        return { ok: false, error: refusal('badPhase', '演练已结束，不能调整时钟', 'the drill has ended; the clock cannot change'), records: [] };
      const records = this.tick(wallMs);
      this.st.clock = setClockSpeed(this.st.clock, wallMs, speed, this.maxSpeed);
      records.push({ t: this.st.engineNow, kind: 'clock', audience: ALL, data: { speed: this.st.clock.speed, running: this.st.clock.running, by: opts.by ?? null } });
      return { ok: true, records };
    }
    const ev = OP_EVENT[op];
    if (!ev) return { ok: false, error: refusal('badOp', `未知的操作：${String(op)}`, `unknown operation: ${String(op)}`), records: [] };
    const to = nextPhase(this.st.phase, { type: ev });
    if (!to)
      return { ok: false, error: refusal('badPhase', `当前阶段（${this.st.phase}）不能执行“${op}”`, `cannot ${op} in phase ${this.st.phase}`), records: [] };
    const records: NewRecord[] = [];
    if (op === 'brief') {
      if (!opts.salt || !/^[0-9a-f]{64}$/.test(opts.salt)) throw new Error('brief needs a 32-byte hex salt');
      const d = drawSchedule(this.init.scenario, this.init.config, this.init.drillSeed);
      if (!d.ok)
        return {
          ok: false,
          error: refusal('noDraw', `在 ${d.draws} 次抽取内找不到满足双盲约束的情景，请放宽约束`, `no draw within ${d.draws} tries meets the 双盲 bounds; relax them`),
          records: [],
        };
      this.st.schedule = d.schedule;
      this.st.salt = opts.salt;
      this.st.commitment = commitmentOf(this.reveal()!);
      this.startEngine(d.schedule);
      records.push({ t: 0, kind: 'commitment', audience: ALL, data: { commitment: this.st.commitment, algorithm: 'SHA-256(canonical JSON of {v, scenarioSha256, configSha256, drillSeed, schedule, salt})' } });
    } else if (op === 'pause' || op === 'end') records.push(...this.tick(wallMs));
    records.push(...this.setPhase(to, wallMs, opts.by ?? null, null));
    return { ok: true, records };
  }

  private setPhase(to: DrillPhase, wallMs: number, by: string | null, reason: string | null): NewRecord[] {
    const from = this.st.phase;
    this.st.phase = to;
    if (to === 'running') this.st.clock = startClock(this.st.clock, wallMs);
    else this.st.clock = pauseClock(this.st.clock, wallMs);
    if (to === 'ended') this.st.clock = { ...this.st.clock, simAt: this.st.engineNow };
    const records: NewRecord[] = [{ t: this.st.engineNow, kind: 'phase', audience: ALL, data: { from, to, by, reason } }];
    if (to === 'debriefed') records.push({ t: this.st.engineNow, kind: 'reveal', audience: ALL, data: { reveal: this.reveal(), commitment: this.st.commitment } });
    return records;
  }

  /**
   * Moves the drill on to wall time `wallMs`: a 双盲 drill starts at its drawn moment; a running
   * one advances the engine and releases what is due; at the horizon it ends.
   */
  tick(wallMs: number): NewRecord[] {
    const out: NewRecord[] = [];
    const sched = this.st.schedule;
    if (this.st.phase === 'briefing' && sched?.startAtMs != null && wallMs >= sched.startAtMs) out.push(...this.setPhase('running', wallMs, null, 'blindStart'));
    if (this.st.phase !== 'running') return out;
    out.push(...this.advance(this.simNow(wallMs)));
    if (this.st.engineNow >= this.horizon) out.push(...this.setPhase(nextPhase('running', { type: 'HORIZON' })!, wallMs, null, 'horizon'));
    return out;
  }

  private advance(t: number): NewRecord[] {
    if (!this.trial || !this.planner || t < this.st.engineNow) return [];
    this.trial.advanceTo(t);
    this.st.engineNow = Math.max(this.st.engineNow, t);
    return this.absorb(this.drain(), t);
  }

  private drain(): readonly LogEvent[] {
    const evs = this.trial!.events.slice(this.absorbed);
    this.absorbed = this.trial!.events.length;
    return evs;
  }

  /** Engine events → sim records (with their audiences), then whatever they make due by `t`. */
  private absorb(evs: readonly LogEvent[], t: number): NewRecord[] {
    const planner = this.planner!;
    const sim: (NewRecord & { o: number })[] = [];
    let o = 0;
    for (const e of evs) {
      sim.push({ t: e.t, kind: 'sim', audience: this.fog.classify(e), data: e, o: o++ });
      planner.observe(e);
    }
    const rel = planner.due(t).map((p) => ({ ...releaseRecord(p), o: o++ }));
    for (const r of rel) if (r.kind === 'inject') this.released.set(String(r.data.key), r.audience);
    // engine events first at the same minute: a report never precedes what it reports
    return [...sim, ...rel].sort((a, b) => a.t - b.t || a.o - b.o).map(({ o: _o, ...r }) => r);
  }

  /**
   * A trainee's decision. Malformed ones and ones outside the position's remit get a clear
   * error; valid ones go to the engine at the current simulated minute, which may still refuse
   * them (a busy team, an open road). Refusals change nothing in the world. `clientId` makes
   * retries idempotent: the same id gets the first answer again and nothing new.
   */
  act(participant: string, positionId: string | null, raw: unknown, wallMs: number, clientId: string): Result & { duplicate?: boolean } {
    const key = `${participant}\u0000${clientId}`;
    const prior = this.clientResults.get(key);
    if (prior) return prior.ok ? { ok: true, records: [], duplicate: true } : { ok: false, error: prior.error!, records: [], duplicate: true };
    if (this.st.phase !== 'running' && this.st.phase !== 'paused')
      return { ok: false, error: refusal('notRunning', '演练未在进行中，不能下达决策', 'the drill is not running; no decisions now'), records: [] };
    const position = findPosition(this.init.config, positionId);
    if (!position) return { ok: false, error: refusal('noPosition', '您没有演练岗位，不能下达决策', 'you hold no position and cannot decide'), records: [] };
    const parsed = parseDecision(raw);
    if (!parsed.ok) return { ok: false, error: refusal('badDecision', parsed.zh, parsed.en), records: [] };
    const d = parsed.decision;
    const records = this.st.phase === 'running' ? this.tick(wallMs) : [];
    if (this.st.phase !== 'running' && this.st.phase !== 'paused')
      return { ok: false, error: refusal('notRunning', '演练已结束', 'the drill has ended'), records };
    const t = this.st.engineNow;
    const siteTownship = (site: string) => {
      const v = this.init.scenario.hazardSites.find((s) => s.id === site)?.village;
      return this.init.scenario.region.villages.find((x) => x.id === v)?.township;
    };
    const audience = toPositions([position.id]);
    const base = { clientId, participant, position: position.id, decision: d, t };
    const deniedById = positionMayDecide(position, d, siteTownship);
    const denied = deniedById && this.names.refusal(deniedById, d);
    if (denied) {
      this.clientResults.set(key, { ok: false, error: denied });
      records.push({ t, kind: 'action', audience, data: { ...base, result: 'rejected', error: denied } });
      return { ok: false, error: denied, records };
    }
    const r = this.trial!.decide({ t, by: position.id, decision: d });
    if (!r.ok) {
      // the engine says which team or road by id: a person reads names
      const error = this.names.refusal(r.error, d);
      this.clientResults.set(key, { ok: false, error });
      records.push({ t, kind: 'action', audience, data: { ...base, result: 'rejected', error } });
      return { ok: false, error, records };
    }
    this.clientResults.set(key, { ok: true });
    records.push({ t, kind: 'action', audience, data: { ...base, result: 'accepted' } });
    records.push(...this.absorb(this.drain(), t));
    return { ok: true, records };
  }

  /** A trainee acknowledges an inject released to their position (timed for the evaluation). */
  ack(participant: string, positionId: string | null, injectKey: string, wallMs: number): Result {
    if (this.st.phase !== 'running' && this.st.phase !== 'paused') return { ok: false, error: refusal('notRunning', '演练未在进行中', 'the drill is not running'), records: [] };
    const aud = this.released.get(injectKey);
    if (!positionId || aud === undefined || !canSee(aud, { role: 'trainee', position: positionId }))
      return { ok: false, error: refusal('unknownInject', '没有收到过该情景事件', 'no such inject was sent to you'), records: [] };
    const k = `${positionId}\u0000${injectKey}`;
    if (this.acks.has(k)) return { ok: true, records: [] };
    this.acks.add(k);
    const records = this.st.phase === 'running' ? this.tick(wallMs) : [];
    records.push({ t: this.st.engineNow, kind: 'ack', audience: toPositions([positionId]), data: { key: injectKey, position: positionId, participant } });
    return { ok: true, records };
  }

  /**
   * The director releases a scripted inject by hand (early, or one held for manual release).
   * A conditional inject whose event has already happened goes out as planned, filled from that
   * event. Otherwise its placeholders ({site}, {village}, {link}, {township}) are filled from
   * `fill`, the ids the director picked (a site brings its village and township); if any would
   * stay empty the release is refused with the names it needs (`fillNeeded`), so no inject
   * ever goes out with holes.
   */
  release(injectId: string, wallMs: number, by: string, fill: SlotFill = {}): Result {
    if (this.st.phase !== 'running' && this.st.phase !== 'paused') return { ok: false, error: refusal('notRunning', '演练未在进行中', 'the drill is not running'), records: [] };
    const inj = this.init.config.injects.find((i) => i.id === injectId);
    if (!inj) return { ok: false, error: refusal('unknownInject', `脚本中没有情景事件 ${injectId}`, `no inject ${injectId} in the script`), records: [] };
    const key = `inject:${inj.id}`;
    const title = inj.title.zh;
    if (this.planner!.isDone(key)) return { ok: false, error: refusal('alreadyReleased', `情景事件“${title}”已经发布`, `inject "${inj.title.en ?? title}" was already released`), records: [] };
    const bad = badFill(this.init.scenario, fill);
    if (bad) return { ok: false, error: bad, records: [] };
    const records = this.st.phase === 'running' ? this.tick(wallMs) : [];
    if (this.planner!.isDone(key)) return { ok: true, records };
    const audience = injectAudienceOf(inj, this.init.config);
    const planned = this.planner!.take(key);
    let data: Record<string, unknown>;
    // the engine event that triggered it (`cause`) or the ids the director picked (`fill`) stay
    // in the staff log: the evaluation judges the expected actions' objects by them
    if (planned) data = { ...planned.data, how: 'manual', by };
    else {
      const f = completeFill(this.init.scenario, fill);
      const missing = unfilled(inj, f);
      if (missing.length) return { ok: false, error: fillNeeded(inj, missing), records };
      this.planner!.markDone(key);
      data = { ...injectRelease(inj, this.init.scenario, f, 'manual'), by, ...(Object.keys(f).length ? { fill: f } : {}) };
    }
    this.released.set(key, audience);
    records.push({ t: this.st.engineNow, kind: 'inject', audience, data });
    return { ok: true, records };
  }

  /** An ad-hoc inject (a random question from the rear command), logged like scripted ones. */
  adhoc(inj: Inject, wallMs: number, by: string, fill: SlotFill = {}): Result {
    if (this.st.phase !== 'running' && this.st.phase !== 'paused') return { ok: false, error: refusal('notRunning', '演练未在进行中', 'the drill is not running'), records: [] };
    const bad = badFill(this.init.scenario, fill);
    if (bad) return { ok: false, error: bad, records: [] };
    const f = completeFill(this.init.scenario, fill);
    const missing = unfilled(inj, f);
    if (missing.length) return { ok: false, error: fillNeeded(inj, missing), records: [] };
    const records = this.st.phase === 'running' ? this.tick(wallMs) : [];
    const id = `adhoc-${++this.adhocCount}`;
    const withId = { ...inj, id };
    const data: Record<string, unknown> = { ...injectRelease(withId, this.init.scenario, f, 'adhoc'), by, ...(Object.keys(f).length ? { fill: f } : {}) };
    this.released.set(String(data.key), injectAudienceOf(withId, this.init.config));
    records.push({ t: this.st.engineNow, kind: 'inject', audience: injectAudienceOf(withId, this.init.config), data });
    if (inj.expected.length) records.push({ t: this.st.engineNow, kind: 'injectScript', audience: STAFF, data: { key: data.key, inject: withId } });
    return { ok: true, records };
  }

  /**
   * Rebuilds a session from its persisted state and log after a restart: re-runs the engine
   * with the accepted decisions up to `engineNow` and checks that it reproduces every logged
   * engine event exactly (throws if not: the log or the engine changed). Nothing is re-logged.
   */
  static restore(init: SessionInit, state: SessionState, records: readonly DrillRecord[]): DrillSession {
    const s = new DrillSession(init, state);
    for (const r of records) {
      if (r.kind === 'action') {
        const d = r.data as { participant: string; clientId: string; result: string; error?: Refusal };
        s.clientResults.set(`${d.participant}\u0000${d.clientId}`, d.result === 'accepted' ? { ok: true } : { ok: false, error: d.error! });
      } else if (r.kind === 'ack') s.acks.add(`${String(r.data.position)}\u0000${String(r.data.key)}`);
      else if (r.kind === 'inject') {
        s.released.set(String(r.data.key), r.audience);
        if (String(r.data.key).startsWith('inject:adhoc-')) s.adhocCount++;
      }
    }
    if (!state.schedule) return s;
    s.startEngine(state.schedule);
    const trial = s.trial!;
    for (const r of records) {
      if (r.kind !== 'action' || r.data.result !== 'accepted') continue;
      const d = r.data as { t: number; position: string; decision: TimedDecision['decision'] };
      const res = trial.decide({ t: d.t, by: d.position, decision: d.decision });
      if (!res.ok) throw new Error(`restore: decision at ${d.t} refused on replay (${res.error.code})`);
    }
    trial.advanceTo(state.engineNow);
    const logged = records.filter((r) => r.kind === 'sim').map((r) => r.data);
    const replayed = trial.events;
    if (logged.length !== replayed.length || logged.some((e, i) => canonicalJson(e) !== canonicalJson(replayed[i])))
      throw new Error(`restore: the engine reproduced ${replayed.length} events, the log holds ${logged.length} (or they differ)`);
    s.absorbed = replayed.length;
    for (const e of replayed) {
      s.fog.classify(e);
      s.planner!.observe(e);
    }
    for (const r of records) if ((r.kind === 'inject' || r.kind === 'intel') && typeof r.data.key === 'string') s.planner!.markDone(r.data.key);
    return s;
  }

  /** Re-anchors a restored clock at `wallMs`, exactly where the engine stopped. */
  resumeClockAt(wallMs: number): void {
    this.st.clock = { ...this.st.clock, simAt: this.st.engineNow, wallAt: wallMs };
  }
}

const SLOT_ZH: Record<Slot, string> = { site: '隐患点', village: '村', link: '道路', township: '乡镇' };
const SLOT_EN: Record<Slot, string> = { site: 'hazard site', village: 'village', link: 'road', township: 'township' };

/** The refusal for an inject whose placeholders would go out empty. Pure. */
function fillNeeded(inj: Inject, missing: Slot[]): Refusal {
  return refusal(
    'fillNeeded',
    `情景事件“${inj.title.zh}”的触发条件尚未发生，请先选择要填入的${missing.map((k) => SLOT_ZH[k]).join('、')}再发布`,
    `"${inj.title.en ?? inj.title.zh}" has not been triggered yet: pick the ${missing.map((k) => SLOT_EN[k]).join(', ')} to fill it with before releasing it`,
  );
}

/** A fill naming something the scenario does not have (or not a known placeholder). Pure. */
function badFill(s: Scenario, fill: SlotFill): Refusal | null {
  if (typeof fill !== 'object' || fill === null || Array.isArray(fill)) return refusal('badFill', '填入内容格式错误', 'the fill must be an object');
  for (const [k, v] of Object.entries(fill)) {
    if (v === undefined || v === null || v === '') continue;
    if (!(SLOTS as readonly string[]).includes(k) || typeof v !== 'string') return refusal('badFill', `不能填入“${k}”`, `cannot fill "${k}"`);
    const known = completeFill(s, { [k]: v })[k as Slot];
    if (!known) return refusal('badFill', `本情景中没有该${SLOT_ZH[k as Slot]}（${v}）`, `this scenario has no such ${SLOT_EN[k as Slot]} (${v})`);
  }
  return null;
}

function releaseRecord(p: PlannedRelease): NewRecord {
  const toAll = p.kind === 'inject' && Array.isArray(p.data.to) && p.data.to.length === 0;
  return { t: p.atMin, kind: p.kind, audience: toAll ? ALL : p.audience, data: p.data };
}

/**
 * Who is sent an inject: its recipient positions; one addressed to nobody in particular goes to
 * every position and is public (`all`), so observers without the players' view see it too. Pure.
 */
function injectAudienceOf(inj: Inject, config: DrillConfig): string {
  return inj.to.length ? injectAudience(inj, config) : ALL;
}

export { canSee };
