/**
 * Checks a builder prints with --calibrate: the real engine over seeds 1…n, and the default
 * scenario's own reading of the rainfall chain rule. Node-only (reads the written scenario).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Document } from 'yaml';
import { writeScenario } from './layout.ts';
import { Rand, clamp, round } from './rand.ts';

/** The real engine over seeds 1…n: headline figures (failed sites, cuts, stock-outs, targets met). */
export async function engineCheck(file: string, n: number): Promise<Record<string, unknown>> {
  const { loadScenario, runTrial, compiledMachines } = await import('../../engine/index.ts');
  const r = loadScenario(readFileSync(file, 'utf8'), file, 'en');
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
  const failed: number[] = [];
  let trunk = 0;
  let stockout = 0;
  const met: Record<string, [number, number]> = {};
  const highest: Record<string, number> = {};
  const warn: Record<string, number> = {};
  let deadAny = 0;
  for (let seed = 1; seed <= n; seed++) {
    const o = runTrial(r.scenario, seed, compiledMachines, { log: false }).outcome;
    failed.push(o.totals.failedSites);
    if (o.totals.trunkCuts > 0) trunk++;
    if (o.stock.stockouts.length > 0) stockout++;
    if (o.totals.deadMissing > 0) deadAny++;
    highest[o.response.highest] = (highest[o.response.highest] ?? 0) + 1;
    warn[o.warnings.highest] = (warn[o.warnings.highest] ?? 0) + 1;
    for (const t of o.targets) {
      if (t.cases === 0) continue;
      const m = (met[t.id] ??= [0, 0]);
      m[1]++;
      if (t.met) m[0]++;
    }
  }
  const sorted = [...failed].sort((a, b) => a - b);
  const q = (f: number) => sorted[Math.floor(f * (n - 1))];
  return {
    trials: n,
    failedSites: { p10: q(0.1), median: q(0.5), p90: q(0.9), max: q(1) },
    pNoFailure: round(failed.filter((x) => x === 0).length / n, 3),
    pTrunkCut: round(trunk / n, 3),
    pStockout: round(stockout / n, 3),
    pDeadMissing: round(deadAny / n, 3),
    responseHighest: highest,
    warningHighest: warn,
    targetsMet: Object.fromEntries(Object.entries(met).map(([k, [a, b]]) => [k, `${a}/${b} = ${round(a / b, 2)}`])),
  };
}

type Tri = { min: number; mode: number; max: number };
/** The parts of a rainstorm scenario's hazard and chain that rainstormCheck reads. */
export interface RainstormModel {
  hazard: { onsetHour: Tri; durationHours: Tri; peakIntensityMmPerHour: { median: number; sigma: number; max: number }; peakPosition: Tri; hourlyNoiseSigma: number };
  chain: { landslide: { rule: { a: number; b: number }; hourlyRateAtThreshold: number; exponent: number } };
}

/**
 * Expected slope failures per storm under this reading of the chain rule: each hour after the
 * rain starts, with D = hours since onset and I = rainfall since onset / D, a site of
 * susceptibility s fails at hazard rate·s·(I / (a·D^-b))^exponent once I exceeds the threshold.
 * Monte Carlo over the storm distribution with the builder's own generator (not the engine).
 */
export function rainstormCheck(m: RainstormModel, sus: number[], horizon: number, r: Rand, trials = 4000) {
  const { hazard: h, chain } = m;
  const { a, b } = chain.landslide.rule;
  const counts: number[] = [];
  const max3: number[] = [];
  const totals: number[] = [];
  const draw = (t: Tri) => r.triangular(t.min, t.mode, t.max);
  for (let n = 0; n < trials; n++) {
    const onset = Math.round(draw(h.onsetHour));
    const D = Math.max(1, Math.round(draw(h.durationHours)));
    const P = Math.min(h.peakIntensityMmPerHour.max, h.peakIntensityMmPerHour.median * Math.exp(h.peakIntensityMmPerHour.sigma * r.normal()));
    const peakAt = draw(h.peakPosition) * D;
    const rain = new Float64Array(horizon);
    for (let k = 0; k < D && onset + k < horizon; k++) {
      const mid = k + 0.5;
      const shape = mid <= peakAt ? mid / Math.max(peakAt, 0.5) : (D - mid) / Math.max(D - peakAt, 0.5);
      rain[onset + k] = clamp(shape, 0, 1) * P * Math.exp(h.hourlyNoiseSigma * r.normal());
    }
    let cum = 0;
    let H = 0;
    let m3 = 0;
    for (let hr = onset; hr < horizon; hr++) {
      cum += rain[hr]!;
      const d = hr - onset + 1;
      const ratio = cum / d / (a * d ** -b);
      if (ratio >= 1) H += chain.landslide.hourlyRateAtThreshold * ratio ** chain.landslide.exponent;
      if (hr >= 2) m3 = Math.max(m3, rain[hr]! + rain[hr - 1]! + rain[hr - 2]!);
    }
    counts.push(sus.filter((s) => r.next() < 1 - Math.exp(-s * H)).length);
    max3.push(m3);
    totals.push(cum);
  }
  const q = (xs: number[], f: number) => [...xs].sort((x, y) => x - y)[Math.floor(f * (xs.length - 1))]!;
  return {
    failedSites: { mean: round(counts.reduce((x, y) => x + y, 0) / trials, 2), p10: q(counts, 0.1), median: q(counts, 0.5), p90: q(counts, 0.9), max: q(counts, 1) },
    pNone: round(counts.filter((c) => c === 0).length / trials, 3),
    pAll: round(counts.filter((c) => c === sus.length).length / trials, 3),
    stormTotalMm: { median: Math.round(q(totals, 0.5)), p90: Math.round(q(totals, 0.9)) },
    pOrangeSignal: round(max3.filter((x) => x >= 50).length / trials, 3),
    pRedSignal: round(max3.filter((x) => x >= 100).length / trials, 3),
  };
}

/** Whether the module at `metaUrl` is the script node was started with (not an import). */
export const isMain = (metaUrl: string) => !!process.argv[1] && fileURLToPath(metaUrl) === process.argv[1];

/**
 * The builders' command: build, write, print the counts; with --calibrate also the engine check
 * over seeds 1…300 and whatever `extra` adds.
 */
export async function runBuilder(outFile: string, build: () => { doc: Document; counts: unknown }, argv: string[], extra?: () => Promise<unknown>): Promise<void> {
  const { doc, counts } = build();
  const text = writeScenario(doc, outFile);
  console.log(`wrote ${outFile} (${text.length} chars)`, counts);
  if (argv.includes('--calibrate')) {
    console.log(await engineCheck(outFile, 300));
    if (extra) console.log(await extra());
  }
}
