import type { Scenario } from '../scenario/schema/scenario.ts';
import type { LogEvent } from '../sim/eventLog.ts';
import { toPositions, type Audience } from './audience.ts';
import type { DrillSchedule } from './blindDraw.ts';
import type { DrillConfig, Inject } from './drillConfig.ts';
import { fillText, type SlotFill } from './injectSlots.ts';
import type { Fog } from './fog.ts';

/** Something the drill releases at a simulated minute: an inject or an intelligence report. */
export interface PlannedRelease {
  /** unique per drill: `inject:<id>` or `intel:<engine seq>` */
  key: string;
  atMin: number;
  kind: 'inject' | 'intel';
  audience: Audience;
  data: Record<string, unknown>;
  /** order of planning, to break ties at the same minute */
  order: number;
}

/** What players see of an inject: no trigger, no expected actions, no script notes. Pure. */
export function injectRelease(inj: Inject, s: Scenario, fill: SlotFill | LogEvent | null, how: 'scheduled' | 'conditional' | 'manual' | 'adhoc'): Record<string, unknown> {
  return { key: `inject:${inj.id}`, inject: inj.id, title: fillText(inj.title, s, fill), body: fillText(inj.body, s, fill), channel: inj.channel, to: inj.to, how };
}

export function injectAudience(inj: Inject, config: DrillConfig): Audience {
  return toPositions(inj.to.length ? inj.to : config.positions.map((p) => p.id));
}

/**
 * Plans what the drill releases as the world unfolds: scheduled injects at their (drawn)
 * offsets, conditional injects after the first matching engine event, and intelligence reports
 * after each slide or cut. Incremental: feed every engine event in order with `observe`, take
 * what is due with `due`. Keys already released (after a restart, or by hand) are skipped.
 * Deterministic; no clock.
 */
export class Planner {
  private readonly pending: PlannedRelease[] = [];
  private readonly done = new Set<string>();
  private readonly waiting: Inject[];
  private order = 0;

  constructor(
    private readonly scenario: Scenario,
    private readonly config: DrillConfig,
    schedule: DrillSchedule,
    private readonly fog: Fog,
  ) {
    const fires = new Map(schedule.injects.map((x) => [x.id, x]));
    this.waiting = [];
    for (const inj of config.injects) {
      const f = fires.get(inj.id);
      if (!f?.fires) continue;
      if (inj.trigger.kind === 'at')
        this.add({ key: `inject:${inj.id}`, atMin: f.offsetMin ?? inj.trigger.offsetMin, kind: 'inject', audience: injectAudience(inj, config), data: injectRelease(inj, scenario, null, 'scheduled') });
      else if (inj.trigger.kind === 'on') this.waiting.push(inj);
    }
  }

  private add(p: Omit<PlannedRelease, 'order'>): void {
    if (this.done.has(p.key) || this.pending.some((x) => x.key === p.key)) return;
    this.pending.push({ ...p, order: this.order++ });
  }

  /** Marks a key as released already (it will not be planned or released again). */
  markDone(key: string): void {
    this.done.add(key);
    const i = this.pending.findIndex((x) => x.key === key);
    if (i >= 0) this.pending.splice(i, 1);
  }

  isDone(key: string): boolean {
    return this.done.has(key);
  }

  /**
   * Takes a release already planned (a conditional inject whose event has happened, waiting
   * for its delay) out of the plan and marks it done; null if nothing is planned under `key`.
   */
  take(key: string): PlannedRelease | null {
    const i = this.pending.findIndex((x) => x.key === key);
    if (i < 0) return null;
    const [p] = this.pending.splice(i, 1);
    this.done.add(key);
    return p!;
  }

  /** Takes note of one engine event: it may trigger an inject or a report. */
  observe(e: LogEvent): void {
    const intel = this.fog.report(e);
    if (intel) this.add({ key: `intel:${e.seq}`, atMin: intel.atMin, kind: 'intel', audience: intel.audience, data: { key: `intel:${e.seq}`, ...intel.data } });
    for (let i = 0; i < this.waiting.length; i++) {
      const inj = this.waiting[i]!;
      const tr = inj.trigger;
      if (tr.kind !== 'on' || tr.event !== e.type) continue;
      if (tr.match && !Object.entries(tr.match).every(([k, v]) => e[k] === v)) continue;
      this.waiting.splice(i--, 1);
      this.add({
        key: `inject:${inj.id}`,
        atMin: e.t + tr.delayMin,
        kind: 'inject',
        audience: injectAudience(inj, this.config),
        data: { ...injectRelease(inj, this.scenario, e, 'conditional'), cause: e.seq },
      });
    }
  }

  /** Removes and returns what is due by simulated minute `t`, in (time, planning) order. */
  due(t: number): PlannedRelease[] {
    const out = this.pending.filter((p) => p.atMin <= t).sort((a, b) => a.atMin - b.atMin || a.order - b.order);
    for (const p of out) {
      this.pending.splice(this.pending.indexOf(p), 1);
      this.done.add(p.key);
    }
    return out;
  }

  /** What is still waiting (for the director's view): keys and their minute. */
  upcoming(): { key: string; atMin: number }[] {
    return this.pending.map((p) => ({ key: p.key, atMin: p.atMin })).sort((a, b) => a.atMin - b.atMin);
  }
}
