import * as z from 'zod';
import { ElevationM, Id, LocalText, LonLat, People } from './primitives.ts';

/** A township or sub-district (乡镇/街道). */
export const Township = z.strictObject({
  id: Id,
  name: LocalText,
  code: z.string().regex(/^\d{9,12}$/).optional().describe('GB/T 2260 / statistical division code'),
  population: People,
  position: LonLat,
  elevationM: ElevationM,
  node: Id.describe('Road node of the township seat'),
});

/** A village or community (村/社区). */
export const Village = z.strictObject({
  id: Id,
  name: LocalText,
  code: z.string().regex(/^\d{9,12}$/).optional().describe('GB/T 2260 / statistical division code'),
  township: Id.describe('Township this village belongs to'),
  population: People,
  position: LonLat,
  elevationM: ElevationM,
  node: Id.describe('Road node that serves this village'),
});

export const Region = z.strictObject({
  name: LocalText,
  code: z.string().regex(/^\d{6}$/).optional().describe('GB/T 2260 county code'),
  terrain: z.enum(['plain', 'hilly', 'mountainous', 'coastal']).describe('Terrain class, used for defaults and 3D'),
  townships: z.array(Township).min(1),
  villages: z.array(Village).min(1),
});

export const RoadNode = z.strictObject({
  id: Id,
  position: LonLat,
  elevationM: ElevationM.optional(),
});

export const RoadLink = z.strictObject({
  id: Id,
  name: LocalText.optional(),
  from: Id.describe('Road node id'),
  to: Id.describe('Road node id'),
  lengthKm: z.number().gt(0).max(500).describe('Length, km'),
  speedKmh: z.number().gt(0).max(130).describe('Normal travel speed, km/h'),
  trunk: z.boolean().describe('Trunk road (干线公路: national/provincial/county road)'),
  susceptibility: z.number().min(0).max(1).describe('Landslide susceptibility of the road corridor, 0–1'),
});

/** The road network: links are two-way. */
export const Roads = z.strictObject({
  nodes: z.array(RoadNode).min(2),
  links: z.array(RoadLink).min(1),
});
