import { BufferAttribute, Color, PlaneGeometry } from 'three';
import type { Scenario } from '../../../engine/scenario/schema/scenario.ts';

/**
 * The county ground as the scene draws it: a local projection (1 unit = 1 km, x east, z south,
 * origin at the middle of the scenario's places), a heightfield interpolated on the CPU from
 * the villages', seats' and road nodes' elevations (inverse-distance weighting on a grid), and a
 * bilinear sampler of that grid so roads, sites and teams sit on the drawn surface. A map without
 * elevations (a drill's public map) is flat.
 */
export interface CountyTerrain {
  project(lon: number, lat: number): [number, number];
  /** height (scene units) of the drawn surface at x, z */
  heightAt(x: number, z: number): number;
  geometry: PlaneGeometry;
  /** half of the larger side of the ground, km */
  extent: number;
}

const GRID = 96;

export function countyTerrain(s: Scenario): CountyTerrain {
  const pts: { lon: number; lat: number; e: number }[] = [];
  for (const v of s.region.villages) pts.push({ lon: v.position[0], lat: v.position[1], e: v.elevationM ?? 0 });
  for (const t of s.region.townships) pts.push({ lon: t.position[0], lat: t.position[1], e: t.elevationM ?? 0 });
  for (const n of s.roads.nodes) if (n.elevationM !== undefined) pts.push({ lon: n.position[0], lat: n.position[1], e: n.elevationM });
  const lons = s.roads.nodes.map((n) => n.position[0]).concat(pts.map((p) => p.lon));
  const lats = s.roads.nodes.map((n) => n.position[1]).concat(pts.map((p) => p.lat));
  const lon0 = (Math.min(...lons) + Math.max(...lons)) / 2;
  const lat0 = (Math.min(...lats) + Math.max(...lats)) / 2;
  const kx = 111.32 * Math.cos((lat0 * Math.PI) / 180);
  const kz = 110.57;
  const project = (lon: number, lat: number): [number, number] => [(lon - lon0) * kx, -(lat - lat0) * kz];
  const xs = lons.map((l) => (l - lon0) * kx);
  const zs = lats.map((l) => -(l - lat0) * kz);
  const half = Math.max(Math.max(...xs.map(Math.abs)), Math.max(...zs.map(Math.abs)), 1) * 1.12;
  const minE = Math.min(...pts.map((p) => p.e), 0);
  const maxE = Math.max(...pts.map((p) => p.e), minE + 1);
  // vertical exaggeration: the relief fills about a tenth of the ground's size
  const vz = Math.max(0.002, Math.min(0.05, (half * 0.2) / Math.max(50, maxE - minE)));
  const P = pts.map((p) => {
    const [x, z] = project(p.lon, p.lat);
    return { x, z, h: (p.e - minE) * vz };
  });
  const grid = new Float32Array((GRID + 1) * (GRID + 1));
  const step = (2 * half) / GRID;
  for (let j = 0; j <= GRID; j++)
    for (let i = 0; i <= GRID; i++) {
      const x = -half + i * step;
      const z = -half + j * step;
      let w = 0;
      let acc = 0;
      for (const p of P) {
        const d2 = (p.x - x) ** 2 + (p.z - z) ** 2 + 0.25;
        const wi = 1 / (d2 * d2);
        w += wi;
        acc += wi * p.h;
      }
      grid[j * (GRID + 1) + i] = P.length ? acc / w : 0;
    }
  const heightAt = (x: number, z: number): number => {
    const fi = Math.max(0, Math.min(GRID - 1e-6, (x + half) / step));
    const fj = Math.max(0, Math.min(GRID - 1e-6, (z + half) / step));
    const i = Math.floor(fi);
    const j = Math.floor(fj);
    const u = fi - i;
    const v = fj - j;
    const g = (a: number, b: number) => grid[b * (GRID + 1) + a]!;
    return (g(i, j) * (1 - u) + g(i + 1, j) * u) * (1 - v) + (g(i, j + 1) * (1 - u) + g(i + 1, j + 1) * u) * v;
  };
  // PlaneGeometry lies in x-y; rotate so y is up and rows run along z (south), matching the grid
  const geometry = new PlaneGeometry(2 * half, 2 * half, GRID, GRID);
  geometry.rotateX(-Math.PI / 2);
  const pos = geometry.getAttribute('position') as BufferAttribute;
  const colors = new Float32Array(pos.count * 3);
  const low = new Color('#8fbf7a');
  const mid = new Color('#c8c27e');
  const high = new Color('#a88a62');
  const top = Math.max(...grid) || 1;
  const c = new Color();
  for (let k = 0; k < pos.count; k++) {
    const h = heightAt(pos.getX(k), pos.getZ(k));
    pos.setY(k, h);
    const f = h / top;
    if (f < 0.5) c.copy(low).lerp(mid, f * 2);
    else c.copy(mid).lerp(high, (f - 0.5) * 2);
    colors[k * 3] = c.r;
    colors[k * 3 + 1] = c.g;
    colors[k * 3 + 2] = c.b;
  }
  geometry.setAttribute('color', new BufferAttribute(colors, 3));
  geometry.computeVertexNormals();
  return { project, heightAt, geometry, extent: half };
}
