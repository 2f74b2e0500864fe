import * as z from 'zod';
import { Chain, Hazard, HazardSite, Warnings } from './hazard.ts';
import { Id, LocalText } from './primitives.ts';
import { Region, Roads } from './region.ts';
import { Reserves, Shelter, Target, Team } from './resources.ts';
import { Response } from './response.ts';

/** A document a number can cite: a seed plan (by file name) or a national standard. */
export const Source = z.strictObject({
  title: z.string().min(1),
  file: z.string().optional().describe('Seed plan file name, e.g. 000_3693ba97f58c2210.txt'),
  standard: z.string().optional().describe('Standard or regulation number'),
  url: z.string().optional(),
});

/** Which source a set of numbers came from; `paths` use dots, `*` (one segment) and `**` (any depth). */
export const Provenance = z.strictObject({
  paths: z.array(z.string().min(1)).min(1),
  source: z.string().min(1).describe('A key of `sources`, or "assumed"'),
  note: z.string().min(1).describe('Why this value, in a sentence'),
});

/** Scenario format, schemaVersion 1. */
export const ScenarioV1 = z
  .strictObject({
    schemaVersion: z.literal(1),
    id: Id,
    name: LocalText,
    description: LocalText,
    start: z.iso.datetime({ offset: true }).describe('Wall-clock time of simulated hour 0, ISO 8601 with offset'),
    horizonHours: z.number().gt(0).max(24 * 366).describe('Simulated duration, hours (a forest-fire season may run to a year)'),
    sources: z.record(Id, Source),
    provenance: z.array(Provenance),
    region: Region,
    roads: Roads,
    hazardSites: z.array(HazardSite),
    hazard: Hazard,
    chain: Chain,
    warnings: Warnings,
    response: Response,
    reserves: Reserves,
    teams: z.array(Team).min(1),
    shelters: z.array(Shelter),
    targets: z.array(Target),
  })
  .describe('yanlian scenario (schemaVersion 1)');

/** A scenario file as validated: values a county normally takes from national rules may be absent. */
export type ScenarioFile = z.infer<typeof ScenarioV1>;

type FileWarnings = ScenarioFile['warnings'];
type FileTarget = ScenarioFile['targets'][number];

/**
 * A loaded scenario: a ScenarioFile after the loader's resolve step, which fills what the file
 * left to the national rules (engine/rules) and adds their provenance. What the engine runs.
 */
export type Scenario = Omit<ScenarioFile, 'warnings' | 'targets'> & {
  warnings: Omit<FileWarnings, 'rainstorm'> & { rainstorm: NonNullable<FileWarnings['rainstorm']> };
  targets: (Omit<FileTarget, 'hours'> & { hours: number })[];
};
