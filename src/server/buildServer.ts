import type { SlotFill } from '../../engine/drill/injectSlots.ts';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import websocket, { type WebSocket } from '@fastify/websocket';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { ControlOp } from '../../engine/drill/drillSession.ts';
import { ENGINE_VERSION } from '../../engine/index.ts';
import type { DrillService, LiveDrill, Outcome, Subscriber } from './drillService.ts';
import type { ParticipantRow } from './drillStore.ts';
import { apiError, type ApiError } from './messages.ts';
import { ClientMessage, CreateBody, firstIssue, JoinBody, NoteBody } from './protocol.ts';
import { ServerLimits, TokenBucket, type FailureKind, type LimitOptions } from './rateLimit.ts';
import type { ScenarioEntry } from './scenarioDir.ts';
import { formatCode, normaliseCode, sameSecret } from './secrets.ts';
import { statusPage } from './statusPage.ts';
import { decodeCursor, isStaff, publicMap, recordFrame, viewerOf } from './views.ts';
import { normalisePositionCode } from './positionCodes.ts';

export interface ServerOptions {
  service: DrillService;
  /** largest WebSocket message accepted, bytes (default 64 KiB) */
  maxMessageBytes?: number;
  /** largest HTTP body, bytes (default 2 MiB: an uploaded scenario) */
  bodyLimit?: number;
  /** per-participant rate and burst of HTTP requests and WebSocket messages together (default 20/s, 60) */
  messageRate?: number;
  messageBurst?: number;
  /**
   * the server admin token a trainer gives to create drills (`Authorization: Bearer`); without
   * one no drill can be created here. Kept in memory only.
   */
  adminToken?: string | null;
  /** the other limits (rateLimit.ts: wrong codes, drill creations) */
  limits?: LimitOptions;
  /** extra routes (report, what-if) registered by their own modules */
  plugins?: ((app: FastifyInstance, service: DrillService, auth: AuthFn) => void)[];
  logger?: boolean;
  /** the built web app (dist/app): served at `/` when it holds an index.html, else `/` is the status page */
  appDir?: string | null;
  /** the built-in scenarios a trainer may pick (read once, on the first request) */
  scenarios?: () => ScenarioEntry[];
}

export type AuthFn = (req: FastifyRequest, reply: FastifyReply) => { participant: ParticipantRow; drill: LiveDrill } | null;

const send = (reply: FastifyReply, o: Outcome<unknown>) => (o.ok ? reply.send(o.value) : reply.code(o.status).send({ error: o.error }));

/**
 * The drill server as a Fastify app: HTTP API plus one WebSocket route. Tests drive it with
 * `app.inject()` and `app.injectWS()`; `startServer` listens on a port and runs the ticker.
 * Every request and message is authenticated by its role token and checked against the role.
 */
