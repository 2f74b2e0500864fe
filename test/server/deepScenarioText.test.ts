/**
 * Issue 18: a scenario text nested 1000 deep in POST /api/drills used to get 400 once and then
 * abort the whole server (V8 "RegExpCompiler Allocation failed"). Now the located-parse front
 * refuses it before the YAML composer: 400 every time, with the located problem, and the server
 * goes on serving.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { admin, FakeClock, makeApp } from './helpers.ts';

const apps: ReturnType<typeof makeApp>[] = [];
afterEach(async () => {
  for (const a of apps.splice(0)) await a.app.close();
});

describe('POST /api/drills with deeply nested scenarioText', () => {
  for (const [name, text] of [
    ['flow', '['.repeat(1000) + ']'.repeat(1000)],
    ['block', Array.from({ length: 1000 }, (_, i) => '  '.repeat(i) + '-').join('\n')],
  ] as const)
    it(`${name}: 400 each time, the problem located, the server still up`, async () => {
      const a = makeApp(':memory:', new FakeClock());
      apps.push(a);
      for (let i = 0; i < 3; i++) {
        const r = await a.app.inject({ method: 'POST', url: '/api/drills', headers: admin, payload: { title: 'x', password: 'pw-123456', scenarioText: text } });
        expect(r.statusCode).toBe(400);
        expect(r.body).toMatch(/嵌套过深|nesting too deep/);
      }
      const ok = await a.app.inject({ method: 'POST', url: '/api/drills', headers: admin, payload: { title: 'x', password: 'pw-123456', scenario: 'tiny', seed: 1, speed: 600 } });
      expect(ok.statusCode).toBe(200);
    });
});
