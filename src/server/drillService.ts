import type { SlotFill } from '../../engine/drill/injectSlots.ts';
import type { Role } from '../../engine/drill/audience.ts';
import { may, type Operation } from '../../engine/drill/authz.ts';
import { completeConfig, Inject, type DrillConfig } from '../../engine/drill/drillConfig.ts';
import { DrillSession, type ControlOp, type Result } from '../../engine/drill/drillSession.ts';
import { clampSpeed } from '../../engine/drill/pacedClock.ts';
import { STAFF } from '../../engine/drill/audience.ts';
import type { DrillRecord, NewRecord } from '../../engine/drill/records.ts';
import type { Scenario } from '../../engine/index.ts';
import { scenarioModelOf } from '../../engine/model/loadAnyScenario.ts';
import { MODELS } from '../../engine/model/models.ts';
import { parseInThread, type ParseScenario } from './scenarioParser.ts';
import type { DrillRow, DrillStore, ParticipantRow } from './drillStore.ts';
import { apiError, type ApiError } from './messages.ts';
import { checkPassword, CursorCodec, hashPassword, newDrillCode, newId, newSalt, newSeed, newToken, sha256Node, tokenHash } from './secrets.ts';
import { recordFrame, viewScope } from './views.ts';
import { OpaqueIds } from './opaqueIds.ts';
import { issuePositionCodes, positionOfCode } from './positionCodes.ts';
import type { ObserverView } from '../../engine/drill/audience.ts';
import { canSee } from '../../engine/drill/audience.ts';
import type { CreateDrillInput, LiveDrill, Outcome, ServiceOptions, Subscriber } from './drillServiceTypes.ts';

export type { CreateDrillInput, LiveDrill, Outcome, ServiceOptions, Subscriber } from './drillServiceTypes.ts';

const fail = (status: number, error: ApiError): { ok: false; status: number; error: ApiError } => ({ ok: false, status, error });

/**
 * The drill server's core, without HTTP: creates drills, issues role tokens, checks every
 * operation against the role, runs the sessions, writes each record to the store before it
 * is broadcast, and rebuilds running drills after a restart. Synchronous (better-sqlite3), so
 * a catch-up read and the subscription that follows it see no records slip between them.
 */
export class DrillService {
  readonly store: DrillStore;
  readonly now: () => number;
  readonly maxSpeed: number;
  private readonly live = new Map<string, LiveDrill>();
  private readonly scenarioText: (name: string) => string | undefined;
  private readonly log: (line: string) => void;
  private readonly parseScenario: ParseScenario;
  readonly maxScenarioBytes: number;
  readonly maxDrafts: number;
  private readonly maxCreating: number;
  /** creations between their checks and their insert (their scenario is loading) */
  private creating = 0;

  constructor(opts: ServiceOptions) {
    this.store = opts.store;
    this.now = opts.now ?? Date.now;
    this.maxSpeed = opts.maxSpeed ?? 3600;
    this.scenarioText = opts.scenarioText ?? (() => undefined);
    this.log = opts.log ?? (() => {});
    this.parseScenario = opts.parseScenario ?? parseInThread;
    this.maxScenarioBytes = opts.maxScenarioBytes ?? 1024 * 1024;
    this.maxDrafts = opts.maxDrafts ?? 20;
    this.maxCreating = opts.maxCreating ?? 2;
  }

  get drills(): LiveDrill[] {
    return [...this.live.values()];
  }

  drill(id: string): LiveDrill | undefined {
    return this.live.get(id);
  }

  /** Loads every stored drill and restores its session; returns counts. Call once at start. */
  recoverAll(): { count: number; running: number; broken: string[] } {
    let running = 0;
    const broken: string[] = [];
    for (const row of this.store.drills()) {
      const ld = this.load(row);
      if (ld.broken) broken.push(row.id);
      else if (ld.session.phase === 'running') {
        running++;
        ld.session.resumeClockAt(this.now());
        this.commit(ld, [{ t: ld.session.state.engineNow, kind: 'recovered', audience: STAFF, data: { engineNow: ld.session.state.engineNow, headSeq: row.headSeq } }]);
      }
    }
    return { count: this.live.size, running, broken };
  }

