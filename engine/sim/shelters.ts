import type { ShelterStay, Trial } from './trial.ts';

/**
 * People leave their homes for the nearest shelters with room (intact-network distance).
 * Returns where they went (those without room are overflow and not listed).
 */
export function admitToShelter(tr: Trial, village: number, people: number): ShelterStay[] {
  const stays: ShelterStay[] = [];
  if (people > 0) tr.relocatedPeople += people;
  let left = people;
  for (const k of tr.world.villageShelters[village]!) {
    if (left <= 0) break;
    if (tr.shelterOpen[k] === 0) continue;
    const room = tr.s.shelters[k]!.capacity - tr.shelterOccupancy[k]!;
    const take = Math.min(room, left);
    if (take <= 0) continue;
    tr.shelterOccupancy[k]! += take;
    left -= take;
    stays.push({ shelter: k, people: take });
    if (tr.log.on) tr.log.add(tr.now, 'shelter.admitted', { shelter: tr.s.shelters[k]!.id, people: take });
  }
  if (left > 0) {
    tr.shelterOverflow += left;
    if (tr.log.on) tr.log.add(tr.now, 'shelter.overflow', { village: tr.s.region.villages[village]!.id, people: left });
  }
  return stays;
}

/** The people of `stays` go home: each shelter's occupancy drops by what it took in. */
export function leaveShelter(tr: Trial, stays: readonly ShelterStay[]): void {
  for (const { shelter, people } of stays) {
    if (people <= 0) continue;
    tr.shelterOccupancy[shelter] = Math.max(0, tr.shelterOccupancy[shelter]! - people);
    if (tr.log.on) tr.log.add(tr.now, 'shelter.left', { shelter: tr.s.shelters[shelter]!.id, people });
  }
}
