import type { Viewer } from '../../engine/drill/audience.ts';
import type { DrillConfig } from '../../engine/drill/drillConfig.ts';
import type { DrillSession } from '../../engine/drill/drillSession.ts';
import type { Scenario } from '../../engine/index.ts';
import type { DrillRow, DrillStore, ParticipantRow } from './drillStore.ts';
import type { ApiError } from './messages.ts';
import type { OpaqueIds } from './opaqueIds.ts';
import type { ParseScenario } from './scenarioParser.ts';
import type { CursorCodec } from './secrets.ts';

/** A connected client of one drill: who it is and how to send it a frame (JSON text). */
export interface Subscriber {
  participant: ParticipantRow;
  viewer: Viewer;
  send(frame: string): void;
}

/** One drill held in memory: its row, session and subscribers. */
export interface LiveDrill {
  row: DrillRow;
  scenario: Scenario;
  config: DrillConfig;
  session: DrillSession;
  cursors: CursorCodec;
  /** opaque per-position names of inject and report keys */
  ids: OpaqueIds;
  subs: Set<Subscriber>;
  /** set when the log could not be restored: the drill is then read-only */
  broken: string | null;
  lastSave: number;
  lastClockFrame: number;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; status: number; error: ApiError };

export interface ServiceOptions {
  store: DrillStore;
  /** wall clock, ms (injected for tests) */
  now?: () => number;
  /** highest clock speed allowed (default 3600×) */
  maxSpeed?: number;
  /** looks up a built-in scenario's text by name ("lezhi-rainstorm", "tiny") */
  scenarioText?: (name: string) => string | undefined;
  log?: (line: string) => void;
  /**
   * loads a new drill's scenario text; `startServer` passes a worker thread (ScenarioParser) so
   * a big upload does not stall other drills (default: this thread, for tests)
   */
  parseScenario?: ParseScenario;
  /** largest uploaded scenario text, UTF-8 bytes (default 1 MiB; the shipped ones are under 200 KiB) */
  maxScenarioBytes?: number;
  /** most drills not yet started (draft or briefing) at once, counting those being created (default 20) */
  maxDrafts?: number;
  /** most creations loading their scenario at once (default 2) */
  maxCreating?: number;
}

export interface CreateDrillInput {
  title: string;
  password: string;
  directorName?: string;
  scenario?: string;
  scenarioText?: string;
  mode?: 'open' | 'blind';
  config?: unknown;
  speed?: number;
  seed?: number;
}
