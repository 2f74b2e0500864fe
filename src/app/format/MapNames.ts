import type { Bilingual, MapInfo } from '../net/types.ts';
import { pickText, type Lang } from './pickText.ts';

export type NamedKind = 'site' | 'village' | 'township' | 'link' | 'team' | 'shelter' | 'warehouse' | 'item' | 'position';

/**
 * Looks up display names for the ids in records (sites, villages, roads, teams, …) from the
 * map the server sent. An unknown id is shown as itself. Pure once built.
 */
export class MapNames {
  private readonly byKind = new Map<NamedKind, Map<string, Bilingual>>();

  constructor(map: MapInfo | null) {
    const put = (kind: NamedKind, list: readonly { id: string; name: Bilingual | null }[] | undefined) =>
      this.byKind.set(kind, new Map((list ?? []).filter((x) => x.name).map((x) => [x.id, x.name!])));
    put('site', map?.hazardSites);
    put('village', map?.region.villages);
    put('township', map?.region.townships);
    put('link', map?.roads.links);
    put('team', map?.teams);
    put('shelter', map?.shelters);
    put('warehouse', map?.warehouses);
    put('item', map?.items);
    put('position', map?.positions);
  }

  name(kind: NamedKind, id: unknown, lang: Lang): string {
    if (typeof id !== 'string') return String(id ?? '');
    const n = this.byKind.get(kind)?.get(id);
    return n ? pickText(n, lang) : id;
  }
}
