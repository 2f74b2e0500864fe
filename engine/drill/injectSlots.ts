import type { Scenario } from '../scenario/schema/scenario.ts';
import type { LogEvent } from '../sim/eventLog.ts';

/**
 * An inject's placeholders ({site}, {village}, {link}, {township}): which an inject uses, what
 * fills them (a triggering engine event, or ids the director picks) and the names they become.
 * Pure; no imports from the drill config so that the config can check its injects with it.
 */

type Text = { zh: string; en?: string };
type Texts = { title: Text; body: Text };

/** The placeholders an inject's text may hold, filled with a scenario name. */
export const SLOTS = ['site', 'village', 'link', 'township'] as const;
export type Slot = (typeof SLOTS)[number];
/** Ids to fill an inject's placeholders with (from a triggering event, or picked by the director). */
export type SlotFill = Partial<Record<Slot, string>>;

const SLOT_RE = /\{(site|village|link|township)\}/g;

/** The placeholders used anywhere in an inject's title or body (either language). Pure. */
export function slotsOf(inj: Texts): Slot[] {
  const found = new Set<Slot>();
  for (const t of [inj.title.zh, inj.title.en ?? '', inj.body.zh, inj.body.en ?? '']) for (const m of t.matchAll(SLOT_RE)) found.add(m[1] as Slot);
  return SLOTS.filter((k) => found.has(k));
}

/**
 * Completes a fill: a site brings its village, a village its township. Ids the scenario does not
 * know are dropped. Pure.
 */
export function completeFill(s: Scenario, fill: SlotFill): SlotFill {
  const out: SlotFill = {};
  const site = fill.site ? s.hazardSites.find((x) => x.id === fill.site) : undefined;
  if (site) out.site = site.id;
  const villageId = fill.village ?? site?.village;
  const village = villageId ? s.region.villages.find((x) => x.id === villageId) : undefined;
  if (village) out.village = village.id;
  const townshipId = fill.township ?? village?.township;
  if (townshipId && s.region.townships.some((x) => x.id === townshipId)) out.township = townshipId;
  if (fill.link && s.roads.links.some((x) => x.id === fill.link)) out.link = fill.link;
  return out;
}

/** The fill an engine event gives (its `site`, `village`, `link`, `township` fields). Pure. */
export function fillOfEvent(s: Scenario, e: LogEvent | null): SlotFill {
  if (!e) return {};
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return completeFill(s, { site: str(e.site), village: str(e.village), link: str(e.link), township: str(e.township) });
}

/**
 * Engine event types and the placeholders each can fill, for checking a conditional inject's
 * text when the config is completed (engine/sim: site.* carry the site, road.* the link and the
 * site that cut it; village events the village).
 */
export const EVENT_SLOTS: Readonly<Record<string, readonly Slot[]>> = {
  'site.failed': ['site', 'village', 'township'],
  'site.watch': ['site', 'village', 'township'],
  'site.evacuated': ['site', 'village', 'township'],
  'site.calm': ['site', 'village', 'township'],
  'road.cut': ['link', 'site', 'village', 'township'],
  'road.clearing': ['link'],
  'road.reopened': ['link'],
  'relief.requested': ['village', 'township'],
  'relief.first': ['village', 'township'],
  'relief.ended': ['village', 'township'],
  'evacuation.declared': ['village', 'township'],
};

/** A scenario name for an id, in both languages; a link without a name is named from its ends. */
export function slotName(s: Scenario, kind: Slot, id: string): { zh: string; en: string } {
  if (kind === 'link') {
    const l = s.roads.links.find((x) => x.id === id);
    return l ? (l.name ?? linkNameFromEnds(s, l.from, l.to)) : { zh: id, en: id };
  }
  const list: readonly { id: string; name?: { zh: string; en: string } }[] =
    kind === 'site' ? s.hazardSites : kind === 'village' ? s.region.villages : s.region.townships;
  return list.find((y) => y.id === id)?.name ?? { zh: id, en: id };
}

/** "甲—乙 道路" from a link's end nodes (the village or township at each node). Pure. */
export function linkNameFromEnds(s: Scenario, from: string, to: string): { zh: string; en: string } {
  const at = (node: string) => s.region.villages.find((v) => v.node === node)?.name ?? s.region.townships.find((t) => t.node === node)?.name ?? { zh: node, en: node };
  const a = at(from), b = at(to);
  return { zh: `${a.zh}—${b.zh} 道路`, en: `${a.en}–${b.en} road` };
}

/**
 * Fills an inject's placeholders ({site}, {village}, {link}, {township}) with the scenario's
 * names for the ids in `fill` (an engine event is turned into one by `fillOfEvent`). A
 * placeholder with nothing to fill it stays as it is: callers check `unfilled` first. Pure.
 */
export function fillText(text: Text, s: Scenario, fill: SlotFill | LogEvent | null): { zh: string; en: string } {
  const f: SlotFill = fill && 'type' in fill && typeof fill.type === 'string' ? fillOfEvent(s, fill as LogEvent) : ((fill ?? {}) as SlotFill);
  const sub = (str: string, lang: 'zh' | 'en') =>
    str.replace(SLOT_RE, (m, k: Slot) => {
      const id = f[k];
      return id ? slotName(s, k, id)[lang] : m;
    });
  return { zh: sub(text.zh, 'zh'), en: sub(text.en ?? text.zh, 'en') };
}

/** The placeholders of an inject that `fill` leaves empty. Pure. */
export function unfilled(inj: Texts, fill: SlotFill): Slot[] {
  return slotsOf(inj).filter((k) => !fill[k]);
}
