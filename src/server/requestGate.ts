import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DrillService, LiveDrill, Outcome } from './drillService.ts';
import type { ParticipantRow } from './drillStore.ts';
import { apiError } from './messages.ts';
import type { FailureKind, ServerLimits } from './rateLimit.ts';

/** The participant and drill a request's role token names; null when refused (already answered). */
export type AuthFn = (req: FastifyRequest, reply: FastifyReply) => { participant: ParticipantRow; drill: LiveDrill } | null;

/** Sends an outcome: its value, or its status and error. */
export const send = (reply: FastifyReply, o: Outcome<unknown>) => (o.ok ? reply.send(o.value) : reply.code(o.status).send({ error: o.error }));

/** The `Authorization: Bearer` token of a request. */
export function bearerOf(req: FastifyRequest): string | undefined {
  const h = req.headers.authorization;
  return typeof h === 'string' && h.startsWith('Bearer ') ? h.slice(7) : undefined;
}

/** See `requestGate`. */
export interface RequestGate {
  /** answers 429 (true) while `key` is blocked for failures of `kind` */
  limited(reply: FastifyReply, kind: FailureKind, key: string): boolean;
  auth: AuthFn;
}

/**
 * What every HTTP request passes: the failure limits per address and the participants' rates.
 * `limited` answers 429 (true) while `key` is blocked for failures of `kind`; `auth` takes a
 * valid token from any address (a classroom behind one NAT shares one), counts wrong ones per
 * address (429 past the limit), then applies the participant's own rate.
 */
export function requestGate(svc: DrillService, limits: ServerLimits): RequestGate {
  const limited = (reply: FastifyReply, kind: FailureKind, key: string): boolean => {
    const wait = limits.blocked(kind, key);
    if (wait <= 0) return false;
    reply.code(429).header('retry-after', Math.ceil(wait / 1000)).send({ error: apiError('rateLimited', { seconds: Math.ceil(wait / 1000) }) });
    return true;
  };
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
  return { limited, auth };
}
