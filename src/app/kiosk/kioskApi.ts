import type { EvacuationScenario } from '../../../engine/evacuation/schema.ts';
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

/** A fresh seed (uint32) for a visitor's fire: the shell's randomness, not the engine's. */
export function pickSeed(): number {
  const a = new Uint32Array(1);
  crypto.getRandomValues(a);
  return a[0]!;
}
