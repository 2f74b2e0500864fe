import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvacuationScenario } from '../../../engine/evacuation/schema.ts';
import { pathData, type BuildingLayout } from './buildingLayout.ts';
import { mmss } from './kioskSummary.ts';
import { groupAt, type PlaybackIndex } from './playbackIndex.ts';

export interface BuildingViewProps {
  scenario: EvacuationScenario;
  layout: BuildingLayout;
  index: PlaybackIndex;
  /** the visitor's group, drawn highlighted */
  highlight: string | null;
  /** a still picture at this second (since ignition), when not playing */
  t?: number;
  /** play from → to (s since ignition) at `speed` simulated seconds per wall second */
  play?: { from: number; to: number; speed: number; onEnd?: () => void };
  /** a stair to outline (the question's options) */
  focusStairs?: boolean;
}

/** A short room label that fits its box: no notes in brackets, "Class 6-1" for "Grade 6 class 1". */
const roomLabel = (name: string, zh: boolean): string =>
  zh ? name.replace(/（.*）/, '').slice(0, 7) : name.replace(/\s*\(.*\)/, '').replace(/,.*$/, '').replace(/Grade (\d+) class (\d+)/, 'Class $1-$2').slice(0, 16);

const radius = (people: number) => Math.max(3, Math.sqrt(Math.max(1, people)) * 1.25);

/**
 * The building as a side elevation with the groups as dots moving along their edges and smoke
 * spreading, driven by the run's log. React renders the drawing once; a requestAnimationFrame
 * loop moves the dots and shades the smoke by mutating SVG attributes through refs (STYLE §11),
 * so nothing re-renders per frame.
 */
