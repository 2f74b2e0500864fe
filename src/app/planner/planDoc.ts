/** A plan document: the scenario file's parsed value (plain JSON: objects, arrays, strings, numbers, booleans). */
export type PlanPath = readonly (string | number)[];

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The value at a path, or undefined. Pure. */
export function getAt(doc: unknown, path: PlanPath): unknown {
  let v = doc;
  for (const k of path) {
    if (Array.isArray(v) && typeof k === 'number') v = v[k];
    else if (isObj(v) && typeof k === 'string') v = v[k];
    else return undefined;
  }
  return v;
}

/**
 * A copy of the document with the value at `path` replaced (`undefined` removes an object key or
 * an array element); the untouched branches are shared. Missing objects on the way are created. Pure.
 */
export function setAt(doc: unknown, path: PlanPath, value: unknown): unknown {
  if (path.length === 0) return value;
  const [k, ...rest] = path;
  if (Array.isArray(doc) && typeof k === 'number') {
    const next = doc.slice();
    if (rest.length === 0 && value === undefined) next.splice(k, 1);
    else next[k] = setAt(doc[k], rest, value);
    return next;
  }
  const obj = isObj(doc) ? doc : {};
  const next: Record<string, unknown> = { ...obj };
  if (rest.length === 0 && value === undefined) delete next[String(k)];
  else next[String(k)] = setAt(obj[String(k)], rest, value);
  return next;
}

/** A path as one key ("reserves.warehouses.3.stock.food"), for maps and provenance patterns. Pure. */
export const pathKey = (path: PlanPath): string => path.join('.');

/** One difference between two plans: a leaf changed, or an element/key added or removed. */
export interface PlanChange {
  kind: 'changed' | 'added' | 'removed';
  /** in the edited plan (for `removed`: in the original) */
  path: (string | number)[];
  /** the same path with array elements named by their `id` where they have one ("warehouses[wh-tc]") */
  label: string;
  before?: unknown;
  after?: unknown;
}

const idOf = (v: unknown): string | null => (isObj(v) && typeof v.id === 'string' ? v.id : null);

/**
 * The differences of an edited plan against the original, in document order. Arrays whose
 * elements all carry an `id` are matched by id (so removing one store is one change, not a
 * shift of every later one); other arrays index by index. Pure.
 */
export function diffPlans(before: unknown, after: unknown): PlanChange[] {
  const out: PlanChange[] = [];
  const walk = (a: unknown, b: unknown, path: (string | number)[], label: string) => {
    if (Array.isArray(a) && Array.isArray(b)) {
      const byId = [...a, ...b].every((x) => idOf(x) !== null);
      if (byId) {
        const aIndex = new Map(a.map((x, i) => [idOf(x)!, i]));
        const bIds = new Set(b.map((x) => idOf(x)!));
        a.forEach((x, i) => bIds.has(idOf(x)!) || out.push({ kind: 'removed', path: [...path, i], label: `${label}[${idOf(x)}]`, before: x }));
        b.forEach((x, j) => {
          const id = idOf(x)!;
          const i = aIndex.get(id);
          if (i === undefined) out.push({ kind: 'added', path: [...path, j], label: `${label}[${id}]`, after: x });
          else walk(a[i], x, [...path, j], `${label}[${id}]`);
        });
        return;
      }
      const n = Math.max(a.length, b.length);
      for (let i = 0; i < n; i++) {
        if (i >= b.length) out.push({ kind: 'removed', path: [...path, i], label: `${label}[${i}]`, before: a[i] });
        else if (i >= a.length) out.push({ kind: 'added', path: [...path, i], label: `${label}[${i}]`, after: b[i] });
        else walk(a[i], b[i], [...path, i], `${label}[${i}]`);
      }
      return;
    }
    if (isObj(a) && isObj(b)) {
      const keys = [...Object.keys(a), ...Object.keys(b).filter((k) => !(k in a))];
      for (const k of keys) {
        const l = label ? `${label}.${k}` : k;
        if (!(k in b)) out.push({ kind: 'removed', path: [...path, k], label: l, before: a[k] });
        else if (!(k in a)) out.push({ kind: 'added', path: [...path, k], label: l, after: b[k] });
        else walk(a[k], b[k], [...path, k], l);
      }
      return;
    }
    if (a !== b) out.push({ kind: 'changed', path, label, before: a, after: b });
  };
  walk(before, after, [], '');
  return out;
}
