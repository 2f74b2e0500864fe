import type { WebSocket } from '@fastify/websocket';
import type { FastifyInstance } from 'fastify';
import type { ControlOp } from '../../engine/drill/drillSession.ts';
import type { SlotFill } from '../../engine/drill/injectSlots.ts';
import type { DrillService } from './drillService.ts';
import { apiError } from './messages.ts';
import { firstIssue, NoteBody } from './protocol.ts';
import { send, type AuthFn } from './requestGate.ts';
import { formatCode } from './secrets.ts';
import { decodeCursor, isStaff, publicMap, recordFrame, viewerOf } from './views.ts';

/**
 * A joined participant's HTTP API (every route takes its role token): the drill and its map as
 * this viewer may see them, its events, the script, control, injects, actions, acks, notes, and
 * the director's management of participants and codes. `sockets` (open sockets by participant)
 * are closed when a participant is revoked (4001) or an observer's view changes (4002).
 */
export function registerDrillRoutes(r: FastifyInstance, svc: DrillService, auth: AuthFn, sockets: ReadonlyMap<string, Set<WebSocket>>): void {
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
}
