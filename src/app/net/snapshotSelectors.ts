import type { DrillSnapshot } from './DrillConnection.ts';

/** Stable selectors of the connection snapshot (module-level, so they memoise). */
export const selectEvents = (s: DrillSnapshot) => s.events;
export const selectClock = (s: DrillSnapshot) => s.clock;
export const selectStatus = (s: DrillSnapshot) => s.status;
export const selectCaughtUp = (s: DrillSnapshot) => s.caughtUp;
export const selectPhase = (s: DrillSnapshot) => s.clock?.phase ?? null;
export const selectSpeed = (s: DrillSnapshot) => s.clock?.speed ?? null;
export const selectCommitment = (s: DrillSnapshot) => s.commitment;
export const selectClosedReason = (s: DrillSnapshot) => s.closedReason;
export const selectReconnects = (s: DrillSnapshot) => s.reconnects;
