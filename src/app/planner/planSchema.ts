import * as z from 'zod';
import { EvacuationScenarioV1 } from '../../../engine/evacuation/schema.ts';
import type { ModelId } from '../../../engine/model/modelTypes.ts';
import { ScenarioV1 } from '../../../engine/scenario/schema/scenario.ts';

/** The part of JSON Schema (draft 2020-12, as zod's toJSONSchema writes it) the plan forms read. */
export interface JsonSchema {
  type?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  enum?: (string | number)[];
  const?: unknown;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
}

const cache = new Map<ModelId, JsonSchema>();

/**
 * The JSON Schema of a model's scenario files, from the zod schema the loader validates with
 * (the same text `npm run schema` exports, inlined): the forms are generated from it, so a field
 * added to the schema shows up here without a hand-written input.
 */
export function planJsonSchema(model: ModelId): JsonSchema {
  let s = cache.get(model);
  if (!s) {
    s = z.toJSONSchema(model === 'evacuation' ? EvacuationScenarioV1 : ScenarioV1, { unrepresentable: 'any' }) as JsonSchema;
    cache.set(model, s);
  }
  return s;
}

/** The plan's sections a planner edits, per model, in tab order (the hazard, map and roads stay as the file has them). */
export const PLAN_SECTIONS: { readonly [K in ModelId]: readonly string[] } = {
  county: ['reserves', 'teams', 'shelters', 'targets'],
  evacuation: ['flow', 'preMovement', 'fire', 'roles', 'targets'],
};

/** The unit of a number by the name of the field that holds it (the schema's naming rule), or null. Pure. */
export function unitOf(key: string): { zh: string; en: string } | null {
  if (/Hours$|^hours$/.test(key)) return { zh: '小时', en: 'h' };
  if (/Kmh$/.test(key)) return { zh: '公里/小时', en: 'km/h' };
  if (/Km$/.test(key)) return { zh: '公里', en: 'km' };
  if (/Mm(PerHour)?$/.test(key)) return key.endsWith('PerHour') ? { zh: '毫米/小时', en: 'mm/h' } : { zh: '毫米', en: 'mm' };
  if (/Ha$/.test(key)) return { zh: '公顷', en: 'ha' };
  if (/(^|[a-z])S$/.test(key) && key !== 'S') return { zh: '秒', en: 's' };
  if (/Days/.test(key)) return { zh: '天', en: 'days' };
  if (/Fraction$|^p$|Probability$/.test(key)) return { zh: '比例 0–1', en: 'share 0–1' };
  if (/^(size|capacity|population|threatenedPeople)$/.test(key)) return { zh: '人', en: 'people' };
  if (/^perPerson/.test(key)) return { zh: '单位/人', en: 'units/person' };
  return null;
}

/** The variants of a distribution field (a oneOf whose members are told apart by a `dist` constant), or null. Pure. */
export function distVariants(s: JsonSchema): { name: string; schema: JsonSchema }[] | null {
  const list = s.oneOf ?? s.anyOf;
  if (!list) return null;
  const out = list.map((v) => ({ name: v.properties?.dist?.const, schema: v }));
  return out.every((v) => typeof v.name === 'string') ? (out as { name: string; schema: JsonSchema }[]) : null;
}

/** A number's allowed range as text ("0 – 100000000", "> 0 – 30"), or null. Pure. */
export function rangeText(s: JsonSchema): string | null {
  const lo = s.exclusiveMinimum !== undefined ? `> ${s.exclusiveMinimum}` : s.minimum !== undefined ? String(s.minimum) : null;
  const hi = s.exclusiveMaximum !== undefined ? `< ${s.exclusiveMaximum}` : s.maximum !== undefined ? String(s.maximum) : null;
  if (lo === null && hi === null) return null;
  return `${lo ?? '…'} – ${hi ?? '…'}${s.type === 'integer' ? ' (整数 integer)' : ''}`;
}

/** A fresh value of a schema, for a field or element the planner adds (an element copies the last one instead, see PlanForm). Pure. */
export function emptyOf(s: JsonSchema): unknown {
  const v = distVariants(s);
  if (v) return { dist: 'fixed', value: 0 };
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  switch (s.type) {
    case 'number':
    case 'integer':
      return s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : 0);
    case 'string':
      return '';
    case 'boolean':
      return false;
    case 'array':
      return [];
    case 'object':
      return Object.fromEntries((s.required ?? []).map((k) => [k, emptyOf(s.properties?.[k] ?? {})]));
    default:
      return null;
  }
}
