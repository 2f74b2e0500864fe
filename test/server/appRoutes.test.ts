import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/server/buildServer.ts';
import { reportRoutes } from '../../src/server/reportRoutes.ts';
import { listScenarios, SCENARIO_DIR } from '../../src/server/scenarioDir.ts';
import { admin, ADMIN_TOKEN, FIXTURES, makeService, tempDir } from './helpers.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A server with a fake built app (index.html + one asset) in a temp folder. */
function withApp(built = true) {
  const tmp = tempDir();
  const appDir = join(tmp.dir, 'app');
  mkdirSync(join(appDir, 'assets'), { recursive: true });
  if (built) {
    writeFileSync(join(appDir, 'index.html'), '<!doctype html><html lang="zh-CN"><title>演练</title><div id="root"></div></html>');
    writeFileSync(join(appDir, 'assets', 'app.js'), 'console.log(1)');
  }
  const s = makeService();
  const app = buildServer({ service: s.service, plugins: [reportRoutes], adminToken: ADMIN_TOKEN, appDir, scenarios: () => listScenarios([FIXTURES, SCENARIO_DIR]) });
  cleanups.push(tmp.cleanup, () => {
    s.db.close();
  }, () => app.close());
  return { ...s, app };
}

describe('drill server: the web app and its helper routes', () => {
  it('serves the built app at / and its assets; the status page moves to /status', async () => {
    const { app } = withApp();
    const root = await app.inject('/');
    expect(root.statusCode).toBe(200);
    expect(root.headers['content-type']).toMatch(/text\/html/);
    expect(root.body).toContain('<div id="root">');
    expect((await app.inject('/assets/app.js')).statusCode).toBe(200);
    const status = await app.inject('/status');
    expect(status.statusCode).toBe(200);
    expect(status.body).toContain('演练服务器');
    expect(status.body).toContain('href="/"');
    // API and unknown paths still answer JSON
    expect((await app.inject('/api/health')).json()).toMatchObject({ ok: true });
    const missing = await app.inject('/api/nothing-here');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('notFound');
    expect((await app.inject('/../../package.json')).statusCode).toBe(404);
  });

  it('without a build, / is the status page and says how to build the app', async () => {
    const { app } = withApp(false);
    const root = await app.inject('/');
    expect(root.body).toContain('演练服务器');
    expect(root.body).toContain('npm run build');
  });

  it('lists the built-in scenarios with their titles', async () => {
    const { app } = withApp();
    const list = (await app.inject('/api/scenarios')).json().scenarios as { name: string; title: { zh: string; en: string } }[];
    expect(list.map((s) => s.name)).toContain('lezhi-rainstorm');
    expect(list.find((s) => s.name === 'tiny')?.title.zh).toContain('微型测试场景');
    expect(list.find((s) => s.name === 'lezhi-rainstorm')?.title.en).toMatch(/Lezhi/);
  });

  it('tells what a code opens (no token needed): a position code its position, the drill code no position; rate-limits wrong codes', async () => {
    const { app } = withApp();
    const created = (await app.inject({ method: 'POST', url: '/api/drills', headers: admin, payload: { title: '岗位', password: 'pw-123456', scenario: 'tiny', seed: 1 } })).json();
    const ok = await app.inject({ method: 'POST', url: '/api/positions', payload: { code: created.positionCodes['county-eb'].toLowerCase() } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ title: '岗位', position: { id: 'county-eb', name: { zh: expect.any(String) } } });
    expect(JSON.stringify(ok.json())).not.toMatch(/seed|inject|password/i);
    expect((await app.inject({ method: 'POST', url: '/api/positions', payload: { code: created.codeDisplay } })).json()).toEqual({ title: '岗位', mode: 'open', position: null });
    for (let i = 0; i < 20; i++) expect((await app.inject({ method: 'POST', url: '/api/positions', payload: { code: 'ZZZZ-ZZZZ' } })).statusCode).toBe(404);
    expect((await app.inject({ method: 'POST', url: '/api/positions', payload: { code: 'ZZZZ-ZZZZ' } })).statusCode).toBe(429);
    expect((await app.inject({ method: 'POST', url: '/api/positions', payload: { code: 42 } })).statusCode).toBe(429);
  });
});
