import type { EvacuationScenario } from '../../../engine/evacuation/schema.ts';
import type { Scenario } from '../../../engine/scenario/schema/scenario.ts';
import { apiCall, type ApiResult } from '../net/httpApi.ts';

/** A building scenario as `GET /api/kiosk/scenario/:name` returns it (loaded and validated on the server). */
export interface KioskScenarioResponse {
  name: string;
  title: { zh: string; en: string };
  scenario: EvacuationScenario;
}

/** The kiosk's default building: the shipped school fire evacuation. */
export const DEFAULT_KIOSK_SCENARIO = 'school-fire-evacuation';

/** Fetches one building scenario from the local server (no other network). Never throws. */
export function fetchKioskScenario(name: string): Promise<ApiResult<KioskScenarioResponse>> {
  return apiCall<KioskScenarioResponse>('GET', `/api/kiosk/scenario/${encodeURIComponent(name)}`);
}

const counties = new Map<string, Promise<ApiResult<{ scenario: Scenario }>>>();

/**
 * A county scenario for a 3D experience, fetched once per page and kept (a failure is not kept,
 * so the next call tries again). The server loads and checks every shipped scenario on its first
 * such request, tens of seconds on a busy kiosk PC: the kiosk asks while its start screen is idle
 * (warmHazards), so a visitor's tap finds it here. Never throws.
 */
export function fetchCountyScenario(name: string): Promise<ApiResult<{ scenario: Scenario }>> {
  let p = counties.get(name);
  if (!p) {
    p = apiCall<{ scenario: Scenario }>('GET', `/api/playback/scenario/${encodeURIComponent(name)}`).then((r) => {
      if (!r.ok) counties.delete(name);
      return r;
    });
    counties.set(name, p);
  }
  return p;
}

/** A fresh seed (uint32) for a visitor's fire: the shell's randomness, not the engine's. */
export function pickSeed(): number {
  const a = new Uint32Array(1);
  crypto.getRandomValues(a);
  return a[0]!;
}

/** The county scenarios the kiosk's 3D experiences play (rainstorm, earthquake, forest fire, typhoon); a test checks this against the experiences. */
export const KIOSK_COUNTY_SCENARIOS = ['lezhi-rainstorm', 'shidian-earthquake', 'shidian-forest-fire', 'pinghu-typhoon'] as const;

/**
 * Offline install: once the service worker controls the page, fetch every scenario the kiosk can
 * play, so its cache (network first, vite.config.ts) holds them all after one visit and every
 * experience works with the server stopped. Does nothing without a service worker (no secure
 * context, or the dev server). Failures are ignored: this only warms a cache.
 */
export function warmKioskCache(building: string = DEFAULT_KIOSK_SCENARIO): void {
  // typed structurally: this module is also imported by Node tests, which have no DOM types
  const sw = (globalThis as { navigator?: { serviceWorker?: { controller: unknown; addEventListener(type: 'controllerchange', f: () => void, o: { once: boolean }): void } } }).navigator?.serviceWorker;
  if (!sw) return;
  const go = () => {
    for (const u of [`/api/kiosk/scenario/${encodeURIComponent(building)}`, ...KIOSK_COUNTY_SCENARIOS.map((n) => `/api/playback/scenario/${n}`)]) void fetch(u).catch(() => undefined);
  };
  if (sw.controller) go();
  else sw.addEventListener('controllerchange', go, { once: true });
}
