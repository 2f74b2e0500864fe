import type { Db } from './db.ts';

/** What staff typed for one improvement item of the report: who does it, by when (free text). */
export interface ImprovementFill {
  owner: string;
  deadline: string;
}

/** The longest owner or deadline kept, in characters. */
export const FILL_MAX = 200;

/**
 * The owners and deadlines of a drill's improvement items (table `improvement_items`), keyed by
 * the item's Chinese text — the items themselves are derived from the drill's records by the
 * evaluation, so only what people add to them is stored. An item with both fields empty is
 * deleted.
 */
export class ImprovementItems {
  private readonly get;
  private readonly put;
  private readonly del;
  constructor(db: Db) {
    this.get = db.prepare<[string], { item_key: string; owner: string; deadline: string }>('SELECT item_key, owner, deadline FROM improvement_items WHERE drill_id = ?');
    this.put = db.prepare(
      'INSERT INTO improvement_items (drill_id, item_key, owner, deadline, updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (drill_id, item_key) DO UPDATE SET owner = excluded.owner, deadline = excluded.deadline, updated_at = excluded.updated_at',
    );
    this.del = db.prepare('DELETE FROM improvement_items WHERE drill_id = ? AND item_key = ?');
  }

  /** Every fill of a drill by item key. */
  of(drillId: string): Map<string, ImprovementFill> {
    return new Map(this.get.all(drillId).map((r) => [r.item_key, { owner: r.owner, deadline: r.deadline }]));
  }

  /** Sets (or with both empty, clears) one item's owner and deadline. */
  set(drillId: string, key: string, fill: ImprovementFill, at: number): void {
    if (!fill.owner && !fill.deadline) this.del.run(drillId, key);
    else this.put.run(drillId, key, fill.owner, fill.deadline, at);
  }
}
