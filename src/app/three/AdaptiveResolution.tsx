import { addAfterEffect, useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';

export interface AdaptiveResolutionProps {
  /** the lowest device-pixel ratio it goes down to */
  min?: number;
  /** frames slower than this (median, ms) lower the ratio; faster than `fastMs` raise it again */
  slowMs?: number;
  fastMs?: number;
  /** frames per decision */
  window?: number;
  /** true while the scene is animated on purpose (a playback playing): every interval counts, however long */
  busy?: () => boolean;
}

/** Two frames further apart than this (ms) are not one animation: the demand loop was idle between them. */
const IDLE_GAP_MS = 700;
const STEP = 0.75;

/**
 * Adaptive resolution for a demand-driven canvas: the intervals between consecutive frames
 * (idle gaps left out, so a still map never counts as slow) are gathered `window` at a time; a
 * median slower than `slowMs` lowers the canvas's device-pixel ratio a step (×0.75, down to
 * `min`), one faster than `fastMs` raises it a step back towards the screen's own. drei's
 * PerformanceMonitor counts frames per second, which reads an idle `frameloop="demand"` canvas
 * as slow; this measures only while something moves: intervals under IDLE_GAP_MS, those after a
 * frame that asked for the next one (camera flights, controls), and all of them while `busy()`
 * (so a starved software renderer playing a log still steps down). The ratio in force is on the
 * canvas element as `data-dpr` (tests, bench). Inside the Canvas.
 */
export function AdaptiveResolution({ min = 0.5, slowMs = 1000 / 30, fastMs = 1000 / 50, window = 12, busy }: AdaptiveResolutionProps) {
  const setDpr = useThree((s) => s.setDpr);
  const top = useThree((s) => s.viewport.initialDpr);
  const el = useThree((s) => s.gl.domElement);
  const get = useThree((s) => s.get);
  const st = useMemo(() => ({ last: -1, samples: [] as number[], dpr: top, pending: false }), [top]);
  // after each loop: did a frame already ask for the next one?
  useEffect(() => addAfterEffect(() => void (st.pending = get().internal.frames > 0)), [get, st]);
  useEffect(() => {
    el.dataset.dpr = String(st.dpr);
  }, [el, st]);
  useFrame(() => {
    const now = performance.now();
    const dt = now - st.last;
    st.last = now;
    if (!(dt > 0 && (dt < IDLE_GAP_MS || st.pending || busy?.()))) return;
    st.samples.push(dt);
    if (st.samples.length < window) return;
    const sorted = st.samples.sort((a, b) => a - b);
    const median = sorted[sorted.length >> 1]!;
    st.samples = [];
    let next = st.dpr;
    if (median > slowMs && st.dpr > min) next = Math.max(min, Math.round(st.dpr * STEP * 100) / 100);
    else if (median < fastMs && st.dpr < top) next = Math.min(top, Math.round((st.dpr / STEP) * 100) / 100);
    if (next === st.dpr) return;
    st.dpr = next;
    el.dataset.dpr = String(next);
    setDpr(next);
  });
  return null;
}
