import type { FastifyInstance } from 'fastify';
import type { DrillService } from './drillService.ts';
import { apiError } from './messages.ts';
import { CreateBody, firstIssue, JoinBody } from './protocol.ts';
import type { ServerLimits } from './rateLimit.ts';
import { bearerOf, send, type RequestGate } from './requestGate.ts';
import type { ScenarioEntry } from './scenarioDir.ts';
import { formatCode, normaliseCode, sameSecret } from './secrets.ts';
import { normalisePositionCode } from './positionCodes.ts';

/**
 * The routes used before holding a role token: a trainer creating a drill (with the server's
 * admin token), the built-in scenarios to pick from, what a code opens, and joining a drill.
 */
export function registerEntryRoutes(r: FastifyInstance, svc: DrillService, limits: ServerLimits, gate: RequestGate, opts: { adminToken?: string | null; scenarios?: () => ScenarioEntry[] }): void {
  const { limited } = gate;
  let scenarioList: ScenarioEntry[] | undefined;

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
}
