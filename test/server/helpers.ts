import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildServer } from '../../src/server/buildServer.ts';
import { openDb } from '../../src/server/db.ts';
import { DrillService, type ServiceOptions } from '../../src/server/drillService.ts';
import { DrillStore } from '../../src/server/drillStore.ts';
import { scenarioResolver, SCENARIO_DIR } from '../../src/server/scenarioDir.ts';
import { reportRoutes } from '../../src/server/reportRoutes.ts';

export const FIXTURES = new URL('../fixtures/scenarios/', import.meta.url).pathname;

/** A hand-driven wall clock (ms). */
export class FakeClock {
  constructor(public ms = Date.parse('2025-07-10T12:00:00Z')) {}
  now = () => this.ms;
  advance(ms: number) {
    this.ms += ms;
  }
}

export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'yanlian-server-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A service on a database file (or memory) with a fake clock and tiny + shipped scenarios. */
export function makeService(file = ':memory:', clock = new FakeClock(), maxSpeed = 3600, opts: Partial<ServiceOptions> = {}) {
  const db = openDb(file);
  const service = new DrillService({ store: new DrillStore(db), now: clock.now, maxSpeed, scenarioText: scenarioResolver([FIXTURES, SCENARIO_DIR]), ...opts });
  service.recoverAll();
  return { db, service, clock };
}

/** The server admin token of the test apps (creating a drill needs it). */
export const ADMIN_TOKEN = 'test-admin-token-2025';

export function makeApp(file = ':memory:', clock = new FakeClock(), extra: Omit<Parameters<typeof buildServer>[0], 'service'> = {}, service: Partial<ServiceOptions> = {}) {
  const s = makeService(file, clock, 3600, service);
  const app = buildServer({ service: s.service, plugins: [reportRoutes], adminToken: ADMIN_TOKEN, ...extra });
  return { ...s, app };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** The headers of a trainer creating a drill (POST /api/drills). */
export const admin = bearer(ADMIN_TOKEN);
