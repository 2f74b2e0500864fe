import type { HazardSpec, HazardStory } from './hazardSpec.ts';
import { quakeSpec } from './quakeStory.ts';

/** The kiosk's county experiences besides the rainstorm, by id. */
export const HAZARD_SPECS = {
  quake: quakeSpec,
} as const satisfies Record<string, HazardSpec<string, HazardStory<string>>>;

export type HazardId = keyof typeof HAZARD_SPECS;
