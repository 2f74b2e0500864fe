import { useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import { Vector3 } from 'three';
import { nearestPick, type MapPick, type Pickable } from './countyPicks.ts';

export interface MapPickerProps {
  items: readonly Pickable[];
  onPick: (p: MapPick) => void;
  /** filled with a function giving where a pickable is drawn on the page (client pixels), for tests */
  locate?: { current: ((kind: string, id: string) => { x: number; y: number; hit: MapPick | null } | null) | null };
}

const v = new Vector3();

/**
 * Clicks on the map in screen space: a click (not a drag of the camera) picks the nearest place,
 * site, store or shelter within a few pixels, else the nearest road link — a thin road is as
 * easy to hit as a village. Inside the Canvas; renders nothing.
 */
export function MapPicker({ items, onPick, locate }: MapPickerProps) {
  const get = useThree((s) => s.get);
  const gl = useThree((s) => s.gl);
  useEffect(() => {
    const el = gl.domElement;
    const project = (p: readonly [number, number, number]) => {
      const { camera, size } = get();
      v.set(p[0], p[1], p[2]).project(camera);
      return { x: ((v.x + 1) / 2) * size.width, y: ((1 - v.y) / 2) * size.height, front: v.z < 1 && v.z > -1 };
    };
    let down: { x: number; y: number } | null = null;
    const onDown = (e: PointerEvent) => {
      down = { x: e.clientX, y: e.clientY };
    };
    const onUp = (e: PointerEvent) => {
      if (!down || Math.hypot(e.clientX - down.x, e.clientY - down.y) > 5) return;
      down = null;
      const r = el.getBoundingClientRect();
      const hit = nearestPick(items, e.clientX - r.left, e.clientY - r.top, project);
      if (hit) onPick(hit);
    };
    el.addEventListener('pointerdown', onDown);
    el.addEventListener('pointerup', onUp);
    if (locate)
      locate.current = (kind, id) => {
        const it = items.find((x) => x.kind === kind && x.id === id);
        if (!it) return null;
        const a = project(it.at);
        const b = it.to ? project(it.to) : a;
        const r = el.getBoundingClientRect();
        const x = (a.x + b.x) / 2;
        const y = (a.y + b.y) / 2;
        return { x: r.left + x, y: r.top + y, hit: nearestPick(items, x, y, project) };
      };
    return () => {
      el.removeEventListener('pointerdown', onDown);
      el.removeEventListener('pointerup', onUp);
    };
  }, [items, onPick, gl, get, locate]);
  return null;
}
