import { useFrame, useThree } from '@react-three/fiber';
import { useMemo } from 'react';
import { BufferAttribute, BufferGeometry, Color, LineBasicMaterial } from 'three';

export interface RainLayerProps {
  /** the middle of the rain box (scene units, km) */
  center: readonly [number, number, number];
  /** half the box's width and depth, and its height (km) */
  half: number;
  height: number;
  /** how hard it rains now, 0…1 (read every frame, outside React) */
  intensity: () => number;
  /** most streaks drawn at intensity 1 */
  count?: number;
  /** the sky at intensity 0 and 1: the scene's background Color is lerped between them, if it is a Color */
  sky?: readonly [string, string];
}

/** A cheap pseudo-random in [0, 1) from an integer (no Math.random: the same rain every run). */
function hash01(i: number): number {
  let h = Math.imul(i ^ 0x5bd1e995, 0x27d4eb2d) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b) >>> 0;
  return ((h ^ (h >>> 13)) >>> 0) / 4294967296;
}

/**
 * Rain as falling line streaks in a box, their number following `intensity()` each frame, and
 * the sky darkening with it. Everything moves in useFrame on one buffer: no React render per
 * frame. Decorative: how hard it rains is the caller's reading of the log.
 */
export function RainLayer({ center, half, height, intensity, count = 2500, sky }: RainLayerProps) {
  const scene = useThree((s) => s.scene);
  const { geo, base, speed } = useMemo(() => {
    const pos = new Float32Array(count * 6);
    const base = new Float32Array(count * 3);
    const speed = new Float32Array(count);
    for (let i = 0; i < count; i++) {
      base[i * 3] = center[0] + (hash01(i * 3) * 2 - 1) * half;
      base[i * 3 + 1] = hash01(i * 3 + 1) * height;
      base[i * 3 + 2] = center[2] + (hash01(i * 3 + 2) * 2 - 1) * half;
      speed[i] = 0.8 + hash01(i + 77_777) * 0.6;
    }
    const g = new BufferGeometry();
    g.setAttribute('position', new BufferAttribute(pos, 3));
    g.setDrawRange(0, 0);
    return { geo: g, base, speed };
  }, [center, half, height, count]);
  const mat = useMemo(() => new LineBasicMaterial({ color: '#5d7ea8', transparent: true, opacity: 0.7 }), []);
  const colours = useMemo(() => (sky ? [new Color(sky[0]), new Color(sky[1])] : null), [sky]);

  useFrame((state) => {
    const k = Math.max(0, Math.min(1, intensity()));
    const n = Math.round(k * count);
    const time = state.clock.elapsedTime;
    const fall = height * 0.9; // per second, a full box in about a second: streaks, not drops
    const len = height * 0.045;
    const p = geo.getAttribute('position') as BufferAttribute;
    const a = p.array as Float32Array;
    for (let i = 0; i < n; i++) {
      const y = center[1] + ((((base[i * 3 + 1]! - time * fall * speed[i]!) % height) + height) % height);
      const x = base[i * 3]!;
      const z = base[i * 3 + 2]!;
      const o = i * 6;
      a[o] = x;
      a[o + 1] = y;
      a[o + 2] = z;
      a[o + 3] = x + len * 0.08;
      a[o + 4] = y + len;
      a[o + 5] = z;
    }
    p.needsUpdate = true;
    geo.setDrawRange(0, n * 2);
    if (colours && scene.background instanceof Color) scene.background.copy(colours[0]!).lerp(colours[1]!, k);
  });

  return <lineSegments geometry={geo} material={mat} frustumCulled={false} renderOrder={3} />;
}
