import * as z from 'zod';
import { boundedDist, Dist, Id, LocalText, People, Probability } from './primitives.ts';

/**
 * A forest compartment (林区小班/林班) bounded by firebreaks (阻隔带): a fire in it grows until it
 * is contained or fills the compartment. The site's `village` and `threatenedPeople` are the
 * wildland–urban interface (森林城镇交界) village and the people evacuated if the fire reaches it;
 * its `cuts` are the road links a fire there can close.
 */
export const ForestCompartment = z.strictObject({
  areaHa: z.number().gt(0).max(100_000).describe('Area inside the firebreaks, hectares: the most one fire can burn here'),
  fuelFactor: z.number().gt(0).max(5).describe('王正非 fuel factor Ks (可燃物配置格局更正系数), dimensionless'),
  slopeDeg: z.number().min(0).max(60).describe('Mean slope, degrees (Kφ = exp(3.533·tan(φ)^1.2))'),
  walkInHours: boundedDist(0, 24, 'forest.walkInHours').describe('Hours a crew walks from the road node to the fire edge'),
  wuiDistanceM: z.number().min(0).max(50_000).optional().describe('Head-fire run, metres, at which the fire reaches the village (森林城镇交界火); none: it never can'),
});

/** A geological hazard site (地质灾害隐患点). */
export const HazardSite = z.strictObject({
  id: Id,
  name: LocalText,
  kind: z
    .enum(['landslide', 'collapse', 'debrisFlow', 'waterlogging', 'levee', 'chemical', 'fire', 'forest'])
    .describe('滑坡 / 崩塌 / 泥石流 / 内涝点 / 堤防险段 / 危化品设施 / 火灾点 / 林区 (a forest compartment: needs `forest`)'),
  village: Id.describe('Village whose people it threatens'),
  threatenedPeople: People.describe('People threatened (受威胁人数)'),
  susceptibility: Probability.describe('Relative susceptibility of the site, 0–1 (scales its failure rate; for a forest compartment, its share of ignitions)'),
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
  forest: ForestCompartment.optional().describe('Forest compartment data (kind forest only): what the fire model needs'),
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

const Weather = z.strictObject({
  temperatureC: boundedDist(-30, 50, 'weather.temperatureC').describe('Air temperature, °C'),
  humidityPct: boundedDist(0, 100, 'weather.humidityPct').describe('Relative humidity, %'),
  windMs: boundedDist(0, 40, 'weather.windMs').describe('Wind speed at 10 m, m/s'),
});
const PerLevel = <T extends z.ZodType>(t: T) => z.tuple([t, t, t, t, t]).describe('One entry per 森林火险气象等级 1…5 (GB/T 36743-2018)');

/**
 * A forest-fire season (森林火险期): one 森林火险气象等级 (1–5, GB/T 36743-2018) per day, drawn
 * from the weights of the period the day falls in (a day keeps yesterday's level with
 * probability `persistence`); ignitions a day ~ Poisson at that level; fire weather drawn per
 * fire at its level; spread by 王正非 (1983), containment by fireline (Fried & Fried 1996).
 */
export const FireSeason = z.strictObject({
  kind: z.literal('fireSeason'),
  days: z.number().int().min(1).max(366).describe('Length of the season from the scenario start, days'),
  danger: z.strictObject({
    periods: z
      .array(
        z.strictObject({
          fromDay: z.number().int().min(0).max(365).describe('First day (0-based) of the period'),
          weights: PerLevel(z.number().min(0).max(1000)).describe('Relative weights of danger levels 1…5 on a day of this period'),
        }),
      )
      .min(1)
      .describe('Periods (e.g. months) in ascending fromDay, the first from day 0'),
    persistence: Probability.describe('P(a day keeps the previous day\'s level); otherwise drawn afresh'),
  }),
  weather: PerLevel(Weather).describe('Fire weather at each danger level 1…5'),
  ignitionsPerDay: PerLevel(z.number().min(0).max(50)).describe('Mean ignitions a day (Poisson) at danger levels 1…5, whole county'),
  ignitionHour: boundedDist(0, 24, 'ignitionHour').describe('Hour of the day an ignition happens'),
  detectionHours: boundedDist(0, 48, 'detectionHours').describe('Hours from ignition to the fire being found and reported (发现)'),
  windAdjustment: z.number().gt(0).max(1).describe('Mid-flame wind / 10 m wind, for the length-to-breadth ratio (Anderson 1983)'),
  suppression: z.strictObject({
    lineMetresPerPersonHour: z
      .strictObject({
        professional: z.number().min(0).max(1000),
        county: z.number().min(0).max(1000),
        township: z.number().min(0).max(1000),
        village: z.number().min(0).max(1000),
      })
      .describe('Fireline each crew member builds an hour, by team tier, m/h'),
    initialAttackTeams: z.number().int().min(1).max(20).describe('Teams sent when a fire is found (首攻)'),
    escalateAfterHours: z.number().gt(0).max(72).describe('A fire not contained this long after it was found has escaped: extended attack'),
    extendedAttackTeams: z.number().int().min(0).max(50).describe('More teams called for an escaped fire (增援)'),
    mopUpHours: boundedDist(0, 24 * 10, 'suppression.mopUpHours').describe('Hours from containment until the fire is out (清理余火, 看守火场)'),
  }),
});

export const Hazard = z.discriminatedUnion('kind', [Rainstorm, Earthquake, FireSeason]);

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
  cancelAfterDryHours: z
    .number()
    .int()
    .min(1)
    .max(72)
    .describe(
      "With downgrade 'hold': consecutive hours in which the rainfall stays below the current signal's threshold before the signal steps down — to the highest signal the rainfall still meets that hour, or lifted when it meets none",
    ),
  downgrade: z
    .enum(['hold', 'atOnce'])
    .optional()
    .describe(
      "hold (the default when absent): a lower signal replaces the current one only after cancelAfterDryHours hours below it (assumed practice: the 2007 CMA order leaves changing and lifting a signal to the issuing office, with no waiting time); atOnce: the signal is the one the rainfall meets, computed each hour",
    ),
  evacuateAt: WarningLevel.describe('Signal level at which people near watched hazard sites are evacuated'),
});

export { Dist };
