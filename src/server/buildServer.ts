import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import websocket from '@fastify/websocket';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { ENGINE_VERSION } from '../../engine/index.ts';
import { registerDrillRoutes } from './drillRoutes.ts';
import type { DrillService } from './drillService.ts';
import { drillSockets } from './drillSocket.ts';
import { registerEntryRoutes } from './entryRoutes.ts';
import { apiError, type ApiError } from './messages.ts';
import { ServerLimits, type LimitOptions } from './rateLimit.ts';
import { requestGate, type AuthFn } from './requestGate.ts';
import type { ScenarioEntry } from './scenarioDir.ts';
import { statusPage } from './statusPage.ts';

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

/**
 * The drill server as a Fastify app: HTTP API (entryRoutes, drillRoutes, the plugins' routes)
 * plus one WebSocket route (drillSocket). Tests drive it with
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

  const gate = requestGate(svc, limits);
  app.register(websocket, { options: { maxPayload: maxBytes } });
  const ws = drillSockets(app, svc, limits, { messageRate: opts.messageRate, messageBurst: opts.messageBurst, maxBytes });

  // the web app's files; API and WebSocket routes are exact paths and take precedence
  const appBuilt = !!opts.appDir && existsSync(join(opts.appDir, 'index.html'));
  if (appBuilt) app.register(fastifyStatic, { root: opts.appDir!, prefix: '/', index: 'index.html', wildcard: true, decorateReply: false });

  app.register(async (r) => {
    const status = (_req: FastifyRequest, reply: FastifyReply) => reply.type('text/html; charset=utf-8').send(statusPage(svc.drills, ENGINE_VERSION, svc.now(), appBuilt));
    if (!appBuilt) r.get('/', status);
    r.get('/status', status);
    r.get('/api/health', () => ({ ok: true, version: ENGINE_VERSION, drills: svc.drills.length }));
    registerEntryRoutes(r, svc, limits, gate, opts);
    registerDrillRoutes(r, svc, gate.auth, ws.sockets);
    for (const plugin of opts.plugins ?? []) plugin(r, svc, gate.auth);
    r.get('/ws', { websocket: true }, (socket, req) => ws.handle(socket, req.ip));
  });
  return app;
}
