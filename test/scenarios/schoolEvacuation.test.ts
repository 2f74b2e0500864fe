/**
 * The shipped school fire evacuation as a Monte Carlo: byte-identical summaries for any worker
 * count and chunking, plausible responses to blocking a stair and to slower pre-movement (same
 * trial seeds in every variant: common random numbers), and it stays off the trainer's county list.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadEvacuationScenario, type EvacuationScenario } from '../../engine/evacuation/index.ts';
import { summarizeEvac, type EvacMcSummary } from '../../engine/evacuation/montecarlo/index.ts';
import { runEvacMonteCarlo } from '../../engine/node/runEvacMonteCarlo.ts';
import { listScenarios } from '../../src/server/scenarioDir.ts';
import { SCENARIO_DIR } from './helpers.ts';

const FILE = 'school-fire-evacuation.yaml';
const loaded = loadEvacuationScenario(readFileSync(SCENARIO_DIR + FILE, 'utf8'), FILE, 'en');
if (!loaded.ok) throw new Error(`${FILE} does not load`);
const school = loaded.scenario;

const variant = (edit: (s: EvacuationScenario) => void): EvacuationScenario => {
  const c = structuredClone(school) as EvacuationScenario;
  edit(c);
  return c;
};

async function mc(s: EvacuationScenario, trials: number, workers = 1, chunkSize = 50, csv?: string[]): Promise<EvacMcSummary> {
  const r = await runEvacMonteCarlo({ scenario: s, master: 1, trials, chunkSize, workers, withCsv: csv !== undefined, onChunk: (x) => csv?.push(x.csv ?? '') });
  return summarizeEvac(s, r.layout, r.agg, { engineVersion: 'test', scenarioSha256: 'x', seed: 1, trialsRequested: trials, chunkSize, stoppedBy: r.stoppedBy, untilSe: null });
}

const met = (m: EvacMcSummary, id: string) => m.targets.find((t) => t.id === id)!.metProbability.estimate!;

describe('school fire evacuation, Monte Carlo', () => {
  it('summary and CSV rows are byte-identical for 1, 2 and 3 workers and any chunk size', async () => {
    const csv1: string[] = [];
    const base = JSON.stringify(await mc(school, 60, 1, 60, csv1));
    for (const [workers, chunk] of [[1, 7], [2, 13], [3, 1]] as const) {
      const csv: string[] = [];
      expect(JSON.stringify(await mc(school, 60, workers, chunk, csv)), `workers ${workers}, chunk ${chunk}`).toBe(base);
      expect(csv.join(''), `workers ${workers}, chunk ${chunk}`).toBe(csv1.join(''));
    }
  }, 180_000);

  it('blocking one stair never makes the targets likelier nor the evacuation faster, on average', async () => {
    const base = await mc(school, 200);
    for (const stair of ['SW', 'SM', 'SE']) {
      const shut = await mc(variant((s) => void (s.building.edges = s.building.edges.filter((e) => e.stair !== stair))), 200);
      for (const id of ['assembled', 'headcount']) expect(met(shut, id), `${stair} shut, ${id}`).toBeLessThanOrEqual(met(base, id));
      expect(shut.assembly.fromAlarmS.mean!, `${stair} shut`).toBeGreaterThan(base.assembly.fromAlarmS.mean!);
    }
  }, 180_000);

  it('more pre-movement delay never shortens the mean time to the assembly point', async () => {
    const base = await mc(school, 200);
    const slower = variant((s) => {
      for (const d of [s.preMovement.guidedS, s.preMovement.unguidedS] as unknown as { min: number; mode: number; max: number }[]) {
        d.min += 60;
        d.mode += 60;
        d.max += 60;
      }
    });
    const late = await mc(slower, 200);
    expect(late.assembly.fromAlarmS.mean!).toBeGreaterThanOrEqual(base.assembly.fromAlarmS.mean!);
    expect(met(late, 'headcount')).toBeLessThanOrEqual(met(base, 'headcount'));
  }, 180_000);

  it('the 4-minute assembly target is missed: the three 1.80 m stairs are the limit (reported, not tuned away)', async () => {
    const m = await mc(school, 200);
    expect(met(m, 'assembled')).toBe(0);
    expect(m.assembly.fromAlarmS.p50!).toBeGreaterThan(240);
    const wider = await mc(variant((s) => s.building.edges.forEach((e) => e.kind === 'stair' && ((e as { widthM: number }).widthM *= 2))), 200);
    expect(wider.assembly.fromAlarmS.p50!).toBeLessThan(m.assembly.fromAlarmS.p50!);
  }, 180_000);

  it('is not offered as a county drill by the trainer scenario list', () => {
    const names = listScenarios().map((e) => e.name);
    expect(names).toContain('lezhi-rainstorm');
    expect(names).not.toContain('school-fire-evacuation');
  });
});
