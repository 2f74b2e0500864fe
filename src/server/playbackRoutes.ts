import type { FastifyInstance, FastifyReply } from 'fastify';
import type { DrillRecord } from '../../engine/drill/records.ts';
import type { Scenario } from '../../engine/index.ts';
import type { AuthFn } from './requestGate.ts';
import type { DrillService, LiveDrill } from './drillService.ts';
import { apiError } from './messages.ts';
import { FailureLimiter } from './rateLimit.ts';
import { checkPassword } from './secrets.ts';
import { recordFrame } from './views.ts';

/** Record kinds a position's view of the playback folds or lists (the rest changes no map). */
const VIEW_KINDS = new Set(['sim', 'intel', 'inject']);

/**
 * The geography a playback draws, without what a sealed (blind) scenario keeps from staff until
 * the debrief: places, elevations, roads, registered sites, shelters, stores with their stock
 * and tiers, teams. No hazard distributions, no chain rules, no seed. Pure.
 */
export function playbackGeography(s: Scenario): Record<string, unknown> {
  return {
    id: s.id,
    name: s.name,
    region: s.region,
    roads: s.roads,
    hazardSites: s.hazardSites.map((h) => ({ id: h.id, name: h.name, kind: h.kind, village: h.village, threatenedPeople: h.threatenedPeople })),
    shelters: s.shelters,
    reserves: s.reserves,
    teams: s.teams,
  };
}

/**
 * One drill for the debrief playback: the ground truth (every engine event the drill logged, in
 * order, with its minute) and, per position, exactly the frames that position was sent and when
 * — each made by the server's own `recordFrame` for a trainee at that position, so the fog of
 * war is the one the drill ran with, not a re-derivation. Plus the moments the timeline marks:
 * injects released and evaluators' notes. Pure given the records.
 */
export function drillPlayback(d: LiveDrill, records: readonly DrillRecord[]): Record<string, unknown> {
  const events: Record<string, unknown>[] = [];
  const marks: { t: number; kind: 'inject' | 'note'; title?: unknown; text?: unknown }[] = [];
  for (const r of records) {
    if (r.kind === 'sim') events.push({ ...r.data, t: r.t });
    else if (r.kind === 'inject') marks.push({ t: r.t, kind: 'inject', title: r.data.title });
    else if (r.kind === 'note') marks.push({ t: r.t, kind: 'note', text: r.data.text });
  }
  const positions = d.config.positions.map((p) => {
    const viewer = { role: 'trainee' as const, position: p.id, view: null };
    const received: { t: number; kind: string; data: Record<string, unknown> }[] = [];
    for (const r of records) {
      if (!VIEW_KINDS.has(r.kind)) continue;
      const f = recordFrame(r, viewer, d);
      if (f) received.push({ t: f.t as number, kind: f.kind as string, data: f.data as Record<string, unknown> });
    }
    return { id: p.id, name: p.name, teams: p.teams, warehouses: p.warehouses, shelters: p.shelters, jurisdiction: p.jurisdiction, records: received };
  });
  const st = d.session.state;
  return {
    drill: { id: d.row.id, title: d.row.title, mode: d.row.mode, phase: st.phase, createdAt: d.row.createdAt },
    model: 'county',
    scenario: playbackGeography(d.scenario),
    events,
    marks,
    positions,
  };
}

/**
 * Read-only debrief playback of drills in the server's database (`#/playback`):
 * - `GET /api/playback/drills`: the drills (title, mode, phase, creation time — what the status
 *   page already shows; never codes);
 * - `POST /api/playback/drills/:id` `{password}`: one drill's playback for whoever knows its
 *   drill password (directors and evaluators); wrong passwords are counted per address and
 *   drill (5 a minute, then blocked, doubling);
 * - `GET /api/playback/drill` with a director's or evaluator's token: the playback of their drill
 *   (the debrief panel embeds it).
 * Nothing is written: no participant is added, no record logged.
 */
export function playbackRoutes(now: () => number = Date.now) {
  return (app: FastifyInstance, svc: DrillService, auth: AuthFn): void => {
    const limiter = new FailureLimiter(now, 5);
    const blocked = (reply: FastifyReply, key: string): boolean => {
      const wait = limiter.retryAfter(key);
      if (wait <= 0) return false;
      const seconds = Math.ceil(wait / 1000);
      reply.code(429).header('retry-after', seconds).send({ error: apiError('rateLimited', { seconds }) });
      return true;
    };

    app.get('/api/playback/drills', () => ({
      drills: svc.drills
        .map((d) => ({ id: d.row.id, title: d.row.title, mode: d.row.mode, phase: d.session.state.phase, createdAt: d.row.createdAt }))
        .sort((a, b) => b.createdAt - a.createdAt),
    }));

    app.post('/api/playback/drills/:id', async (req, reply) => {
      const id = String((req.params as { id?: unknown }).id ?? '').slice(0, 64);
      const key = `${req.ip} ${id}`;
      if (blocked(reply, key)) return reply;
      const d = svc.drill(id);
      if (!d) return reply.code(404).send({ error: apiError('unknownDrill') });
      const password = (req.body as { password?: unknown } | null)?.password;
      if (typeof password !== 'string' || password.length > 200 || !(await checkPassword(password, d.row.passwordHash))) {
        limiter.fail(key);
        return reply.code(401).send({ error: apiError('badPassword') });
      }
      limiter.succeed(key);
      return drillPlayback(d, svc.store.records(d.row.id));
    });

    app.get('/api/playback/drill', (req, reply) => {
      const a = auth(req, reply);
      if (!a) return reply;
      const denied = svc.authorize(a.participant, a.drill, 'report');
      if (denied) return reply.code(403).send({ error: denied });
      return drillPlayback(a.drill, svc.store.records(a.drill.row.id));
    });
  };
}