  /** Drills not yet started (draft or briefing): what `maxDrafts` caps. */
  notStarted(): number {
    let n = 0;
    for (const ld of this.live.values()) if (ld.session.phase === 'draft' || ld.session.phase === 'briefing') n++;
    return n;
  }

  /**
   * Puts a stored drill in memory, with its scenario as loaded (`scenario`, just created) or
   * loaded here from the stored text (at start). The row's `scenarioText` is then read from the
   * store on use instead of held: it may be megabytes per drill.
   */
  private load(row: DrillRow, scenario?: Scenario): LiveDrill {
    const parsed = scenario ? { ok: true as const, scenario } : MODELS.county.load(row.scenarioText, row.scenarioName, 'zh');
    if (!parsed.ok) throw new Error(`stored scenario of ${row.id} no longer loads`);
    const store = this.store;
    Object.defineProperty(row, 'scenarioText', { get: () => store.scenarioText(row.id) ?? '', enumerable: false, configurable: true });
    const config = JSON.parse(row.configJson) as DrillConfig;
    const init = { scenario: parsed.scenario, scenarioSha256: row.scenarioSha256, config, drillSeed: row.drillSeed, maxSpeed: this.maxSpeed };
    let session: DrillSession;
    let broken: string | null = null;
    try {
      session = DrillSession.restore(init, row.state, this.store.records(row.id));
    } catch (e) {
      broken = e instanceof Error ? e.message : String(e);
      this.log(`drill ${row.id}: ${broken}`);
      session = new DrillSession(init, row.state);
    }
    const ld: LiveDrill = { row, scenario: parsed.scenario, config, session, cursors: new CursorCodec(row.secret), ids: new OpaqueIds(row.secret), subs: new Set(), broken, lastSave: this.now(), lastClockFrame: 0 };
    this.live.set(row.id, ld);
    return ld;
  }

  /** The director re-issues join codes (all positions, or the ones named): the old ones stop working (positionCodes.ts). */
  reissuePositionCodes(p: ParticipantRow, ld: LiveDrill, positions?: readonly string[]): Outcome<{ positionCodes: Record<string, string> }> {
    const denied = this.authorize(p, ld, 'manageParticipants');
    if (denied) return fail(403, denied);
    const all = ld.config.positions.map((x) => x.id);
    if (positions?.some((x) => !all.includes(x))) return fail(400, apiError('badPosition'));
    return { ok: true, value: { positionCodes: issuePositionCodes(this, ld, positions?.length ? positions : all) } };
  }

  /**
   * A trainee joins by their position's own code (from the join link the director sent): the
   * code names the drill and the position, and nothing else lets anyone join as a trainee.
   * `code` is normalised (positionCodes.ts); an unknown one is for the caller to rate-limit.
   */
  joinPosition(code: string, name: string): Outcome<{ drillId: string; token: string; participantId: string; role: Role; position: string | null }> {
    const hit = positionOfCode(this, code);
    if (!hit) return fail(404, apiError('unknownDrill'));
    const { token, participant } = this.addParticipant(hit.drill, 'trainee', name.slice(0, 60) || 'trainee', hit.position);
    return { ok: true, value: { drillId: hit.drill.row.id, token, participantId: participant.id, role: 'trainee', position: hit.position } };
  }

  /** The drill and position a (normalised) position code opens, for the join screen; no token. */
  positionOfCode(code: string): { drill: LiveDrill; position: string } | null {
    return positionOfCode(this, code);
  }

