import Dexie, { type EntityTable } from 'dexie';
import type { ModelId } from '../../../engine/model/modelTypes.ts';

/** A plan saved in the browser: the original file (so the comparison's plan A survives too), the edited plan and its sources. */
export interface SavedPlan {
  id: number;
  /** the planner's name for it */
  name: string;
  /** the original file's name and exact text */
  file: string;
  originalText: string;
  model: ModelId;
  /** the edited plan as JSON (the document the forms edit) */
  docJson: string;
  /** path key → the planner's source of the edit made there */
  sources: Record<string, string>;
  changes: number;
  savedAt: string;
}

/** A finished run saved in the browser: its summary file's exact text, keyed by the SHA-256 of the plan that ran. */
export interface SavedRun {
  id: number;
  scenarioSha256: string;
  file: string;
  trials: number;
  seed: number;
  partial: boolean;
  summaryJson: string;
  savedAt: string;
}

/** The workbench's IndexedDB database (Dexie): plans and runs survive a reload. */
export class PlannerDb extends Dexie {
  plans!: EntityTable<SavedPlan, 'id'>;
  runs!: EntityTable<SavedRun, 'id'>;

  constructor(name = 'yanlian-planner') {
    super(name);
    this.version(1).stores({ plans: '++id, name, savedAt', runs: '++id, scenarioSha256, savedAt' });
  }
}

/** Runs kept per plan (the oldest go first). */
export const RUNS_KEPT = 20;

let shared: PlannerDb | null = null;
/** The page's database, opened on first use. */
export const plannerDb = (): PlannerDb => (shared ??= new PlannerDb());

/** Saves a plan under a name; a plan of the same name and file is replaced. Returns its id. */
export async function savePlan(db: PlannerDb, p: Omit<SavedPlan, 'id' | 'savedAt'>, now = new Date()): Promise<number> {
  return db.transaction('rw', db.plans, async () => {
    const same = await db.plans.where('name').equals(p.name).filter((x) => x.file === p.file).first();
    const row = { ...p, savedAt: now.toISOString() };
    if (same) {
      await db.plans.put({ ...row, id: same.id });
      return same.id;
    }
    return (await db.plans.add(row as SavedPlan)) as number;
  });
}

/** Saved plans, newest first. */
export const listPlans = (db: PlannerDb): Promise<SavedPlan[]> => db.plans.orderBy('savedAt').reverse().toArray();

/** Saves a finished run, keeping the newest RUNS_KEPT of its plan. */
export async function saveRun(db: PlannerDb, r: Omit<SavedRun, 'id' | 'savedAt'>, now = new Date()): Promise<void> {
  await db.transaction('rw', db.runs, async () => {
    await db.runs.add({ ...r, savedAt: now.toISOString() } as SavedRun);
    const all = await db.runs.where('scenarioSha256').equals(r.scenarioSha256).sortBy('savedAt');
    const extra = all.length - RUNS_KEPT;
    if (extra > 0) await db.runs.bulkDelete(all.slice(0, extra).map((x) => x.id));
  });
}

/** A plan's saved runs, newest first. */
export async function runsOf(db: PlannerDb, scenarioSha256: string): Promise<SavedRun[]> {
  return (await db.runs.where('scenarioSha256').equals(scenarioSha256).sortBy('savedAt')).reverse();
}
