import type { ScenarioFile } from '../scenario/schema/scenario.ts';
import type { LonLat } from './geo.ts';
import type { ImportContext } from './importContext.ts';
import type { ImportedTownship } from './importVillages.ts';
import { lookupWord, REGISTERS, STORE_TIERS } from './registerSpecs.ts';
import { parseNumber, parseRegister } from './registers.ts';

type Warehouse = ScenarioFile['reserves']['warehouses'][number];

/** A 上级仓库 cell of 无 / none (as export-gis writes it): resupplied from outside the county. */
const NO_PARENT = '\u0000none';

/**
 * The stores register: each store's tier, its stock by item column (headers matched to the
 * template's items by id, name or alias, units in brackets ignored), its parent by name (or the
 * first county store), snapped to the road network. Without a register: one county store at
 * the seat of the most populous township, stocked for the template's default people (assumed).
 */
export function importStores(cx: ImportContext, countySeat: ImportedTownship | undefined): Warehouse[] {
  const { input, problems, tpl, county } = cx;
  const warehouses: Warehouse[] = [];
  if (!input.stores) {
    if (countySeat) {
      const people = tpl.defaultStorePeople;
      const stock = Object.fromEntries(tpl.items.map((it) => [it.id, Math.ceil(people * (it.perPersonOnce + it.perPersonPerDay))]));
      warehouses.push({ id: 'wh-county', name: { zh: `${county.zh}救灾物资储备库`, en: `${county.en} relief depot` }, tier: 'county', node: cx.nodeId(countySeat.seat.node), stock, ...tpl.store.county });
      cx.provenance.push({ paths: ['reserves.warehouses.0.stock.*'], source: 'assumed', note: `No stores register (--stores): one county store at the seat of the most populous township, stocked for ${people} people (tents and quilts once, a day of food and water).` });
    }
    return warehouses;
  }
  const itemKey = (header: string) => header.replace(/[（(][^）)]*[）)]/g, '').trim().toLowerCase();
  const itemHeaders = new Map<string, string>();
  for (const it of tpl.items) for (const h of [it.id, it.name.zh, it.name.en, ...(tpl.itemAliases[it.id] ?? [])]) itemHeaders.set(itemKey(h), it.id);
  const st = input.stores;
  cx.addSource('stores', st, '救灾物资储备库（点）名册');
  const rows = parseRegister(st, REGISTERS.stores, cx.register, problems);
  const names = new Map<string, number>();
  rows.forEach((r, i) => names.set(r.values.name as string, i));
  const parents: (string | undefined)[] = [];
  for (const row of rows) {
    const tier = lookupWord(STORE_TIERS, row.values.tier as string);
    if (!tier) {
      problems.error(st.file, 'unknownValue', { value: row.values.tier as string, allowed: '县级、乡镇、村、协议' }, { row: row.row, column: row.columns.tier! });
      continue;
    }
    const stock: Record<string, number> = {};
    let bad = false;
    for (const [h, c] of Object.entries(row.extra)) {
      const item = itemHeaders.get(itemKey(h));
      if (!item || c === null || String(c).trim() === '') continue;
      const n = parseNumber(c);
      if (n === undefined || !Number.isInteger(n) || n < 0) {
        problems.error(st.file, n === undefined ? 'notANumber' : 'notAnInteger', { value: String(c) }, { row: row.row, column: h });
        bad = true;
        continue;
      }
      stock[item] = n;
    }
    if (bad) continue;
    if (Object.keys(stock).length === 0) {
      problems.error(st.file, 'noStock', { items: tpl.items.map((x) => x.name.zh).join('、') }, { row: row.row });
      continue;
    }
    const parent = /^(无|none)$/i.test(String(row.values.parent ?? '').trim()) ? NO_PARENT : (row.values.parent as string | undefined);
    if (parent !== undefined && parent !== NO_PARENT && !names.has(parent)) {
      problems.error(st.file, 'unknownStore', { value: parent }, { row: row.row, column: row.columns.parent! });
      continue;
    }
    const nn = cx.nearestNode(row.values.position as LonLat);
    if (nn.km > 2) problems.warn(st.file, 'farFromRoad', { m: Math.round(nn.km * 1000), node: cx.nodeId(nn.index) }, { row: row.row });
    parents.push(parent);
    warehouses.push({
      id: `wh-r${row.row}`,
      name: { zh: row.values.name as string, en: (row.values.nameEn as string | undefined) ?? `${county.en} relief store (row ${row.row})` },
      tier,
      node: cx.nodeId(nn.index),
      stock,
      ...tpl.store[tier],
    });
  }
  if (warehouses.length > 0) cx.provenance.push({ paths: ['reserves.warehouses.*.stock.*'], source: 'stores', note: `${st.file}: store wh-rN is 第 N 行 (row N); the item quantity columns.` });
  // parents by name; a store without one hangs off the first county store (none for county stores)
  const rowOf = new Map(rows.map((r) => [r.values.name as string, r.row]));
  const firstCounty = warehouses.find((w) => w.tier === 'county');
  warehouses.forEach((w, i) => {
    const p = parents[i];
    const pid = p === NO_PARENT ? undefined : p !== undefined ? `wh-r${rowOf.get(p)}` : w.tier !== 'county' && firstCounty ? firstCounty.id : undefined;
    if (pid && pid !== w.id && warehouses.some((x) => x.id === pid)) {
      // the parent goes before the resupply fields, where the schema's order has it
      const { resupplyLeadHours, reorderFraction, loadingHours, ...head } = w;
      warehouses[i] = { ...head, parent: pid, resupplyLeadHours, reorderFraction, loadingHours };
    }
  });
  return warehouses;
}
