import { describe, expect, it } from 'vitest';
import { Fog } from '../../../engine/drill/fog.ts';
import { config, tiny } from './helpers.ts';

/** Fog of war for the fire season and relief's end, on tiny's default positions (county-eb, twp-ta, twp-tb). */
describe('Fog: fire season and the end of relief', () => {
  const s = tiny();
  const ev = (type: string, f: Record<string, unknown>) => ({ seq: 0, t: 60, type, ...f });

  it('fire events go to the positions with jurisdiction over the site; contained/out by the fire detected there', () => {
    const fog = new Fog(s, config(s));
    // gh2 lies in vb1 (乙镇): county + twp-tb
    expect(fog.classify(ev('fire.detected', { fire: 3, site: 'gh2', areaHa: 0.2 }))).toBe('p:county-eb,twp-tb');
    expect(fog.classify(ev('fire.escaped', { fire: 3, site: 'gh2', areaHa: 5 }))).toBe('p:county-eb,twp-tb');
    expect(fog.classify(ev('fire.wui', { fire: 3, site: 'gh2', village: 'vb1', people: 40, alreadyEvacuated: false }))).toBe('p:county-eb,twp-tb');
    expect(fog.classify(ev('fire.contained', { fire: 3, areaHa: 5, grade: '较大' }))).toBe('p:county-eb,twp-tb');
    expect(fog.classify(ev('fire.out', { fire: 3, hoursFromDetection: 9 }))).toBe('p:county-eb,twp-tb');
    expect(fog.fireSiteOf(3)).toBe('gh2');
    // a fire never detected (or a malformed index): the county only, never a township that does not own it
    expect(fog.classify(ev('fire.out', { fire: 9, hoursFromDetection: 1 }))).toBe('p:county-eb');
    // the ignition itself and merging are ground truth
    expect(fog.classify(ev('fire.ignited', { fire: 3, site: 'gh2' }))).toBe('staff');
    expect(fog.classify(ev('fire.merged', { site: 'gh2' }))).toBe('staff');
  });

  it('a crew on the fire line goes to its team owners; shelter.left to the shelter owners; relief.ended to the village positions', () => {
    const fog = new Fog(s, config(s));
    expect(fog.classify(ev('fire.crewOnLine', { fire: 0, team: 'team-tb', lineM: 100, perimeterM: 900 }))).toBe('p:twp-tb');
    expect(fog.classify(ev('fire.crewOnLine', { fire: 0, team: 'team-county', lineM: 100, perimeterM: 900 }))).toBe('p:county-eb');
    expect(fog.classify(ev('shelter.left', { shelter: 'sh-ta', people: 30 }))).toBe(fog.classify(ev('shelter.admitted', { shelter: 'sh-ta', people: 30 })));
    expect(fog.classify(ev('shelter.left', { shelter: 'sh-ta', people: 30 }))).toBe('p:twp-ta');
    expect(fog.classify(ev('relief.ended', { village: 'va1', people: 30, remaining: 0 }))).toBe('p:county-eb,twp-ta');
  });
});