export function buildServer(opts: ServerOptions): FastifyInstance {
  const svc = opts.service;
  // forceCloseConnections: on close, drop every HTTP connection at once — browsers keep spare
  // pre-connected sockets that would otherwise hold a shutdown for the 60 s headers timeout
  const app = Fastify({ logger: opts.logger ?? false, bodyLimit: opts.bodyLimit ?? 2 * 1024 * 1024, trustProxy: false, forceCloseConnections: true });
  // one set of limits for HTTP and WebSocket: per participant for actions, per address for failures
  const limits = new ServerLimits(svc.now, { actionRate: opts.messageRate, actionBurst: opts.messageBurst, ...opts.limits });
  const maxBytes = opts.maxMessageBytes ?? 64 * 1024;
  /** open sockets by participant, to close them when a token is revoked */
  const sockets = new Map<string, Set<WebSocket>>();

  app.setErrorHandler((err: Error & { statusCode?: number; code?: string }, req, reply) => {
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (status === 500) app.log.error(err);
    // a body over the limit on /api/drills is an uploaded scenario: say so, with the sizes
    const upload = status === 413 && req.url.startsWith('/api/drills') ? Number(req.headers['content-length']) : NaN;
    const e: ApiError =
      upload > 0 ? apiError('scenarioTooLarge', { size: Math.ceil(upload / 1024), max: Math.floor(svc.maxScenarioBytes / 1024) }) :
      status === 413 ? apiError('tooLarge') : err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || status === 400 ? apiError('badJson') : status === 500 ? apiError('internal') : apiError('badRequest', { detail: err.code ?? String(status) });
    reply.code(status).send({ error: e });
  });
  app.setNotFoundHandler((_req, reply) => reply.code(404).send({ error: apiError('notFound') }));

  /** Answers 429 (true) while `key` is blocked for failures of `kind`. */
  const limited = (reply: FastifyReply, kind: FailureKind, key: string): boolean => {
    const wait = limits.blocked(kind, key);
    if (wait <= 0) return false;
    reply.code(429).header('retry-after', Math.ceil(wait / 1000)).send({ error: apiError('rateLimited', { seconds: Math.ceil(wait / 1000) }) });
    return true;
  };

  const bearerOf = (req: FastifyRequest): string | undefined => {
    const h = req.headers.authorization;
    return typeof h === 'string' && h.startsWith('Bearer ') ? h.slice(7) : undefined;
  };

  // a valid token always passes (a classroom behind one NAT shares an address); wrong ones are
  // counted per address and, past the limit, answered 429. Then the participant's own rate.
  const auth: AuthFn = (req, reply) => {
    const a = svc.authenticate(bearerOf(req));
    if (!a) {
      if (limited(reply, 'token', req.ip)) return null;
      limits.failed('token', req.ip);
      reply.code(401).send({ error: apiError('badToken') });
      return null;
    }
    const wait = limits.action(a.participant.id);
    if (wait > 0) {
      const seconds = Math.ceil(wait / 1000);
      reply.code(429).header('retry-after', seconds).send({ error: apiError('tooManyRequests', { seconds }) });
      return null;
    }
    return a;
  };

  app.register(websocket, { options: { maxPayload: maxBytes } });

  // heartbeat: a socket that has not answered the previous ping within 30 s is dropped
  const alive = new WeakMap<WebSocket, boolean>();
  const heartbeat = setInterval(() => {
    for (const set of sockets.values())
      for (const ws of set) {
        if (alive.get(ws) === false) {
          ws.terminate();
          continue;
        }
        alive.set(ws, false);
        ws.ping();
      }
  }, 30_000);
  heartbeat.unref();
  app.addHook('onClose', (_i, done) => {
    clearInterval(heartbeat);
    done();
  });

  // the web app's files; API and WebSocket routes are exact paths and take precedence
  const appBuilt = !!opts.appDir && existsSync(join(opts.appDir, 'index.html'));
  if (appBuilt) app.register(fastifyStatic, { root: opts.appDir!, prefix: '/', index: 'index.html', wildcard: true, decorateReply: false });

  let scenarioList: ScenarioEntry[] | undefined;

  app.register(async (r) => {
    const status = (_req: FastifyRequest, reply: FastifyReply) => reply.type('text/html; charset=utf-8').send(statusPage(svc.drills, ENGINE_VERSION, svc.now(), appBuilt));
    if (!appBuilt) r.get('/', status);
    r.get('/status', status);
    r.get('/api/health', () => ({ ok: true, version: ENGINE_VERSION, drills: svc.drills.length }));

    // a trainer's act: the server admin token, then the server's creation rate, then the size cap
    r.post('/api/drills', async (req, reply) => {
      if (limited(reply, 'admin', req.ip)) return reply;
      const admin = bearerOf(req);
      if (!opts.adminToken || !sameSecret(admin, opts.adminToken)) {
        limits.failed('admin', req.ip);
        return reply.code(401).send({ error: apiError(admin ? 'badAdminToken' : 'needAdminToken') });
      }
      limits.succeeded('admin', req.ip);
      if (!limits.create()) return reply.code(429).header('retry-after', 6).send({ error: apiError('createRateLimited', { seconds: 6 }) });
      const text = (req.body as { scenarioText?: unknown } | null)?.scenarioText;
      const bytes = typeof text === 'string' ? Buffer.byteLength(text, 'utf8') : 0;
      if (bytes > svc.maxScenarioBytes) return reply.code(413).send({ error: apiError('scenarioTooLarge', { size: Math.ceil(bytes / 1024), max: Math.floor(svc.maxScenarioBytes / 1024) }) });
      const b = CreateBody.safeParse(req.body);
      if (!b.success) return reply.code(400).send({ error: apiError('badRequest', { detail: firstIssue(b.error) }) });
      const out = await svc.createDrill(b.data);
      if (!out.ok) return send(reply, out);
      return reply.send({ ...out.value, codeDisplay: formatCode(out.value.code) });
    });

    r.get('/api/scenarios', () => ({ scenarios: (scenarioList ??= opts.scenarios?.() ?? []) }));

    // what a code opens, for the join screen: a position code names its drill and position; the
    // drill code names the drill only (trainees cannot join by it)
    r.post('/api/positions', (req, reply) => {
      if (limited(reply, 'code', req.ip)) return reply;
      const b = req.body as { code?: unknown } | null;
      const raw = b && typeof b.code === 'string' && b.code.length <= 24 ? b.code : null;
      const pc = normalisePositionCode(raw);
      const hit = pc ? svc.positionOfCode(pc) : null;
      if (hit) {
        const pos = hit.drill.config.positions.find((p) => p.id === hit.position);
        return { title: hit.drill.row.title, mode: hit.drill.row.mode, position: pos ? { id: pos.id, name: pos.name } : null };
      }
      const code = raw ? normaliseCode(raw) : null;
      const id = code ? svc.store.drillIdByCode(code) : undefined;
      const d = id ? svc.drill(id) : undefined;
      if (!d) {
        limits.failed('code', req.ip);
        return reply.code(404).send({ error: apiError('unknownDrill') });
      }
      return { title: d.row.title, mode: d.row.mode, position: null };
    });

    // wrong codes are counted per address; wrong passwords per address and drill, checked before
    // the password is (the only guessable secret here)
    r.post('/api/join', async (req, reply) => {
      if (limited(reply, 'code', req.ip)) return reply;
      const b = JoinBody.safeParse(req.body);
      if (!b.success) return reply.code(400).send({ error: apiError('badRequest', { detail: firstIssue(b.error) }) });
      // a position's own code joins that position as a trainee; the drill code everyone else
      const pc = normalisePositionCode(b.data.code);
      if (pc && b.data.role !== 'trainee') return reply.code(400).send({ error: apiError('positionCodeRole') });
      const opens = pc ? svc.positionOfCode(pc) : null;
      if (opens && b.data.position !== undefined && opens.position !== b.data.position) return reply.code(400).send({ error: apiError('badPosition') });
      const code = pc ? null : normaliseCode(b.data.code);
      const pwKey = `${req.ip} ${code ?? ''}`;
      if (code && (b.data.role === 'director' || b.data.role === 'evaluator') && limited(reply, 'password', pwKey)) return reply;
      const out = pc
        ? svc.joinPosition(pc, b.data.name)
        : code
          ? await svc.join(code, b.data.role, b.data.name, b.data.position ?? null, b.data.password ?? null)
          : ({ ok: false, status: 404, error: apiError('unknownDrill') } as const);
      if (!out.ok && out.status === 404) limits.failed('code', req.ip);
      else if (!out.ok && out.status === 401) limits.failed('password', pwKey);
      else if (out.ok && code) limits.succeeded('password', pwKey);
      return send(reply, out);
    });

    r.get('/api/drill', (req, reply) => {
      const a = auth(req, reply);
      if (!a) return reply;
      const { participant: p, drill: d } = a;
      const v = viewerOf(p);
      const st = d.session.state;
      return {
        drill: {
          id: d.row.id,
          title: d.row.title,
          mode: d.row.mode,
          ...(isStaff(v) ? { code: formatCode(d.row.code) } : {}),
          ...svc.clockFrame(d),
          commitment: st.commitment,
          broken: d.broken,
        },
        you: { participant: p.id, role: p.role, position: p.position, name: p.name },
        map: publicMap(d.scenario, d.config, v),
      };
    });

    r.get('/api/drill/events', (req, reply) => {
      const a = auth(req, reply);
      if (!a) return reply;
      const v = viewerOf(a.participant);
      const q = req.query as { since?: string; limit?: string };
      const since = decodeCursor(q.since, v, a.drill.cursors);
      if (since === null) return reply.code(400).send({ error: apiError('badRequest', { detail: 'since' }) });
      const limit = Math.min(5000, Math.max(1, Number(q.limit) || 1000));
      const out: unknown[] = [];
      let from = since;
      // page until `limit` visible frames or the end of the log
      for (;;) {
        const batch = svc.store.records(a.drill.row.id, from, 2000);
        for (const rec of batch) {
          const f = recordFrame(rec, v, a.drill);
          if (f) out.push(f);
          from = rec.seq;
          if (out.length >= limit) break;
        }
        if (out.length >= limit || batch.length < 2000) break;
      }
      return { events: out };
    });

    r.get('/api/drill/script', (req, reply) => {
      const a = auth(req, reply);
      if (!a) return reply;
      const denied = svc.authorize(a.participant, a.drill, 'readScript');
      if (denied) return reply.code(403).send({ error: denied });
      const c = a.drill.config;
      const s = a.drill.session;
      const done = s.phase === 'ended' || s.phase === 'debriefed';
      if (c.blind?.selfBlind && !done)
        return { selfBlind: true, released: c.injects.filter((i) => s.isReleased(i.id)), pending: c.injects.filter((i) => !s.isReleased(i.id)).length };
      return { selfBlind: false, config: c, upcoming: s.upcoming(), scenario: a.drill.scenario };
    });

    r.post('/api/drill/control', (req, reply) => {
      const a = auth(req, reply);
      if (!a) return reply;
      const b = req.body as { op?: unknown; speed?: unknown } | null;
      const ops = ['brief', 'start', 'pause', 'resume', 'end', 'debrief', 'speed'];
      if (!b || typeof b.op !== 'string' || !ops.includes(b.op)) return reply.code(400).send({ error: apiError('badRequest', { detail: 'op' }) });
      return send(reply, svc.control(a.participant, a.drill, b.op as ControlOp, typeof b.speed === 'number' ? b.speed : undefined));
    });

    r.post('/api/drill/injects/:id/release', (req, reply) => {
      const a = auth(req, reply);
      if (!a) return reply;
      const fill = (req.body as { fill?: unknown } | null)?.fill;
      return send(reply, svc.release(a.participant, a.drill, String((req.params as { id: string }).id), (fill ?? {}) as SlotFill));
    });

    r.post('/api/drill/injects', (req, reply) => {
      const a = auth(req, reply);
      if (!a) return reply;
      return send(reply, svc.adhoc(a.participant, a.drill, req.body));
    });

    r.post('/api/drill/actions', (req, reply) => {
      const a = auth(req, reply);
      if (!a) return reply;
      const b = req.body as { decision?: unknown; clientId?: unknown } | null;
      if (!b || typeof b.clientId !== 'string' || b.clientId.length < 1 || b.clientId.length > 64)
        return reply.code(400).send({ error: apiError('badRequest', { detail: 'clientId' }) });
      return send(reply, svc.act(a.participant, a.drill, b.decision, b.clientId));
    });

    r.post('/api/drill/acks', (req, reply) => {
      const a = auth(req, reply);
      if (!a) return reply;
      const b = req.body as { key?: unknown } | null;
      if (!b || typeof b.key !== 'string' || b.key.length > 100) return reply.code(400).send({ error: apiError('badRequest', { detail: 'key' }) });
      return send(reply, svc.ack(a.participant, a.drill, b.key));
    });

    r.post('/api/drill/notes', (req, reply) => {
      const a = auth(req, reply);
      if (!a) return reply;
      const b = NoteBody.safeParse(req.body);
      if (!b.success) return reply.code(400).send({ error: apiError('badRequest', { detail: firstIssue(b.error) }) });
      return send(reply, svc.note(a.participant, a.drill, b.data));
    });

    r.get('/api/drill/participants', (req, reply) => {
      const a = auth(req, reply);
      if (!a) return reply;
      const denied = svc.authorize(a.participant, a.drill, 'readScript');
      if (denied && a.participant.role !== 'director') return reply.code(403).send({ error: denied });
      return { participants: svc.store.participants(a.drill.row.id) };
    });

    // the director (re)issues join codes: all positions, or `{positions: [...]}`; old codes stop working
    r.post('/api/drill/position-codes', (req, reply) => {
      const a = auth(req, reply);
      if (!a) return reply;
      const b = req.body as { positions?: unknown } | null;
      const list = b?.positions;
      if (list !== undefined && (!Array.isArray(list) || list.length > 200 || list.some((x) => typeof x !== 'string' || x.length > 64)))
        return reply.code(400).send({ error: apiError('badRequest', { detail: 'positions' }) });
      return send(reply, svc.reissuePositionCodes(a.participant, a.drill, list as string[] | undefined));
    });

    // the director grants an observer the players' view (`{view: 'players'}`) or takes it back
    // (`{view: 'public'}`); the observer's sockets close (4002) so its screen reloads the view
    r.post('/api/drill/participants/:id/view', (req, reply) => {
      const a = auth(req, reply);
      if (!a) return reply;
      const b = req.body as { view?: unknown } | null;
      if (!b || (b.view !== 'players' && b.view !== 'public')) return reply.code(400).send({ error: apiError('badRequest', { detail: 'view' }) });
      const id = String((req.params as { id: string }).id);
      const out = svc.setObserverView(a.participant, a.drill, id, b.view);
      if (out.ok) for (const ws of sockets.get(id) ?? []) ws.close(4002, 'view changed');
      return send(reply, out);
    });

    r.delete('/api/drill/participants/:id', (req, reply) => {
      const a = auth(req, reply);
      if (!a) return reply;
      const id = String((req.params as { id: string }).id);
      const out = svc.revoke(a.participant, a.drill, id);
      if (out.ok && out.value.revoked) for (const ws of sockets.get(id) ?? []) ws.close(4001, 'revoked');
      return send(reply, out);
    });

    for (const plugin of opts.plugins ?? []) plugin(r, svc, auth);

    r.get('/ws', { websocket: true }, (socket, req) => {
      handleSocket(socket, req.ip);
    });
  });

  function handleSocket(ws: WebSocket, ip: string): void {
    // until hello, this connection's own bucket; after it, the participant's (shared with HTTP)
    const bucket = new TokenBucket(svc.now, opts.messageRate ?? 20, opts.messageBurst ?? 60);
    let who: { participant: ParticipantRow; drill: LiveDrill } | null = null;
    let unsubscribe: (() => void) | null = null;
    let dropped = 0;
    const out = (o: unknown) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(o));
    };
    const error = (e: ApiError, re?: string) => out({ type: 'error', ...(re ? { re } : {}), error: e });
    const helloTimer = setTimeout(() => {
      if (!who) ws.close(4000, 'hello timeout');
    }, 10_000);

    ws.on('error', () => {});
    ws.on('pong', () => alive.set(ws, true));
    ws.on('close', () => {
      clearTimeout(helloTimer);
      unsubscribe?.();
      if (who) sockets.get(who.participant.id)?.delete(ws);
    });

    ws.on('message', (raw: Buffer, isBinary: boolean) => {
      try {
        if (who ? limits.action(who.participant.id) > 0 : !bucket.take()) {
          if (++dropped > 200) ws.close(1008, 'flood');
          else if (dropped % 20 === 1) error(apiError('floodLimited'));
          return;
        }
        if (isBinary || raw.length > maxBytes) return error(apiError('tooLarge'));
        let msg: unknown;
        try {
          msg = JSON.parse(raw.toString('utf8'));
        } catch {
          return error(apiError('badJson'));
        }
        const parsed = ClientMessage.safeParse(msg);
        if (!parsed.success) {
          const t = (msg as { type?: unknown } | null)?.type;
          return error(typeof t === 'string' && !['hello', 'ping', 'action', 'ack', 'control', 'release', 'note'].includes(t) ? apiError('unknownType', { detail: t.slice(0, 40) }) : apiError('badRequest', { detail: firstIssue(parsed.error) }));
        }
        const m = parsed.data;
        if (m.type === 'hello') return hello(m.token, m.since);
        if (!who) return error(apiError('needHello'));
        const { participant: p, drill: d } = who;
        const re = 'id' in m ? m.id : undefined;
        const reply = (o: Outcome<unknown>) => out(o.ok ? { type: 'result', re, ok: true, value: o.value } : { type: 'result', re, ok: false, error: o.error });
        switch (m.type) {
          case 'ping':
            return out({ type: 'pong', re, clock: svc.clockFrame(d) });
          case 'action':
            return reply(svc.act(p, d, m.decision, m.id));
          case 'ack':
            return reply(svc.ack(p, d, m.key));
          case 'control':
            return reply(svc.control(p, d, m.op, m.speed));
          case 'release':
            return reply(svc.release(p, d, m.inject, m.fill ?? {}));
          case 'note': {
            const { type: _t, id: _i, ...note } = m;
            return reply(svc.note(p, d, note));
          }
        }
      } catch (e) {
        app.log.error(e);
        error(apiError('internal'));
      }
    });

    function hello(token: string, since: string | number | undefined): void {
      if (who) return error(apiError('badRequest', { detail: 'hello twice' }));
      // as over HTTP: a valid token is welcome from any address; wrong ones are counted per address
      const a = svc.authenticate(token);
      if (!a) {
        const wait = limits.blocked('token', ip);
        if (wait > 0) {
          error(apiError('rateLimited', { seconds: Math.ceil(wait / 1000) }));
          return void ws.close(4029, 'rate limited');
        }
        limits.failed('token', ip);
        error(apiError('badToken'));
        return void ws.close(4001, 'bad token');
      }
      const v = viewerOf(a.participant);
      const sinceSeq = decodeCursor(since, v, a.drill.cursors);
      if (sinceSeq === null) return error(apiError('badRequest', { detail: 'since' }));
      who = a;
      clearTimeout(helloTimer);
      if (!sockets.has(a.participant.id)) sockets.set(a.participant.id, new Set());
      sockets.get(a.participant.id)!.add(ws);
      out({ type: 'welcome', you: { participant: a.participant.id, role: a.participant.role, position: a.participant.position }, drill: { id: a.drill.row.id, title: a.drill.row.title, mode: a.drill.row.mode, commitment: a.drill.session.state.commitment, ...svc.clockFrame(a.drill) } });
      const sub: Subscriber = { participant: a.participant, viewer: v, send: (f) => ws.readyState === ws.OPEN && ws.send(f) };
      unsubscribe = svc.subscribe(a.drill, sub, sinceSeq);
      out({ type: 'caughtUp' });
    }
  }

  return app;
}
