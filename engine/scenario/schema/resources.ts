import * as z from 'zod';
import { boundedDist, Id, LocalText, People } from './primitives.ts';

export const Tier = z.enum(['county', 'township', 'village', 'agreement']).describe('县级库 / 乡镇库 / 村储备点 / 协议代储');

export const Item = z.strictObject({
  id: Id,
  name: LocalText,
  unit: LocalText,
  perPersonOnce: z.number().min(0).max(100).describe('Units each affected person needs once (tents, quilts)'),
  perPersonPerDay: z.number().min(0).max(100).describe('Units each affected person needs per day (food, water)'),
});

export const Warehouse = z.strictObject({
  id: Id,
  name: LocalText,
  tier: Tier,
  node: Id.describe('Road node where the store is'),
  stock: z.record(Id, z.number().int().min(0).max(1e8)).describe('Units in stock per item id'),
  parent: Id.optional().describe('Warehouse that resupplies this one; none = resupplied from outside (city/province)'),
  resupplyLeadHours: boundedDist(0, 24 * 30, 'resupplyLeadHours').describe('Hours from a resupply request until the goods arrive'),
  reorderFraction: z.number().min(0).max(1).describe('Request resupply when any item falls below this fraction of its initial stock'),
  loadingHours: boundedDist(0, 48, 'loadingHours').describe('Hours to load a relief dispatch'),
});

export const Reserves = z.strictObject({
  items: z.array(Item).min(1),
  warehouses: z.array(Warehouse).min(1),
  coverDaysPerDelivery: z.number().gt(0).max(30).describe('Days between relief trucks to a village (and, with consumption dailyLump, the days of need each one takes from the store at once)'),
  consumption: z
    .enum(['rate', 'dailyLump'])
    .optional()
    .describe(
      'rate (the default when absent): daily items leave the store as people use them, people × perPersonPerDay ÷ 24 per hour, so a store runs out at stock ÷ rate; trucks carry the goods to the village every coverDaysPerDelivery days. dailyLump: each delivery takes coverDaysPerDelivery days of need from the store at once (the model before issue 13)',
    ),
  horizonCoverDays: z.number().gt(0).max(60).describe('Days of need counted when judging stock adequacy'),
});

export const Capability = z
  .enum(['clearing', 'rescue', 'fireSuppression'])
  .describe('抢通 road clearing / 救援 search and rescue / 扑火 forest-fire suppression');

export const Team = z.strictObject({
  id: Id,
  name: LocalText,
  tier: z.enum(['county', 'township', 'village', 'professional']),
  node: Id.describe('Base road node'),
  size: People.min(1),
  capabilities: z.array(Capability).min(1),
  mobilisationHours: boundedDist(0, 48, 'mobilisationHours').describe('Hours from the call-out to leaving base'),
});

export const Shelter = z.strictObject({
  id: Id,
  name: LocalText,
  node: Id,
  capacity: People.describe('People it can hold'),
});

export const Target = z.strictObject({
  id: Id,
  name: LocalText,
  kind: z
    .enum(['reliefWithin', 'trunkReopenWithin', 'rescueArrivalWithin', 'responseWithin', 'fireOutWithin'])
    .describe('reliefWithin: each affected village gets first relief; trunkReopenWithin: each cut trunk link reopens; rescueArrivalWithin: a rescue team reaches each failed site with people at risk; responseWithin: a response level is in force after the first failure; fireOutWithin: each forest fire is out after it was found'),
  hours: z
    .number()
    .gt(0)
    .max(24 * 30)
    .optional()
    .describe('Time limit, hours; may be omitted for reliefWithin only: the loader then fills the national 10 h (T-9, engine/rules)'),
});