  /**
   * The director grants an observer the players' view (every position's messages) or takes it
   * back (public information only). Their open connections are closed by the caller: the client
   * then reloads its view from the start.
   */
  setObserverView(p: ParticipantRow, ld: LiveDrill, participantId: string, view: ObserverView): Outcome<{ changed: boolean }> {
    const denied = this.authorize(p, ld, 'manageParticipants');
    if (denied) return fail(403, denied);
    const changed = this.store.setView(ld.row.id, participantId, view === 'players' ? 'players' : null);
    if (!changed) return fail(404, apiError('notFound'));
    for (const s of ld.subs) if (s.participant.id === participantId) ld.subs.delete(s);
    return { ok: true, value: { changed } };
  }

  /**
   * A trainer creates a drill; gets its code and a director token. Refuses an uploaded text over
   * `maxScenarioBytes` (413), more than `maxDrafts` drills not yet started or more than
   * `maxCreating` creations at once (429). The scenario is loaded once, by `parseScenario`, and
   * the password hashed on the thread pool, so other drills run on meanwhile. Who may create
   * drills (the admin token) is the caller's check.
   */
  async createDrill(input: CreateDrillInput): Promise<Outcome<{ drillId: string; code: string; token: string; participantId: string; positionCodes: Record<string, string> }>> {
    if (typeof input.password !== 'string' || input.password.length < 6 || input.password.length > 200) return fail(400, apiError('weakPassword'));
    if (typeof input.scenarioText === 'string') {
      const bytes = Buffer.byteLength(input.scenarioText, 'utf8');
      if (bytes > this.maxScenarioBytes) return fail(413, apiError('scenarioTooLarge', { size: Math.ceil(bytes / 1024), max: Math.floor(this.maxScenarioBytes / 1024) }));
    }
    if (this.creating >= this.maxCreating) return fail(429, apiError('createBusy'));
    if (this.notStarted() + this.creating >= this.maxDrafts) return fail(429, apiError('tooManyDrafts', { max: this.maxDrafts }));
    this.creating++;
    try {
      return await this.createCounted(input);
    } finally {
      this.creating--;
    }
  }

  private async createCounted(input: CreateDrillInput): Promise<Outcome<{ drillId: string; code: string; token: string; participantId: string; positionCodes: Record<string, string> }>> {
    let text: string | undefined;
    let name = 'uploaded.yaml';
    if (typeof input.scenarioText === 'string') text = input.scenarioText;
    else {
      name = input.scenario ?? 'lezhi-rainstorm';
      text = this.scenarioText(name);
      if (text === undefined) return fail(400, apiError('unknownScenario', { detail: name }));
      name = `${name}.yaml`;
    }
    let parsed: Awaited<ReturnType<ParseScenario>>;
    try {
      parsed = await this.parseScenario(text, name);
    } catch (e) {
      return fail(400, apiError('scenarioUnloadable', { detail: (e instanceof Error ? e.message : String(e)).slice(0, 200) }));
    }
    if (!parsed.ok) {
      // a scenario of a model the drill server cannot host (yet) says so, not which keys the county format lacks
      const model = MODELS[scenarioModelOf(text)];
      if (!model.supports.drill) return fail(400, apiError('modelNoDrill', { modelZh: model.label.zh, modelEn: model.label.en }));
      return fail(400, apiError('badScenario', { detail: parsed.problems.filter((p) => p.severity === 'error').slice(0, 5).map((p) => `${p.line}:${p.col} ${p.message}`).join('; ') }));
    }
    const passwordHash = await hashPassword(input.password);
    const rawConfig = (input.config ?? {}) as Record<string, unknown>;
    const mode = input.mode === 'blind' ? 'blind' : 'open';
    const cfg = completeConfig(parsed.scenario, mode === 'blind' ? { ...rawConfig, blind: rawConfig.blind ?? {} } : rawConfig);
    if (!cfg.ok) return fail(400, apiError('badConfig', { detail: cfg.problems.slice(0, 5).map((p) => `${p.path}: ${p.message}`).join('; ') }));
    const seed = Number.isInteger(input.seed) && input.seed! >= 0 && input.seed! <= 0xffffffff ? input.seed! : newSeed();
    const speed = clampSpeed(typeof input.speed === 'number' ? input.speed : 60, this.maxSpeed);
    const now = this.now();
    const id = newId('d');
    let code = newDrillCode();
    while (this.store.drillIdByCode(code)) code = newDrillCode();
    const scenarioSha256 = sha256Node(text);
    const session = DrillSession.create({ scenario: parsed.scenario, scenarioSha256, config: cfg.config, drillSeed: seed, maxSpeed: this.maxSpeed }, speed);
    const title = String(input.title ?? '').slice(0, 200) || '演练';
    this.store.createDrill({
      id, code, title, mode, createdAt: now, passwordHash, secret: newSalt(),
      scenarioText: text, scenarioSha256, scenarioName: name, configJson: JSON.stringify(cfg.config), drillSeed: seed, state: session.state,
    });
    const ld = this.load(this.store.drill(id)!, parsed.scenario);
    this.commit(ld, [{ t: 0, kind: 'created', audience: 'all', data: { title, mode, speed } }]);
    const { token, participant } = this.addParticipant(ld, 'director', String(input.directorName ?? '导调').slice(0, 60) || '导调', null);
    const positionCodes = issuePositionCodes(this, ld, ld.config.positions.map((p) => p.id));
    return { ok: true, value: { drillId: id, code, token, participantId: participant.id, positionCodes } };
  }

