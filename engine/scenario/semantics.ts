import type { MessageKey } from './messages.ts';
import type { DocPath } from './problem.ts';
import type { Scenario } from './schema/scenario.ts';

/** A problem found beyond the shape: cross references, duplicates, cycles, connectivity. */
export interface SemanticIssue {
  path: DocPath;
  key: MessageKey;
  params?: Record<string, string | number>;
  severity: 'error' | 'warning';
}

const levelRank: Record<string, number> = { blue: 1, yellow: 2, orange: 3, red: 4 };

type Loose = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * Checks everything the schema alone cannot: ids, references, cycles, connectivity. Pure.
 * Tolerant by design: it also runs on a document that failed the shape check, so one pass
 * reports every problem; a check whose section is malformed is skipped (the shape error
 * already covers it).
 */
export function checkSemantics(doc: Scenario | Loose): SemanticIssue[] {
  const s = doc as Loose;
  const out: SemanticIssue[] = [];
  const err = (path: DocPath, key: MessageKey, params?: Record<string, string | number>) =>
    out.push({ path, key, params, severity: 'error' });
  const guard = (check: () => void) => {
    try {
      check();
    } catch {
      // malformed section: reported by the schema
    }
  };
  const arr = (x: unknown): Loose[] => (Array.isArray(x) ? (x as Loose[]) : []);
  const idOf = (x: unknown): string | undefined =>
    x !== null && typeof x === 'object' && typeof (x as Loose).id === 'string' ? (x as Loose).id : undefined;

  const index = (list: Loose[], base: DocPath): Set<string> => {
    const seen = new Map<string, number>();
    list.forEach((x, i) => {
      const id = idOf(x);
      if (id === undefined) return;
      const first = seen.get(id);
      if (first !== undefined) err([...base, i, 'id'], 'duplicateId', { id, first: `${base.join('.')}[${first}]` });
      else seen.set(id, i);
    });
    return new Set(seen.keys());
  };
  const nodesL = arr(s.roads?.nodes);
  const linksL = arr(s.roads?.links);
  const townL = arr(s.region?.townships);
  const villL = arr(s.region?.villages);
  const sitesL = arr(s.hazardSites);
  const itemsL = arr(s.reserves?.items);
  const whL = arr(s.reserves?.warehouses);
  const teamsL = arr(s.teams);
  const shelL = arr(s.shelters);
  const nodes = index(nodesL, ['roads', 'nodes']);
  const links = index(linksL, ['roads', 'links']);
  const townships = index(townL, ['region', 'townships']);
  const villages = index(villL, ['region', 'villages']);
  const sites = index(sitesL, ['hazardSites']);
  const items = index(itemsL, ['reserves', 'items']);
  const warehouses = index(whL, ['reserves', 'warehouses']);
  index(teamsL, ['teams']);
  index(shelL, ['shelters']);
  index(arr(s.targets), ['targets']);

  const ref = (set: Set<string>, id: unknown, path: DocPath, kind: string) => {
    if (typeof id === 'string' && !set.has(id)) err(path, 'danglingRef', { id, kind });
  };
  guard(() => townL.forEach((t, i) => ref(nodes, t?.node, ['region', 'townships', i, 'node'], 'node')));
  guard(() =>
    villL.forEach((v, i) => {
      ref(townships, v?.township, ['region', 'villages', i, 'township'], 'township');
      ref(nodes, v?.node, ['region', 'villages', i, 'node'], 'node');
    }),
  );
  guard(() =>
    linksL.forEach((l, i) => {
      ref(nodes, l?.from, ['roads', 'links', i, 'from'], 'node');
      ref(nodes, l?.to, ['roads', 'links', i, 'to'], 'node');
      if (typeof l?.from === 'string' && l.from === l.to) err(['roads', 'links', i, 'to'], 'selfLoop', { id: String(l.id) });
    }),
  );
  guard(() =>
    sitesL.forEach((h, i) => {
      ref(villages, h?.village, ['hazardSites', i, 'village'], 'village');
      arr(h?.cuts).forEach((c, j) => ref(links, c?.link, ['hazardSites', i, 'cuts', j, 'link'], 'link'));
      arr(h?.triggers).forEach((c, j) => ref(sites, c?.site, ['hazardSites', i, 'triggers', j, 'site'], 'site'));
    }),
  );
  guard(() =>
    whL.forEach((w, i) => {
      ref(nodes, w?.node, ['reserves', 'warehouses', i, 'node'], 'node');
      if (w?.parent !== undefined) ref(warehouses, w.parent, ['reserves', 'warehouses', i, 'parent'], 'warehouse');
      if (w?.stock && typeof w.stock === 'object')
        for (const item of Object.keys(w.stock))
          if (!items.has(item)) err(['reserves', 'warehouses', i, 'stock', item], 'stockItem', { id: item });
    }),
  );
  guard(() => teamsL.forEach((t, i) => ref(nodes, t?.node, ['teams', i, 'node'], 'node')));
  guard(() => shelL.forEach((t, i) => ref(nodes, t?.node, ['shelters', i, 'node'], 'node')));

  // Resupply chains must end outside the county, never loop.
  guard(() => {
    const parentOf = new Map<string, string | undefined>();
    for (const w of whL) {
      const id = idOf(w);
      if (id !== undefined) parentOf.set(id, typeof w.parent === 'string' ? w.parent : undefined);
    }
    const reported = new Set<string>();
    whL.forEach((w, i) => {
      const id = idOf(w);
      if (id === undefined) return;
      const chain = [id];
      let cur = parentOf.get(id);
      while (cur !== undefined && parentOf.has(cur)) {
        if (chain.includes(cur)) {
          const cycle = [...chain.slice(chain.indexOf(cur)), cur];
          const key = [...new Set(cycle)].sort().join('>');
          if (!reported.has(key) && chain.indexOf(cur) === 0) {
            reported.add(key);
            err(['reserves', 'warehouses', i, 'parent'], 'parentCycle', { cycle: cycle.join(' → ') });
          }
          break;
        }
        chain.push(cur);
        cur = parentOf.get(cur);
      }
    });
  });

  guard(() => {
    const levels = new Set<string>();
    arr(s.response?.levels).forEach((l, i) => {
      if (typeof l?.level !== 'string') return;
      if (levels.has(l.level)) err(['response', 'levels', i, 'level'], 'duplicateLevel', { level: l.level });
      levels.add(l.level);
    });
  });
  guard(() => {
    const rs = arr(s.warnings?.rainstorm);
    const seen = new Set<string>();
    rs.forEach((w, i) => {
      if (typeof w?.level !== 'string') return;
      if (seen.has(w.level)) err(['warnings', 'rainstorm', i, 'level'], 'duplicateWarning', { level: w.level });
      seen.add(w.level);
    });
    // A higher signal must be at least as hard to reach: at least as much rain per hour of window.
    rs.forEach((w, i) => {
      for (const o of rs) {
        const rw = levelRank[w?.level];
        const ro = levelRank[o?.level];
        if (rw === undefined || ro === undefined) continue;
        if (ro < rw && w.thresholdMm / w.windowHours < o.thresholdMm / o.windowHours) {
          err(['warnings', 'rainstorm', i, 'thresholdMm'], 'warningOrder', { level: w.level });
          break;
        }
      }
    });
  });

  guard(() =>
    arr(s.provenance).forEach((p, i) => {
      const src = p?.source;
      const sources = s.sources && typeof s.sources === 'object' ? s.sources : {};
      if (typeof src === 'string' && src !== 'assumed' && !(src in sources)) err(['provenance', i, 'source'], 'unknownSource', { id: src });
    }),
  );

  // Only a reliefWithin target may leave its hours to the national rules (T-9).
  guard(() =>
    arr(s.targets).forEach((t, i) => {
      if (t && typeof t === 'object' && t.hours === undefined && typeof t.kind === 'string' && t.kind !== 'reliefWithin')
        err(['targets', i, 'hours'], 'targetHours', { kind: t.kind });
    }),
  );

  // A fire season needs forest compartments with their data, and its periods in order.
  guard(() => {
    sitesL.forEach((h, i) => {
      if (typeof h?.kind !== 'string') return;
      if ((h.kind === 'forest') !== (h.forest !== undefined)) err(['hazardSites', i, h.kind === 'forest' ? 'kind' : 'forest'], 'forestFields');
    });
    const hz = s.hazard;
    if (hz?.kind !== 'fireSeason') return;
    const forests = sitesL.filter((h) => h?.kind === 'forest');
    if (forests.length === 0) err(['hazard', 'kind'], 'fireNoForest');
    else if (forests.every((h) => h.susceptibility === 0)) err(['hazardSites'], 'fireNoWeight');
    arr(hz.danger?.periods).forEach((p, i, all) => {
      if (typeof p?.fromDay !== 'number') return;
      if ((i === 0 && p.fromDay !== 0) || (i > 0 && !(p.fromDay > all[i - 1]?.fromDay))) err(['hazard', 'danger', 'periods', i, 'fromDay'], 'firePeriods');
      if (Array.isArray(p.weights) && p.weights.every((w: unknown) => w === 0)) err(['hazard', 'danger', 'periods', i, 'weights'], 'fireWeights');
    });
    if (teamsL.length > 0 && !teamsL.some((t) => Array.isArray(t?.capabilities) && t.capabilities.includes('fireSuppression')))
      out.push({ path: ['teams'], key: 'noCapability', params: { cap: 'fireSuppression' }, severity: 'warning' });
  });

  guard(() => {
    for (const cap of ['clearing', 'rescue'])
      if (teamsL.length > 0 && !teamsL.some((t) => Array.isArray(t?.capabilities) && t.capabilities.includes(cap)))
        out.push({ path: ['teams'], key: 'noCapability', params: { cap }, severity: 'warning' });
  });

  // A road link without a name is legal, but people would read its id in reports and refusals
  // (said only of a file without errors, like connectivity).
  guard(() => {
    if (out.some((x) => x.severity === 'error')) return;
    linksL.forEach((l, i) => {
      if (l && typeof l.id === 'string' && !l.name) out.push({ path: ['roads', 'links', i, 'id'], key: 'unnamedLink', params: { id: l.id }, severity: 'warning' });
    });
  });

  // Connectivity (a warning: an island is legal, but nothing can reach it).
  guard(() => {
    if (out.some((x) => x.severity === 'error')) return;
    const adj = new Map<string, string[]>();
    for (const n of nodesL) adj.set(n.id, []);
    for (const l of linksL) {
      adj.get(l.from)?.push(l.to);
      adj.get(l.to)?.push(l.from);
    }
    const first = idOf(nodesL[0]);
    const seen = new Set<string>(first ? [first] : []);
    const stack = first ? [first] : [];
    while (stack.length) for (const m of adj.get(stack.pop()!) ?? []) if (!seen.has(m)) (seen.add(m), stack.push(m));
    nodesL.forEach((n, i) => {
      if (!seen.has(n.id)) out.push({ path: ['roads', 'nodes', i, 'id'], key: 'unreachable', params: { node: n.id }, severity: 'warning' });
    });
  });
  return out;
}
