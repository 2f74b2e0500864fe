import type { MapInfo } from '../net/types.ts';
import { pickText, type Lang } from '../format/pickText.ts';
import type { NameOption } from './NamePicker.tsx';

export type SlotKind = 'site' | 'village' | 'link' | 'township';

/**
 * The choices of a name picker for one kind of place, from the map the server sent, sorted by
 * name. A road without a name of its own is named from its ends. Pure.
 */
export function nameOptions(map: MapInfo, kind: SlotKind, lang: Lang): NameOption[] {
  const villages = new Map(map.region.villages.map((v) => [v.id, v]));
  const townships = new Map(map.region.townships.map((x) => [x.id, x]));
  const atNode = new Map<string, string>();
  for (const x of map.region.townships) atNode.set(x.node, pickText(x.name, lang));
  for (const v of map.region.villages) atNode.set(v.node, pickText(v.name, lang));
  const byName = (a: NameOption, b: NameOption) => a.label.localeCompare(b.label, lang === 'zh' ? 'zh-CN' : 'en');
  const twName = (id: string | undefined) => (id && townships.get(id) ? pickText(townships.get(id)!.name, lang) : undefined);
  switch (kind) {
    case 'site':
      return map.hazardSites.map((s) => ({ id: s.id, label: pickText(s.name, lang), hint: villages.get(s.village) ? pickText(villages.get(s.village)!.name, lang) : undefined })).sort(byName);
    case 'village':
      return map.region.villages.map((v) => ({ id: v.id, label: pickText(v.name, lang), hint: twName(v.township) })).sort(byName);
    case 'township':
      return map.region.townships.map((x) => ({ id: x.id, label: pickText(x.name, lang) })).sort(byName);
    case 'link':
      return map.roads.links
        .map((l) => ({ id: l.id, label: l.name ? pickText(l.name, lang) : `${atNode.get(l.from) ?? l.from}—${atNode.get(l.to) ?? l.to}`, hint: l.trunk ? (lang === 'zh' ? '干线' : 'trunk') : undefined }))
        .sort(byName);
  }
}