  private addParticipant(ld: LiveDrill, role: Role, name: string, position: string | null): { token: string; participant: ParticipantRow } {
    const token = newToken();
    const participant: ParticipantRow = { id: newId('p'), drillId: ld.row.id, role, position, name, revoked: false, view: null };
    this.store.addParticipant(participant, tokenHash(token), this.now());
    this.commit(ld, [{ t: ld.session.state.engineNow, kind: 'participant', audience: STAFF, data: { id: participant.id, role, position, name } }]);
    return { token, participant };
  }

  /**
   * Joins a drill by its code: observers need only the code (and see public information);
   * directors and evaluators also need the drill password. Trainees cannot join by the drill
   * code: they use their position's own code (`joinPosition`). Wrong codes and passwords are
   * for the caller to rate-limit.
   */
  async join(code: string, role: Role, name: string, position: string | null, password: string | null): Promise<Outcome<{ drillId: string; token: string; participantId: string; role: Role; position: string | null }>> {
    const id = this.store.drillIdByCode(code);
    const ld = id && this.live.get(id);
    if (!ld) return fail(404, apiError('unknownDrill'));
    if (role === 'director' || role === 'evaluator') {
      if (typeof password !== 'string' || !(await checkPassword(password, ld.row.passwordHash))) return fail(401, apiError('badPassword'));
      position = null;
    } else if (role === 'trainee') return fail(403, apiError('positionCodeNeeded'));
    else position = null;
    const { token, participant } = this.addParticipant(ld, role, name.slice(0, 60) || role, position);
    return { ok: true, value: { drillId: ld.row.id, token, participantId: participant.id, role, position } };
  }

  /** The participant and drill behind a token, or null (unknown, revoked, or drill gone). */
  authenticate(token: unknown): { participant: ParticipantRow; drill: LiveDrill } | null {
    if (typeof token !== 'string' || token.length > 100 || !token.startsWith('yl_')) return null;
    const p = this.store.participantByTokenHash(tokenHash(token));
    if (!p || p.revoked) return null;
    const drill = this.live.get(p.drillId);
    return drill ? { participant: p, drill } : null;
  }

  /** Checks a role may do an operation (and the drill is writable for writes). */
  authorize(p: ParticipantRow, ld: LiveDrill, op: Operation): ApiError | null {
    if (!may(p.role, op)) return apiError('forbidden', { role: p.role });
    if (ld.broken && op !== 'read' && op !== 'report') return apiError('drillBroken', { detail: ld.broken });
    return null;
  }

