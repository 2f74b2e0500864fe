import { useFrame, useThree } from '@react-three/fiber';
import { useMemo } from 'react';
import { Mesh, MeshBasicMaterial, TorusGeometry, Vector3 } from 'three';

/**
 * Where the camera should look and what is picked, outside React: the page sets `fly(goal)` when
 * an event or an object is chosen; the CameraRig inside the Canvas eases the orbit controls'
 * target (and the camera with it, closer in) there over `ms`; the PickRing circles `where()`.
 */
export class SceneFocus {
  goal: [number, number, number] | null = null;
  /** the distance to come in to (scene units) */
  distance = 6;
  started = 0;
  ms = 900;
  /** where the camera looks now (scene units), as the rig last left it (for tests) */
  target: [number, number, number] | null = null;
  /** where the picked thing is now (scene units), null when nothing is picked; read each frame */
  where: () => [number, number, number] | null = () => null;
  private kick: (() => void) | null = null;

  fly(goal: [number, number, number] | null): void {
    this.goal = goal;
    this.started = performance.now();
    this.kick?.();
  }

  /** set by the rig: asks the demand frame loop for a frame */
  bind(kick: (() => void) | null): void {
    this.kick = kick;
  }
}

const from = new Vector3();
const fromCam = new Vector3();
const to = new Vector3();
const off = new Vector3();

interface OrbitLike {
  target: Vector3;
  update(): void;
}

/** Eases the orbit controls to the focus's goal (keeps the viewing direction, comes in to `distance`). Inside the Canvas. */
export function CameraRig({ focus }: { focus: SceneFocus }) {
  const invalidate = useThree((s) => s.invalidate);
  const camera = useThree((s) => s.camera);
  const controls = useThree((s) => s.controls) as unknown as OrbitLike | null;
  useMemo(() => focus.bind(() => invalidate()), [focus, invalidate]);
  const anim = useMemo(() => ({ started: -1 }), []);
  useFrame(() => {
    if (controls) focus.target = [controls.target.x, controls.target.y, controls.target.z];
    if (!controls || !focus.goal) return;
    if (anim.started !== focus.started) {
      anim.started = focus.started;
      from.copy(controls.target);
      fromCam.copy(camera.position);
    }
    const u = Math.min(1, (performance.now() - focus.started) / focus.ms);
    const k = u * u * (3 - 2 * u);
    to.set(focus.goal[0], focus.goal[1], focus.goal[2]);
    // the camera keeps its direction to the target and comes in to the focus distance (never moves out)
    off.copy(fromCam).sub(from);
    const d = off.length();
    off.multiplyScalar(Math.min(d, focus.distance) / (d || 1));
    controls.target.lerpVectors(from, to, k);
    camera.position.lerpVectors(fromCam, off.add(to), k);
    controls.update();
    focus.target = [controls.target.x, controls.target.y, controls.target.z];
    if (u < 1) invalidate();
    else focus.goal = null;
  });
  return null;
}

/** A ring round the picked thing, following it (a moving team) each frame. Inside the Canvas. */
export function PickRing({ focus }: { focus: SceneFocus }) {
  const mesh = useMemo(() => {
    const m = new Mesh(new TorusGeometry(0.55, 0.07, 8, 32), new MeshBasicMaterial({ color: '#ffd400', depthTest: false, transparent: true, opacity: 0.95 }));
    m.rotation.x = -Math.PI / 2;
    m.renderOrder = 5;
    return m;
  }, []);
  useFrame(() => {
    const p = focus.where();
    mesh.visible = !!p;
    if (p) mesh.position.set(p[0], p[1] + 0.05, p[2]);
  });
  return <primitive object={mesh} />;
}
