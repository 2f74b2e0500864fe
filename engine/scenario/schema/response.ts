import * as z from 'zod';

export const ResponseLevel = z.enum(['IV', 'III', 'II', 'I']).describe('Response level Ⅳ (lowest) … Ⅰ (highest)');

/** Quantities the engine tracks that response-level conditions may test. */
export const Metric = z
  .enum([
    'deadMissing',
    'affectedPeople',
    'failedSites',
    'cutLinks',
    'cutTrunkLinks',
    'warningLevel',
    'villagesAwaitingRelief',
    'activeFires',
    'fireGrade',
    'fireUncontainedHours',
    'relocatedPeople',
    'damagedRooms',
  ])
  .describe('relocatedPeople (紧急转移安置人数: people evacuated or admitted to shelters so far), damagedRooms (倒塌和严重损坏房屋, rooms: the homes of the affected, 3 rooms per household of 3, assumed — engine/rules householdFactors); deadMissing (死亡失踪), affectedPeople (受灾人数), failedSites, cutLinks, cutTrunkLinks, warningLevel (0 none, 1 blue … 4 red), villagesAwaitingRelief, activeFires (forest fires found and not out), fireGrade (highest grade of a fire not out: 0 none, 1 一般, 2 较大, 3 重大, 4 特别重大), fireUncontainedHours (longest a found fire has gone uncontained, h)');

export const Condition = z.strictObject({
  metric: Metric,
  op: z.enum(['>=', '<=', '==', '>', '<']),
  value: z.number(),
});

/**
 * The response ladder as data: each level starts when any of its conditions holds (出现下列情况之一);
 * the level in force is the highest whose start conditions hold; it steps down after the
 * conditions of the level have not held for `deescalateAfterHours`, and ends when every `end`
 * condition has held for `endAfterHours`.
 */
export const Response = z.strictObject({
  levels: z
    .array(
      z.strictObject({
        level: ResponseLevel,
        startAny: z.array(Condition).min(1).describe('Start when any of these holds'),
      }),
    )
    .min(1),
  deescalateAfterHours: z.number().min(0).max(24 * 30),
  endAll: z.array(Condition).min(1).describe('End when all of these hold'),
  endAfterHours: z.number().min(0).max(24 * 30),
});