  /** Persists records (one transaction) and then sends each subscriber what it may see. */
  commit(ld: LiveDrill, records: readonly NewRecord[]): DrillRecord[] {
    const now = this.now();
    let sealed: DrillRecord[];
    try {
      sealed = this.store.append(ld.row.id, records, now, ld.session.state);
    } catch (e) {
      // the session has moved on but the store did not take it (disk full, I/O error): stop the
      // drill here; a restart rebuilds it from what was committed
      ld.broken = `store: ${e instanceof Error ? e.message : String(e)}`;
      this.log(`drill ${ld.row.id}: ${ld.broken}`);
      throw e;
    }
    ld.lastSave = now;
    ld.row.headSeq = sealed.at(-1)?.seq ?? ld.row.headSeq;
    this.broadcast(ld, sealed);
    return sealed;
  }

  private broadcast(ld: LiveDrill, records: readonly DrillRecord[]): void {
    if (!records.length || !ld.subs.size) return;
    // one serialisation per record and view class (staff, each position, observers), however
    // many subscribers: player frames name injects and reports per position (views.ts)
    const cache = records.map(() => new Map<string, string>());
    for (const s of ld.subs) {
      const scope = viewScope(s.viewer);
      records.forEach((r, i) => {
        if (!canSee(r.audience, s.viewer)) return;
        const c = cache[i]!;
        let text = c.get(scope);
        if (text === undefined) c.set(scope, (text = JSON.stringify(recordFrame(r, s.viewer, ld))));
        s.send(text);
      });
    }
  }

  private result(ld: LiveDrill, r: Result): Outcome<{ seqs: number[] }> {
    const sealed = r.records.length ? this.commit(ld, r.records) : [];
    if (!r.ok) return fail(409, { code: r.error.code, zh: r.error.zh, en: r.error.en });
    return { ok: true, value: { seqs: sealed.map((x) => x.seq) } };
  }

  control(p: ParticipantRow, ld: LiveDrill, op: ControlOp, speed?: number): Outcome<{ seqs: number[] }> {
    const denied = this.authorize(p, ld, 'control');
    if (denied) return fail(403, denied);
    const r = ld.session.control(op, this.now(), { by: p.id, speed, salt: op === 'brief' ? newSalt() : undefined });
    return this.result(ld, r);
  }

  /** `fill`: the site/village/link/township ids to fill the inject's placeholders with. */
  release(p: ParticipantRow, ld: LiveDrill, injectId: string, fill: SlotFill = {}): Outcome<{ seqs: number[] }> {
    const denied = this.authorize(p, ld, 'releaseInject');
    if (denied) return fail(403, denied);
    return this.result(ld, ld.session.release(injectId, this.now(), p.id, fill));
  }

  adhoc(p: ParticipantRow, ld: LiveDrill, raw: unknown): Outcome<{ seqs: number[] }> {
    const denied = this.authorize(p, ld, 'releaseInject');
    if (denied) return fail(403, denied);
    const { fill, ...rest } = (raw ?? {}) as { fill?: SlotFill };
    const parsed = Inject.safeParse({ id: 'adhoc', trigger: { kind: 'manual' }, ...rest });
    if (!parsed.success) return fail(400, apiError('badRequest', { detail: parsed.error.issues[0]?.path.join('.') ?? '' }));
    const unknown = parsed.data.to.find((x) => !ld.config.positions.some((p2) => p2.id === x));
    if (unknown) return fail(400, apiError('badPosition'));
    return this.result(ld, ld.session.adhoc(parsed.data, this.now(), p.id, fill ?? {}));
  }

  /**
   * A trainee's decision. The answer carries no drill sequence numbers (they would count the
   * records the trainee may not see): `accepted` and whether it was a retry.
   */
  act(p: ParticipantRow, ld: LiveDrill, decision: unknown, clientId: string): Outcome<{ accepted: true; duplicate: boolean }> {
    const denied = this.authorize(p, ld, 'act');
    if (denied) return fail(403, denied);
    const r = ld.session.act(p.id, p.position, decision, this.now(), clientId);
    const out = this.result(ld, r);
    return out.ok ? { ok: true, value: { accepted: true, duplicate: r.duplicate === true } } : out;
  }

