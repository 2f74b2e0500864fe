import type { FastifyInstance } from 'fastify';
import type { Lang } from '../../engine/index.ts';
import { buildServer } from './buildServer.ts';
import { openDb, type Db } from './db.ts';
import { DrillService } from './drillService.ts';
import { DrillStore } from './drillStore.ts';
import { smsg } from './messages.ts';
import { kioskRoutes } from './kioskRoutes.ts';
import { playbackRoutes } from './playbackRoutes.ts';
import { plannerRoutes } from './plannerRoutes.ts';
import { reportRoutes } from './reportRoutes.ts';
import { scenarioRoutes } from './scenarioRoutes.ts';
import { listScenarios, scenarioResolver, SCENARIO_DIR } from './scenarioDir.ts';
import { ScenarioParser } from './scenarioParser.ts';
import { newAdminToken } from './secrets.ts';

/** The built web app (`npm run build` writes it): repository root /dist/app. */
export const APP_DIR = new URL('../../dist/app/', import.meta.url).pathname;

export interface StartOptions {
  port: number;
  host: string;
  db: string;
  lang?: Lang;
  /** how often running drills advance, wall ms (default 100) */
  tickMs?: number;
  maxSpeed?: number;
  /** folders of built-in scenarios (default: the shipped scenarios/) */
  scenarioDirs?: string[];
  /** the built web app to serve at `/` (default APP_DIR; the status page stays at /status) */
  appDir?: string | null;
  /**
   * the server admin token trainers need to create drills; when absent a new one is generated
   * and printed with the address. Kept in memory only, never in the database.
   */
  adminToken?: string;
  /** most drills not yet started at once (default 20) */
  maxDrafts?: number;
  out?: (line: string) => void;
}

export interface RunningServer {
  app: FastifyInstance;
  service: DrillService;
  db: Db;
  port: number;
  /** the admin token in force (given or generated) */
  adminToken: string;
  close(): Promise<void>;
}

/**
 * Opens the database, restores every drill (running ones resume where their log ends), starts
 * the ticker that paces running drills with the real clock, and listens. The only place the
 * wall clock and timers drive the drill.
 */
export async function startServer(o: StartOptions): Promise<RunningServer> {
  const lang = o.lang ?? 'zh';
  const out = o.out ?? ((l: string) => process.stdout.write(l + '\n'));
  const db = openDb(o.db);
  const parser = new ScenarioParser();
  const adminToken = o.adminToken ?? newAdminToken();
  const service = new DrillService({
    parseScenario: parser.parse,
    maxDrafts: o.maxDrafts,
    store: new DrillStore(db),
    now: Date.now,
    maxSpeed: o.maxSpeed,
    scenarioText: scenarioResolver(o.scenarioDirs),
    log: (l) => process.stderr.write(l + '\n'),
  });
  const rec = service.recoverAll();
  if (rec.count) out(smsg(lang, 'recovered', { count: rec.count, running: rec.running }));
  for (const id of rec.broken) out(smsg(lang, 'recoverFailed', { id, detail: service.drill(id)?.broken ?? '' }));
  const app = buildServer({ service, adminToken, plugins: [reportRoutes, kioskRoutes(o.scenarioDirs ?? [SCENARIO_DIR]), scenarioRoutes(o.scenarioDirs ?? [SCENARIO_DIR]), playbackRoutes(), plannerRoutes(o.scenarioDirs ?? [SCENARIO_DIR])], appDir: o.appDir === undefined ? APP_DIR : o.appDir, scenarios: () => listScenarios(o.scenarioDirs ?? [SCENARIO_DIR]) });
  const timer = setInterval(() => {
    try {
      service.tickAll();
    } catch (e) {
      process.stderr.write(`tick: ${e instanceof Error ? e.stack : String(e)}\n`);
    }
  }, o.tickMs ?? 100);
  await app.listen({ port: o.port, host: o.host });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : o.port;
  out(smsg(lang, 'listening', { host: o.host, port, db: o.db }));
  // printed after the address, where the trainer at the server's console looks for it
  out(o.adminToken ? smsg(lang, 'adminTokenGiven') : smsg(lang, 'adminToken', { token: adminToken }));
  // start the parse worker now (esbuild bundle and thread), so the first creation does not wait for it
  void parser.warm().catch(() => {});
  return {
    app,
    service,
    db,
    port,
    adminToken,
    async close() {
      clearInterval(timer);
      await app.close();
      await parser.close();
      db.close();
    },
  };
}
