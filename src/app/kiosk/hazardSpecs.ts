import type { HazardSpec, HazardStory } from './hazardSpec.ts';
import { forestSpec } from './forestStory.ts';
import { quakeSpec } from './quakeStory.ts';
import { typhoonSpec } from './typhoonStory.ts';

/** The kiosk's county experiences besides the rainstorm, by id. */
export const HAZARD_SPECS = {
  quake: quakeSpec,
  forest: forestSpec,
  typhoon: typhoonSpec,
} as const satisfies Record<string, HazardSpec<string, HazardStory<string>>>;

export type HazardId = keyof typeof HAZARD_SPECS;
