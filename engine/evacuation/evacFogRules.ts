import type { FogRule } from '../drill/fogRules.ts';

/**
 * Who may see each type of building event in a school drill as it happens, in the county fog's
 * terms (engine/drill/fogRules.ts): what the whole school hears or sees is `public` (the alarm,
 * the 总指挥's order and phases, the exits opened, the brigade at the gate), a participant's own
 * decision or call is `by` them, and the rest — where the fire and smoke are, each group on the
 * stairs, the timers — is ground truth for staff. One rule per type of BUILDING_EVENT_TYPES
 * (test/engine/model/live.test.ts checks none is missing). Pure data.
 */
export const EVAC_FOG_RULES: Readonly<Record<string, FogRule>> = {
  'fire.ignition': 'staff',
  'fire.detected': 'staff',
  alarm: 'public',
  phase: 'public',
  'smoke.edge': 'staff',
  'edge.untenable': 'staff',
  'brigade.atGate': 'public',
  'brigade.atFire': 'staff',
  call119: 'by',
  'fire.attempt': 'staff',
  'fire.out': 'public',
  'role.task': 'staff',
  'evacuation.declared': 'public',
  'headcount.reported': 'public',
  'group.state': 'staff',
  'group.edge': 'staff',
  'group.reroute': 'staff',
  'lift.stopped': 'public',
  'exits.opened': 'public',
  'decision.applied': 'by',
  'decision.refused': 'by',
};
