import * as z from 'zod';
import { boundedDist, Dist, Id, LocalText, People, Probability } from './primitives.ts';

/** A geological hazard site (地质灾害隐患点). */
export const HazardSite = z.strictObject({
  id: Id,
  name: LocalText,
  kind: z
    .enum(['landslide', 'collapse', 'debrisFlow', 'waterlogging', 'levee', 'chemical', 'fire'])
    .describe('滑坡 / 崩塌 / 泥石流 / 内涝点 / 堤防险段 / 危化品设施 / 火灾点'),
  village: Id.describe('Village whose people it threatens'),
  threatenedPeople: People.describe('People threatened (受威胁人数)'),
  susceptibility: Probability.describe('Relative susceptibility of the site, 0–1 (scales its failure rate)'),
  cuts: z
    .array(
      z.strictObject({
        link: Id.describe('Road link the failure can block'),
        probability: Probability.describe('P(link blocked | site fails)'),
      }),
    )
    .describe('Road links a failure of this site can cut'),
  triggers: z
    .array(
      z.strictObject({
        site: Id.describe('Hazard site this failure can set off (灾害链: e.g. levee breach → chemical park flooding)'),
        probability: Probability.describe('P(that site fails | this one fails)'),
        delayHours: boundedDist(0, 24 * 30, 'triggers.delayHours').describe('Hours from this failure to that one'),
      }),
    )
    .optional()
    .describe('Secondary hazards this failure can trigger; none when absent'),
});

/** A stochastic rainstorm (暴雨): a triangular hyetograph with multiplicative hourly noise. */
export const Rainstorm = z.strictObject({
  kind: z.literal('rainstorm'),
  onsetHour: boundedDist(0, 24 * 30, 'onsetHour').describe('Hours from the scenario start to the first rain'),
  durationHours: boundedDist(1, 24 * 10, 'durationHours').describe('Length of the storm, hours'),
  peakIntensityMmPerHour: boundedDist(0, 300, 'peakIntensityMmPerHour').describe('Peak hourly rainfall, mm/h'),
  peakPosition: boundedDist(0, 1, 'peakPosition').describe('Where in the storm the peak falls, 0–1 of its duration'),
  hourlyNoiseSigma: z.number().min(0).max(2).describe('Lognormal sigma of hour-to-hour multiplicative noise'),
});

/** An earthquake (地震): magnitude and time drawn, intensity by an attenuation relation. */
export const Earthquake = z.strictObject({
  kind: z.literal('earthquake'),
  hour: boundedDist(0, 24 * 30, 'hour').describe('Hours from the scenario start to the main shock'),
  magnitude: boundedDist(3, 9.5, 'magnitude').describe('Surface-wave magnitude Ms'),
  epicentre: z.tuple([z.number().min(73).max(136), z.number().min(3).max(54)]).describe('Epicentre [lon, lat]'),
  epicentreJitterKm: z.number().min(0).max(200).describe('Epicentre uncertainty radius, km'),
  aftershocks: z
    .strictObject({
      count: boundedDist(0, 1000, 'aftershocks.count').describe('Number of felt aftershocks in the horizon (e.g. poisson)'),
      magnitudeDrop: boundedDist(0, 5, 'aftershocks.magnitudeDrop').describe('Main-shock magnitude minus the aftershock magnitude (Båth: ~1.2 for the largest)'),
      withinHours: boundedDist(0, 24 * 60, 'aftershocks.withinHours').describe('Hours after the main shock at which each aftershock strikes'),
    })
    .optional()
    .describe('Aftershock sequence (余震); none when absent'),
  attenuation: z
    .strictObject({
      a: z.number(),
      b: z.number(),
      c: z.number(),
      r0: z.number().min(0),
    })
    .describe('Intensity I = a + b·M − c·ln(R + r0), R epicentral distance km (Chinese attenuation form)'),
});

export const Hazard = z.discriminatedUnion('kind', [Rainstorm, Earthquake]);

/** Rainfall → slope failure rule (the chain's first link). */
export const LandslideRule = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('intensityDuration'),
    a: z.number().gt(0).describe('I = a·D^-b threshold: a, mm/h'),
    b: z.number().min(0).max(2).describe('I = a·D^-b threshold: exponent b'),
  }),
  z.strictObject({
    type: z.literal('cumulative'),
    thresholdMm: z.number().gt(0).max(2000).describe('Event rainfall at which failures begin, mm'),
  }),
]);

export const Chain = z.strictObject({
  landslide: z.strictObject({
    rule: LandslideRule,
    hourlyRateAtThreshold: z
      .number()
      .min(0)
      .max(5)
      .describe('Failure hazard per hour of a site with susceptibility 1 when rainfall is exactly at the threshold'),
    exponent: z.number().min(0).max(10).describe('Hazard grows as (rainfall / threshold)^exponent above the threshold'),
    intensityAt50: z.number().min(4).max(12).describe('Earthquake: seismic intensity at which a susceptibility-1 site fails with P = 0.5'),
    intensitySpread: z.number().gt(0).max(3).describe('Earthquake: logistic spread of that failure curve, intensity degrees'),
  }),
  consequences: z.strictObject({
    affectedFraction: boundedDist(0, 1, 'affectedFraction').describe('Fraction of threatened people affected (受灾) when a site fails'),
    deadMissingRate: boundedDist(0, 1, 'deadMissingRate').describe('Fraction of the people still in place who are killed or missing'),
    evacuatedFactor: z.number().min(0).max(1).describe('Casualty multiplier when people were evacuated before the failure'),
  }),
  rescue: z.strictObject({
    onSiteHours: boundedDist(0, 24 * 10, 'rescue.onSiteHours').describe('Hours a rescue team works at a failed site before it is released'),
  }),
  clearing: z.strictObject({
    hours: boundedDist(0, 24 * 30, 'clearing.hours').describe('Hours a team needs on site to reopen a blocked link'),
    trunkFactor: z.number().gt(0).max(5).describe('Multiplier on clearing hours for trunk links (bigger slides, but heavier machinery)'),
  }),
});

export const WarningLevel = z.enum(['blue', 'yellow', 'orange', 'red']);

/** 暴雨 warning signal thresholds (observed rainfall in a moving window). */
export const Warnings = z.strictObject({
  rainstorm: z
    .array(
      z.strictObject({
        level: WarningLevel,
        windowHours: z.number().int().min(1).max(72).describe('Accumulation window, hours'),
        thresholdMm: z.number().gt(0).max(1000).describe('Rainfall in the window at which the signal is issued, mm'),
      }),
    )
    .min(1)
    .optional()
    .describe('暴雨 signals; omit to use the national RS-B/Y/O/R signals (engine/rules), which the loader fills in with their provenance'),
  cancelAfterDryHours: z.number().int().min(1).max(72).describe('Hours without reaching any threshold before a signal is lifted'),
  evacuateAt: WarningLevel.describe('Signal level at which people near watched hazard sites are evacuated'),
});

export { Dist };
