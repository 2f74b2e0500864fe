import type { WebSocket } from '@fastify/websocket';
import type { FastifyInstance } from 'fastify';
import type { DrillService, LiveDrill, Outcome, Subscriber } from './drillService.ts';
import type { ParticipantRow } from './drillStore.ts';
import { apiError, type ApiError } from './messages.ts';
import { ClientMessage, firstIssue } from './protocol.ts';
import { TokenBucket, type ServerLimits } from './rateLimit.ts';
import { decodeCursor, viewerOf } from './views.ts';

export interface DrillSockets {
  /** open sockets by participant, to close them when a token is revoked or a view changes */
  readonly sockets: Map<string, Set<WebSocket>>;
  /** serves one WebSocket connection from address `ip` */
  handle(ws: WebSocket, ip: string): void;
}

/** A connection's message limits: its own rate and burst until hello (default 20/s, 60), and the largest message, bytes. */
export interface SocketLimits {
  messageRate?: number;
  messageBurst?: number;
  maxBytes: number;
}

/**
 * The drill's WebSocket side: a connection says hello with its role token (within 10 s), then
 * gets the frames its viewer may see from the cursor it gives, and sends actions, acks, control,
 * releases and notes as over HTTP, under the same limits. A socket that has not answered the
 * previous ping within 30 s is dropped (the heartbeat stops when the app closes).
 */
export function drillSockets(app: FastifyInstance, svc: DrillService, limits: ServerLimits, { messageRate, messageBurst, maxBytes }: SocketLimits): DrillSockets {
  const sockets = new Map<string, Set<WebSocket>>();
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

  function handleSocket(ws: WebSocket, ip: string): void {
    // until hello, this connection's own bucket; after it, the participant's (shared with HTTP)
    const bucket = new TokenBucket(svc.now, messageRate ?? 20, messageBurst ?? 60);
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

  return { sockets, handle: handleSocket };
}