  /**
   * A trainee acknowledges an inject by the opaque key their frames carry (views.ts); the plain
   * `inject:<id>` is taken too. The answer carries no drill sequence numbers.
   */
  ack(p: ParticipantRow, ld: LiveDrill, key: string): Outcome<{ acknowledged: true }> {
    const denied = this.authorize(p, ld, 'ack');
    if (denied) return fail(403, denied);
    const real = ld.ids.find(viewScope({ role: p.role, position: p.position }), key, ld.session.releasedKeys()) ?? key;
    const out = this.result(ld, ld.session.ack(p.id, p.position, real, this.now()));
    return out.ok ? { ok: true, value: { acknowledged: true } } : out;
  }

  note(p: ParticipantRow, ld: LiveDrill, note: { text: string; objective?: string; rating?: number; improvement?: boolean }): Outcome<{ seqs: number[] }> {
    const denied = this.authorize(p, ld, 'note');
    if (denied) return fail(403, denied);
    if (note.objective && !ld.config.objectives.some((o) => o.id === note.objective)) return fail(400, apiError('badRequest', { detail: 'objective' }));
    const t = ld.session.phase === 'running' ? ld.session.simNow(this.now()) : ld.session.state.engineNow;
    const rec: NewRecord = { t, kind: 'note', audience: STAFF, data: { by: p.id, name: p.name, role: p.role, ...note } };
    return { ok: true, value: { seqs: this.commit(ld, [rec]).map((x) => x.seq) } };
  }

  /**
   * Moves every drill on to now: due starts, engine events, releases, the horizon. A tick with
   * nothing to log still saves the session state about once a second. Returns records written.
   */
  tickAll(): number {
    let n = 0;
    const now = this.now();
    for (const ld of this.live.values()) {
      if (ld.broken) continue;
      const phase = ld.session.phase;
      if (phase !== 'running' && phase !== 'briefing') continue;
      const records = ld.session.tick(now);
      if (records.length) n += this.commit(ld, records).length;
      else if (phase === 'running' && now - ld.lastSave >= 1000) {
        this.store.saveState(ld.row.id, ld.session.state, now);
        ld.lastSave = now;
      }
      if (ld.subs.size && now - ld.lastClockFrame >= 1000) {
        ld.lastClockFrame = now;
        const frame = JSON.stringify({ type: 'clock', ...this.clockFrame(ld) });
        for (const s of ld.subs) s.send(frame);
      }
    }
    return n;
  }

  clockFrame(ld: LiveDrill): Record<string, unknown> {
    const st = ld.session.state;
    return { phase: st.phase, t: ld.session.phase === 'running' ? ld.session.simNow(this.now()) : st.engineNow, speed: st.clock.speed, running: st.clock.running, horizonMin: ld.session.horizon };
  }

  /**
   * Sends a client everything after its cursor that it may see, then subscribes it to what
   * comes next. Synchronous, so nothing is missed or sent twice between the two.
   */
  subscribe(ld: LiveDrill, sub: Subscriber, sinceSeq: number): () => void {
    let from = sinceSeq;
    for (;;) {
      const batch = this.store.records(ld.row.id, from, 5000);
      for (const r of batch) {
        const f = recordFrame(r, sub.viewer, ld);
        if (f) sub.send(JSON.stringify(f));
      }
      if (batch.length < 5000) break;
      from = batch.at(-1)!.seq;
    }
    ld.subs.add(sub);
    return () => ld.subs.delete(sub);
  }

  /** Revokes a participant's token; their open connections are closed by the caller. */
  revoke(p: ParticipantRow, ld: LiveDrill, participantId: string): Outcome<{ revoked: boolean }> {
    const denied = this.authorize(p, ld, 'manageParticipants');
    if (denied) return fail(403, denied);
    const revoked = this.store.revoke(ld.row.id, participantId);
    if (revoked) for (const s of ld.subs) if (s.participant.id === participantId) ld.subs.delete(s);
    return { ok: true, value: { revoked } };
  }
}
