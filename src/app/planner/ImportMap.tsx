import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { LonLat } from '../../../engine/import/geo.ts';
import type { ImportOutcome } from '../../import/importCounty.ts';
import { rowPositions } from './importFiles.ts';
import { featureLines, type ProblemMark } from './importMarks.ts';

export interface ImportMapProps {
  outcome: ImportOutcome;
  marks: readonly ProblemMark[];
  /** each problem's number as the list shows it */
  numbers: ReadonlyMap<number, number>;
  /** the problem picked in the list (the map zooms to it), or null for the whole county */
  selected: number | null;
  onSelect: (index: number | null) => void;
}

const LEGEND: [string, string][] = [
  ['road trunk', 'legendTrunk'],
  ['road', 'legendRoad'],
  ['road cut', 'legendCut'],
  ['village', 'legendVillage'],
  ['site', 'legendSite'],
  ['store', 'legendStore'],
  ['shelter', 'legendShelter'],
  ['mark error', 'legendError'],
  ['mark warning', 'legendWarning'],
];
const W = 900;
const H = 520;

/**
 * The imported network as a clerk checks it against the county map: roads (干线 darker), the links
 * hazard sites cut (orange), villages, hazard sites, stores and shelters, and every problem that
 * has a place — red for errors, amber for warnings; the picked one is ringed and zoomed to.
 * Plain SVG in longitude–latitude (x scaled by cos latitude); lines keep their width when zoomed.
 */
