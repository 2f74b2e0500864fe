import type { CountyState } from '../../../engine/playback/index.ts';
import type { Scenario } from '../../../engine/scenario/schema/scenario.ts';
import { pickText, type Lang } from '../format/pickText.ts';
import type { CountyTerrain } from './countyTerrain.ts';
import type { LabelSpec } from './LabelLayer.tsx';

/** Township seats and villages as DOM labels (seats win a clash). Pure. */
export function countyLabels(s: Scenario, terrain: CountyTerrain, lang: Lang): LabelSpec[] {
  const at = (lon: number, lat: number, lift: number): [number, number, number] => {
    const [x, z] = terrain.project(lon, lat);
    return [x, terrain.heightAt(x, z) + lift, z];
  };
  return [
    ...s.region.townships.map((tw) => ({ id: `t:${tw.id}`, text: pickText(tw.name, lang), pos: at(tw.position[0], tw.position[1], 0.6), priority: 3, kind: 'seat' })),
    ...s.region.villages.map((v) => ({ id: `v:${v.id}`, text: pickText(v.name, lang), pos: at(v.position[0], v.position[1], 0.3), priority: 1, kind: 'village' })),
  ];
}

/** Villages to raise above the rest: a site there on watch or failed, or a call for relief. Pure. */
export function hotVillages(s: Scenario, st: CountyState): Set<string> {
  const bySite = new Map(s.hazardSites.map((h) => [h.id, h.village]));
  const ids = new Set<string>();
  for (const [id, v] of Object.entries(st.sites)) if (v !== 'stable') ids.add(`v:${bySite.get(id)}`);
  for (const v of Object.keys(st.relief)) ids.add(`v:${v}`);
  return ids;
}