export function BuildingView({ scenario, layout, index, highlight, t = 0, play, focusStairs }: BuildingViewProps) {
  const { t: tr, i18n } = useTranslation();
  const zh = !i18n.language.startsWith('en');
  const dots = useRef(new Map<string, { dot: SVGCircleElement | null; tail: SVGCircleElement | null }>());
  const smoke = useRef(new Map<string, SVGPathElement | null>());
  const fire = useRef<SVGRectElement | null>(null);
  const clock = useRef<SVGTextElement | null>(null);
  const onEnd = useRef(play?.onEnd);
  onEnd.current = play?.onEnd;
  const fireRoom = useMemo(() => layout.rooms.find((r) => r.id === index.fireRoom) ?? null, [layout, index]);

  useEffect(() => {
    const draw = (now: number) => {
      for (const g of index.groups) {
        const el = dots.current.get(g.id);
        if (!el?.dot) continue;
        const p = groupAt(g, layout, now);
        el.dot.setAttribute('cx', p.head.x.toFixed(1));
        el.dot.setAttribute('cy', p.head.y.toFixed(1));
        el.dot.setAttribute('data-moving', p.moving ? '1' : '0');
        if (el.tail) {
          // the group's last person: a faint dot behind the head while the class strings out
          el.tail.setAttribute('cx', p.tail.x.toFixed(1));
          el.tail.setAttribute('cy', p.tail.y.toFixed(1));
          el.tail.setAttribute('visibility', p.assembled || (p.tail.x === p.head.x && p.tail.y === p.head.y) ? 'hidden' : 'visible');
        }
      }
      for (const [edge, el] of smoke.current) {
        if (!el) continue;
        const s = index.smokeS.get(edge);
        const u = index.untenableS.get(edge);
        el.setAttribute('data-smoke', u !== undefined && now >= u ? 'blocked' : s !== undefined && now >= s ? 'smoke' : 'none');
      }
      fire.current?.setAttribute('data-out', index.fireOutS !== null && now >= index.fireOutS ? '1' : '0');
      if (clock.current) clock.current.textContent = tr('kiosk.play.clock', { time: mmss(now) });
    };
    if (!play) {
      draw(t);
      return;
    }
    let raf = 0;
    const start = performance.now();
    const frame = (wall: number) => {
      const now = Math.min(play.to, play.from + ((wall - start) / 1000) * play.speed);
      draw(now);
      if (now < play.to) raf = requestAnimationFrame(frame);
      else onEnd.current?.();
    };
    raf = requestAnimationFrame(frame);
    return () => cancelAnimationFrame(raf);
  }, [index, layout, play?.from, play?.to, play?.speed, t, tr]);

  const stairLabels = scenario.building.stairs.map((st) => {
    const e = scenario.building.edges.find((x) => x.stair === st.id);
    const p = e ? layout.nodes.get(e.from) : undefined;
    return p ? { id: st.id, x: p.x, name: zh ? st.name.zh : st.name.en } : null;
  });
  const me = index.groups.find((g) => g.id === highlight);

  return (
    <svg className="kiosk-building" viewBox={`0 0 ${layout.width} ${layout.height}`} role="img" aria-label={tr('kiosk.play.title')} data-testid="kiosk-building">
      {layout.floors.map((f) => (
        <g key={f.id}>
          <rect className="floor-band" x={10} y={f.top} width={layout.width - 20} height={f.corridorY - f.top + 20} />
          <text className="floor-name" x={26} y={f.top + 18}>
            {zh ? f.name.zh : f.name.en}
          </text>
        </g>
      ))}
      <line className="ground" x1={10} x2={layout.width - 10} y1={layout.groundY} y2={layout.groundY} />
      <rect className="playground" x={layout.assembly.x} y={layout.assembly.y} width={layout.assembly.w} height={layout.assembly.h} rx={10} />
      <text className="playground-name" x={layout.assembly.x + 10} y={layout.assembly.y + layout.assembly.h - 10}>
        {tr('kiosk.play.playground')}
      </text>
      {layout.lift && (
        <g>
          <rect className="lift-shaft" x={layout.lift.x - 7} y={layout.lift.top} width={14} height={layout.lift.bottom - layout.lift.top + 4} />
          <text className="lift-name" x={layout.lift.x + 10} y={layout.lift.top + 12}>
            {tr('kiosk.play.lift')}
          </text>
        </g>
      )}
      {layout.rooms.map((r) => (
        <g key={r.id}>
          <rect className={`room room-${r.kind}${r.id === highlight ? ' room-mine' : ''}`} x={r.x} y={r.y} width={r.w} height={r.h} rx={4} />
          <text className="room-name" x={r.x + r.w / 2} y={r.y + 14} textAnchor="middle">
            {roomLabel(zh ? r.name.zh : r.name.en, zh)}
          </text>
        </g>
      ))}
      {fireRoom && <rect ref={fire} className="fire-room" data-testid="kiosk-fire" x={fireRoom.x} y={fireRoom.y} width={fireRoom.w} height={fireRoom.h} rx={4} />}
      {[...layout.edges].map(([id, path]) => (
        <path key={id} className={`edge edge-${layout.edgeKind.get(id)}${focusStairs && layout.edgeKind.get(id) === 'stair' ? ' edge-focus' : ''}`} d={pathData(path)} />
      ))}
      {[...layout.edges].map(([id, path]) => (
        <path key={`s-${id}`} ref={(el) => void smoke.current.set(id, el)} className="smoke" data-smoke="none" d={pathData(path)} />
      ))}
      {stairLabels.map((s) => s && (
        <text key={s.id} className="stair-name" x={s.x} y={layout.floors[0]!.top - 6} textAnchor="middle">
          {s.name}
        </text>
      ))}
      {[...index.groups].sort((a, b) => Number(a.id === highlight) - Number(b.id === highlight)).map((g) => (
        <g key={g.id} className={g.id === highlight ? 'grp grp-mine' : 'grp'}>
          <circle ref={(el) => void dots.current.set(g.id, { ...(dots.current.get(g.id) ?? { dot: null }), tail: el })} className="grp-tail" r={radius(g.people) * 0.6} visibility="hidden" />
          <circle ref={(el) => void dots.current.set(g.id, { ...(dots.current.get(g.id) ?? { tail: null }), dot: el })} className="grp-dot" r={radius(g.people)} data-testid={g.id === highlight ? 'kiosk-me' : undefined} />
        </g>
      ))}
      {me && (
        <text className="me-label" x={layout.width - 30} y={layout.height - 14} textAnchor="end">
          ● {tr('kiosk.play.legendYou')}
        </text>
      )}
      <text ref={clock} className="kiosk-clock" x={24} y={24} data-testid="kiosk-clock" />
    </svg>
  );
}
