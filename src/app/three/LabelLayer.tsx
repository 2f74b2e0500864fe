import { useFrame, useThree } from '@react-three/fiber';
import { useRef } from 'react';
import { Vector3 } from 'three';

/** One place name: where it is in the scene and how important it is (higher wins a clash). */
export interface LabelSpec {
  id: string;
  text: string;
  pos: readonly [number, number, number];
  priority: number;
  kind: string;
}

export interface LabelUpdaterProps {
  labels: readonly LabelSpec[];
  /** the DOM layer over the canvas holding one span per label, `data-label-id` = its id */
  layer: React.RefObject<HTMLDivElement | null>;
  /** ids to raise above their priority now (a failed site's village…), and a key that changes when they do */
  hot: () => { key: number; ids: ReadonlySet<string> };
  /**
   * label density by zoom: a label of this kind shows only while the camera is within this
   * distance of it (scene units), so a county's 300 villages appear as one comes closer and the
   * overview keeps the seats; hot labels always show. Kinds not listed show at any distance.
   */
  maxDistance?: Readonly<Record<string, number>>;
}

/** Village labels show within this many times the ground's half-size of the camera (the overview starts at about 2×). */
export const VILLAGE_LABEL_DISTANCE = 1.45;

const v = new Vector3();

/**
 * Places the DOM labels (plain spans: CJK from the system fonts, no troika, no CDN) over the
 * canvas and declutters them greedily by priority: a label is hidden where it would overlap one
 * already placed, and hides a kind beyond its zoom distance (`maxDistance`). Runs inside the r3f frame loop only when the camera or the hot set changed;
 * never re-renders React.
 */
export function LabelUpdater({ labels, layer, hot, maxDistance }: LabelUpdaterProps) {
  const { camera, size } = useThree();
  const last = useRef({ m: '', key: -1, w: 0, h: 0 });
  useFrame(() => {
    const el = layer.current;
    if (!el) return;
    const h = hot();
    const m = camera.matrixWorld.elements.map((x) => x.toFixed(4)).join(',');
    if (m === last.current.m && h.key === last.current.key && size.width === last.current.w && size.height === last.current.h) return;
    last.current = { m, key: h.key, w: size.width, h: size.height };
    const spans = new Map<string, HTMLElement>();
    for (const c of Array.from(el.children)) spans.set((c as HTMLElement).dataset.labelId ?? '', c as HTMLElement);
    const order = [...labels].sort((a, b) => (h.ids.has(b.id) ? 10 : 0) + b.priority - ((h.ids.has(a.id) ? 10 : 0) + a.priority));
    const placed: [number, number, number, number][] = [];
    for (const l of order) {
      const span = spans.get(l.id);
      if (!span) continue;
      const far = maxDistance?.[l.kind];
      if (far !== undefined && !h.ids.has(l.id) && camera.position.distanceTo(v.set(l.pos[0], l.pos[1], l.pos[2])) > far) {
        span.style.display = 'none';
        continue;
      }
      v.set(l.pos[0], l.pos[1], l.pos[2]).project(camera);
      const x = ((v.x + 1) / 2) * size.width;
      const y = ((1 - v.y) / 2) * size.height;
      const w = l.text.length * (l.kind === 'seat' ? 15 : 13.5) + 10;
      const ht = 18;
      const box: [number, number, number, number] = [x - w / 2, y - ht - 4, x + w / 2, y - 4];
      const visible = v.z < 1 && x > -20 && x < size.width + 20 && y > 0 && y < size.height + 20 && !placed.some((p) => p[0] < box[2] && box[0] < p[2] && p[1] < box[3] && box[1] < p[3]);
      if (visible) placed.push(box);
      span.style.display = visible ? 'block' : 'none';
      span.classList.toggle('hot', h.ids.has(l.id));
      if (visible) span.style.transform = `translate(${box[0].toFixed(1)}px, ${box[1].toFixed(1)}px)`;
    }
  });
  return null;
}

/** The DOM layer the updater fills: rendered once by React. */
export function LabelSpans({ labels, layer }: { labels: readonly LabelSpec[]; layer: React.RefObject<HTMLDivElement | null> }) {
  return (
    <div className="pb-labels" ref={layer} aria-hidden="true">
      {labels.map((l) => (
        <span key={l.id} data-label-id={l.id} className={`pb-label pb-label-${l.kind}`} style={{ display: 'none' }}>
          {l.text}
        </span>
      ))}
    </div>
  );
}
