/** A plan being edited: the document and the planner's source recorded for each edited path. */
export interface PlanState {
  doc: unknown;
  /** path key → the planner's source for the edit made there */
  sources: Readonly<Record<string, string>>;
}

/** Undo/redo over plan states (the newest last in `past`, the next redo first in `future`). */
export interface PlanHistory {
  past: PlanState[];
  present: PlanState;
  future: PlanState[];
}

/** At most this many undo steps are kept. */
export const HISTORY_LIMIT = 200;

export const startHistory = (present: PlanState): PlanHistory => ({ past: [], present, future: [] });

/** An edit: the new state becomes present, the old one undoable; redo is cleared. Pure. */
export function pushState(h: PlanHistory, next: PlanState): PlanHistory {
  if (next.doc === h.present.doc && next.sources === h.present.sources) return h;
  return { past: [...h.past, h.present].slice(-HISTORY_LIMIT), present: next, future: [] };
}

/** Steps back one edit (unchanged when there is none). Pure. */
export function undo(h: PlanHistory): PlanHistory {
  const prev = h.past[h.past.length - 1];
  return prev ? { past: h.past.slice(0, -1), present: prev, future: [h.present, ...h.future] } : h;
}

/** Steps forward one undone edit (unchanged when there is none). Pure. */
export function redo(h: PlanHistory): PlanHistory {
  const next = h.future[0];
  return next ? { past: [...h.past, h.present], present: next, future: h.future.slice(1) } : h;
}