export function ImportMap({ outcome, marks, numbers, selected, onSelect }: ImportMapProps) {
  const { t } = useTranslation();
  const g = outcome.graph;
  const built = outcome.built?.scenario;
  const sites = useMemo(() => (outcome.sheets.sites ? [...rowPositions(outcome.sheets.sites).entries()] : []), [outcome]);
  const villageRows = useMemo(() => (outcome.sheets.villages ? rowPositions(outcome.sheets.villages) : new Map<number, LonLat>()), [outcome]);
  const frame = useMemo(() => {
    const pts: LonLat[] = [...(g?.nodes.map((n) => n.position) ?? []), ...marks.flatMap((m) => (m.at ? [m.at] : []))];
    const b = g?.bounds ?? { minLon: Math.min(...pts.map((p) => p[0])), maxLon: Math.max(...pts.map((p) => p[0])), minLat: Math.min(...pts.map((p) => p[1])), maxLat: Math.max(...pts.map((p) => p[1])) };
    if (!Number.isFinite(b.minLon)) return null;
    const cos = Math.cos((((b.minLat + b.maxLat) / 2) * Math.PI) / 180);
    const spanX = Math.max((b.maxLon - b.minLon) * cos, 1e-4);
    const spanY = Math.max(b.maxLat - b.minLat, 1e-4);
    const k = Math.min((W * 0.92) / spanX, (H * 0.92) / spanY);
    const ox = (W - spanX * k) / 2;
    const oy = (H - spanY * k) / 2;
    return { xy: (p: LonLat): [number, number] => [ox + (p[0] - b.minLon) * cos * k, oy + (b.maxLat - p[1]) * k], k };
  }, [g, marks]);
  if (!frame) return null;
  const { xy } = frame;
  // villages: the scenario's when it was built, else the register's rows (an import with errors still shows where they are)
  const villages: { key: string; at: LonLat; title: string }[] = built
    ? built.region.villages.map((v) => ({ key: v.id, at: v.position as LonLat, title: `${v.name.zh} · ${v.population} 人` }))
    : [...villageRows.entries()].map(([row, p]) => ({ key: `r${row}`, at: p, title: `${outcome.sheets.villages!.file} ${t('planner.importer.rowN', { row })}` }));
  const path = (pts: readonly LonLat[]) => pts.map((p, i) => `${i === 0 ? 'M' : 'L'}${xy(p)[0].toFixed(1)},${xy(p)[1].toFixed(1)}`).join('');
  const sel = selected === null ? undefined : marks[selected];
  // zoom: the picked problem's point, else its features, fill a fifth of the map
  const focus: LonLat[] = sel ? (sel.at ? [sel.at] : sel.features.flatMap((f) => featureLines(outcome.roads?.features[f]?.geometry ?? null).flat())) : [];
  let vb = { x: 0, y: 0, w: W, h: H };
  if (focus.length > 0) {
    const ps = focus.map(xy);
    const [x0, x1] = [Math.min(...ps.map((p) => p[0])), Math.max(...ps.map((p) => p[0]))];
    const [y0, y1] = [Math.min(...ps.map((p) => p[1])), Math.max(...ps.map((p) => p[1]))];
    // about 5 km across (a township's worth of roads around the place), never less than an eighth of the county
    const fiveKm = (5 * frame.k) / 111.32;
    const w = Math.min(W, Math.max(fiveKm, W / 8, (x1 - x0) * 1.6, ((y1 - y0) * 1.6 * W) / H));
    vb = { x: (x0 + x1) / 2 - w / 2, y: (y0 + y1) / 2 - (w * H) / W / 2, w, h: (w * H) / W };
  }
  const u = vb.w / W; // one screen pixel at the map's full width, in map units
  const cut = new Set(built?.hazardSites.flatMap((s) => s.cuts?.map((c) => c.link) ?? []) ?? []);
  const nodePos = new Map(g?.nodes.map((n) => [n.id, n.position]) ?? []);
  const at = (node: string) => nodePos.get(node);
  const highlighted = new Set(sel?.features ?? []);
  return (
    <figure className="pl-import-map" data-testid="pl-import-map">
      <div className="pl-import-map-bar">
        <span className="small">{sel ? t('planner.importer.mapZoomed', { n: numbers.get(sel.index) ?? sel.index + 1 }) : t('planner.importer.mapWhole')}</span>
        {sel && (
          <button type="button" className="btn small" data-testid="pl-import-map-reset" onClick={() => onSelect(null)}>
            {t('planner.importer.mapReset')}
          </button>
        )}
      </div>
      <svg viewBox={`${vb.x} ${vb.y} ${vb.w} ${vb.h}`} role="img" aria-label={t('planner.importer.mapLabel')} data-zoomed={sel ? 'true' : 'false'}>
        <rect x={vb.x} y={vb.y} width={vb.w} height={vb.h} className="pl-im-bg" />
        {g?.links.map((l) => (
          <path key={l.id} d={path(l.coords)} className={`pl-im-road ${l.trunk ? 'trunk' : ''} ${cut.has(l.id) ? 'cut' : ''}`} vectorEffect="non-scaling-stroke">
            <title>{`${l.id} ${l.name?.zh ?? ''} · ${l.lengthKm} km · ${l.speedKmh} km/h${cut.has(l.id) ? ` · ${t('planner.importer.legendCut')}` : ''}`}</title>
          </path>
        ))}
        {[...highlighted].flatMap((f) =>
          featureLines(outcome.roads?.features[f]?.geometry ?? null).map((pts, i) => <path key={`h${f}-${i}`} d={path(pts)} className={`pl-im-hl ${sel?.severity ?? ''}`} vectorEffect="non-scaling-stroke" />),
        )}
        {villages.map((v) => {
          const [x, y] = xy(v.at);
          return (
            <circle key={v.key} cx={x} cy={y} r={3 * u} className="pl-im-village">
              <title>{v.title}</title>
            </circle>
          );
        })}
        {sites.map(([row, p]) => {
          const [x, y] = xy(p);
          const s = 4.5 * u;
          return (
            <path key={`s${row}`} d={`M${x},${y - s}L${x + s},${y + s * 0.8}L${x - s},${y + s * 0.8}Z`} className="pl-im-site">
              <title>{`${outcome.sheets.sites!.file} ${t('planner.importer.rowN', { row })}`}</title>
            </path>
          );
        })}
        {built?.reserves.warehouses.map((w) => {
          const p = at(w.node);
          if (!p) return null;
          const [x, y] = xy(p);
          return (
            <rect key={w.id} x={x - 3.5 * u} y={y - 3.5 * u} width={7 * u} height={7 * u} className="pl-im-store">
              <title>{w.name.zh}</title>
            </rect>
          );
        })}
        {built?.shelters.map((h) => {
          const p = at(h.node);
          if (!p) return null;
          const [x, y] = xy(p);
          const s = 4 * u;
          return (
            <path key={h.id} d={`M${x},${y - s}L${x + s},${y}L${x},${y + s}L${x - s},${y}Z`} className="pl-im-shelter">
              <title>{h.name.zh}</title>
            </path>
          );
        })}
        {marks.map((m) => {
          if (!m.at) return null;
          const [x, y] = xy(m.at);
          const picked = sel?.index === m.index;
          return (
            <g key={`m${m.index}`} className={`pl-im-mark ${m.severity} ${picked ? 'picked' : ''}`} data-testid="pl-import-mark" data-index={m.index} onClick={() => onSelect(m.index)}>
              <circle cx={x} cy={y} r={(picked ? 11 : 7) * u} />
              <text x={x + (picked ? 14 : 10) * u} y={y - (picked ? 9 : 6) * u} fontSize={12 * u}>
                {numbers.get(m.index) ?? m.index + 1}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="pl-im-legend small">
        {LEGEND.map(([k, key]) => (
          <span key={key} className="item">
            <span className={`k ${k}`} />
            {t(`planner.importer.${key}`)}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
