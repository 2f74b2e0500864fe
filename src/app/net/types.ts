/**
 * The drill server's wire format as the web app reads it (src/server/buildServer.ts,
 * src/server/views.ts). The app renders these frames; it never simulates anything itself.
 */
// The engine's own types, imported type-only (nothing of the engine enters the bundle), not copied.
import type { Role } from '../../../engine/drill/audience.ts';
import type { DecisionKind, Inject } from '../../../engine/drill/drillConfig.ts';
import type { DrillPhase } from '../../../engine/drill/drillLifecycle.machine.ts';
import type { DrillRecord } from '../../../engine/drill/records.ts';

/** Text in both languages; English may be missing (falls back to the Chinese). */
export interface Bilingual {
  zh: string;
  en?: string;
}

/** An error the server sends: a stable code plus both languages. */
export interface ApiError {
  code: string;
  zh: string;
  en: string;
}

export type { Role } from '../../../engine/drill/audience.ts';
export type { DrillPhase } from '../../../engine/drill/drillLifecycle.machine.ts';
export type { DecisionKind } from '../../../engine/drill/drillConfig.ts';
export type { RecordKind } from '../../../engine/drill/records.ts';
/** A trainee decision as sent to `POST /api/drill/actions` (engine/drill/decisionSchema.ts). */
export type { Decision } from '../../../engine/sim/decision.ts';
export type DrillMode = 'open' | 'blind';
/** County response level (应急响应): Ⅳ lowest … Ⅰ highest. */
export type ResponseLevel = 'IV' | 'III' | 'II' | 'I';
/** Rainstorm warning signal (暴雨预警信号). */
export type WarningLevel = 'blue' | 'yellow' | 'orange' | 'red';
export type Channel = 'phone' | 'sms' | 'radio' | 'written' | 'video';
/** The drill clock: simulated minutes since the scenario start, paced at `speed`×. */
export interface ClockFrame {
  phase: DrillPhase;
  /** simulated minutes */
  t: number;
  speed: number;
  running: boolean;
  horizonMin: number;
}

export interface DrillSummary extends ClockFrame {
  id: string;
  title: string;
  mode: DrillMode;
  /** staff only: the drill code, XXXX-XXXX */
  code?: string;
  commitment: string | null;
  broken?: string | null;
}

export interface You {
  participant: string;
  role: Role;
  position: string | null;
  name?: string;
}

/**
 * One drill-log record as this viewer may see it (the engine's DrillRecord less its hash chain).
 * Staff frames carry `seq` and `audience`; players get an opaque cursor only.
 */
export type EventFrame = Pick<DrillRecord, 't' | 'at' | 'kind' | 'data'> &
  Partial<Pick<DrillRecord, 'seq' | 'audience'>> & {
    type: 'event';
    cursor: string;
  };

export type ServerFrame =
  | { type: 'welcome'; you: You; drill: Omit<DrillSummary, 'code'> }
  | EventFrame
  | { type: 'caughtUp' }
  | ({ type: 'clock' } & ClockFrame)
  | { type: 'pong'; re?: string; clock: ClockFrame }
  | { type: 'result'; re?: string; ok: boolean; value?: unknown; error?: ApiError }
  | { type: 'error'; re?: string; error: ApiError };

/** What `GET /api/drill` says of the map: names and, for a trainee, their own resources. */
export interface MapInfo {
  id: string;
  region: {
    name: Bilingual;
    townships: { id: string; name: Bilingual; node: string }[];
    villages: { id: string; name: Bilingual; township: string; population: number; node: string }[];
  };
  roads: { nodes: { id: string }[]; links: { id: string; name: Bilingual | null; from: string; to: string; lengthKm: number; trunk: boolean }[] };
  hazardSites: { id: string; name: Bilingual; kind: string; village: string; threatenedPeople: number }[];
  shelters: { id: string; name: Bilingual; node: string; capacity: number }[];
  items: { id: string; name: Bilingual; unit: Bilingual | string }[];
  warehouses: { id: string; name: Bilingual; tier: string; node: string; stock?: Record<string, number> }[];
  teams: { id: string; name: Bilingual; tier: string; node: string; size: number; capabilities: string[] }[];
  positions: { id: string; name: Bilingual }[];
  you: {
    position: string;
    name: Bilingual;
    may: DecisionKind[];
    teams: string[];
    warehouses: string[];
    shelters: string[];
    jurisdiction: 'county' | string[];
  } | null;
}

export interface DrillInfo {
  drill: DrillSummary;
  you: You;
  map: MapInfo;
}

/** A scripted inject (MSEL line) as the director reads it from `GET /api/drill/script`: the engine's own Inject (its expected actions with their `target`). */
export type ScriptInject = Inject;

export type ScriptResponse =
  | { selfBlind: false; config: { injects: ScriptInject[]; positions: { id: string; name: Bilingual }[]; objectives: { id: string; name: Bilingual }[] }; upcoming: { key: string; atMin: number }[] }
  | { selfBlind: true; released: ScriptInject[]; pending: number };

export interface ScenarioEntry {
  name: string;
  title: { zh: string; en: string };
  horizonHours: number | null;
}

export interface ParticipantRow {
  id: string;
  role: Role;
  position: string | null;
  name: string;
  revoked: boolean;
  /** an observer's view: null is public information only; `players` once the director grants it */
  view?: 'players' | null;
}

/** Join codes by position id, XXXXX-XXXXX (shown when issued; the server keeps only hashes). */
export type PositionCodes = Record<string, string>;

/** `POST /api/positions {code}`: what a code opens — a position code its position, the drill code none. */
export interface CodeLookup {
  title: string;
  mode: DrillMode;
  position: { id: string; name: Bilingual } | null;
}

/**
 * `GET /api/drill/verify`: the hash chain and, after the debrief, the commitment check. Players
 * get `chain: {ok}` only (the count and head would tell how many records they did not see).
 */
export interface VerifyResponse {
  chain: { ok: boolean; count?: number; head?: string; badSeq?: number; reason?: string };
  commitment: string | null;
  revealed: boolean;
  verification: { ok: boolean; commitmentMatches: boolean; scenarioMatches: boolean | null; configMatches: boolean | null; scheduleRedrawn: boolean | null } | null;
}
