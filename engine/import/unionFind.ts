/**
 * Disjoint sets over 0 … n − 1 (path halving); a union keeps the smaller root, so a set's root
 * is its least member once every union is made. Not pure: `find` shortens paths.
 */
export class UnionFind {
  private readonly parent: Int32Array;

  constructor(n: number) {
    this.parent = new Int32Array(n);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }

  /** The root of i's set. */
  find(i: number): number {
    const p = this.parent;
    while (p[i] !== i) {
      p[i] = p[p[i]!]!;
      i = p[i]!;
    }
    return i;
  }

  /** Joins the sets of i and j. */
  union(i: number, j: number): void {
    const a = this.find(i);
    const b = this.find(j);
    if (a !== b) this.parent[Math.max(a, b)] = Math.min(a, b);
  }
}
