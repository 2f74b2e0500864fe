import { afterEach, describe, expect, it } from 'vitest';
import { runEvacuation } from '../../engine/evacuation/index.ts';
import { buildServer } from '../../src/server/buildServer.ts';
import { kioskRoutes } from '../../src/server/kioskRoutes.ts';
import { SCENARIO_DIR } from '../../src/server/scenarioDir.ts';
import { FIXTURES, makeService } from './helpers.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function server(dirs = [FIXTURES, SCENARIO_DIR], now = () => 1_000_000) {
  const s = makeService();
  const app = buildServer({ service: s.service, plugins: [kioskRoutes(dirs, now)], appDir: null });
  cleanups.push(() => void s.db.close(), () => app.close());
  return app;
}

describe('kiosk routes (science-education centre)', () => {
  it('lists only building (model: evacuation) scenarios, with both titles', async () => {
    const app = server();
    const res = await app.inject('/api/kiosk/scenarios');
    expect(res.statusCode).toBe(200);
    const list = (res.json() as { scenarios: { name: string; title: { zh: string; en: string } }[] }).scenarios;
    expect(list.map((s) => s.name)).toContain('school-fire-evacuation');
    expect(list.map((s) => s.name)).not.toContain('lezhi-rainstorm');
    const school = list.find((s) => s.name === 'school-fire-evacuation')!;
    expect(school.title.zh).toContain('小学');
    expect(school.title.en).toMatch(/school/i);
  });

  it('returns the loaded scenario as JSON that the pure engine runs as is', async () => {
    const app = server();
    const res = await app.inject('/api/kiosk/scenario/school-fire-evacuation');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    const body = res.json() as { name: string; scenario: Parameters<typeof runEvacuation>[0] };
    expect(body.name).toBe('school-fire-evacuation');
    expect(body.scenario.model).toBe('evacuation');
    expect(body.scenario.roles).toHaveLength(7);
    const { outcome } = runEvacuation(body.scenario, 1);
    expect(outcome.totals.people).toBeGreaterThan(1000);
  });

  it('a bad or unknown name, or a county scenario, is a 404 with a readable zh/en message', async () => {
    const app = server();
    for (const name of ['no-such-school', 'lezhi-rainstorm', '..%2Fpackage', 'UPPER']) {
      const res = await app.inject(`/api/kiosk/scenario/${name}`);
      expect(res.statusCode, name).toBe(404);
      const e = (res.json() as { error: { code: string; zh: string; en: string } }).error;
      expect(e.code).toBe('unknownKioskScenario');
      expect(e.zh).toContain('建筑疏散场景');
      expect(e.en).toContain('no building evacuation scenario');
    }
  });

  it('blocks an address after many misses, with retry-after', async () => {
    const app = server();
    let last = 0;
    for (let i = 0; i < 25; i++) last = (await app.inject(`/api/kiosk/scenario/miss-${i}`)).statusCode;
    expect(last).toBe(429);
    const res = await app.inject('/api/kiosk/scenario/school-fire-evacuation');
    expect(res.statusCode).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect((res.json() as { error: { zh: string } }).error.zh).toContain('秒后再试');
  });
});
