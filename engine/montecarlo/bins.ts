/**
 * Fixed bins for integer histograms. A histogram is `size` regular bins followed by one
 * overflow bin (index `size`) for values that have no number ("never happened within the
 * horizon"). Counts are integers, so histograms merge exactly by addition in any order.
 *
 * Every value is represented by the midpoint of its bin; quantiles are computed over those
 * midpoints (see `histogramQuantile`). Because the map value → midpoint is monotone, a type-7
 * quantile over midpoints differs from the type-7 quantile of the raw values by at most half
 * the width of the bins involved: the documented error bound.
 */
export interface Bins {
  /** regular bins; the overflow bin is at index `size` */
  readonly size: number;
  /** bin of a finite value (clamped into the regular range); pure */
  index(x: number): number;
  /** the value a bin stands for; pure */
  mid(b: number): number;
  /** how the bins are laid out, for the summary JSON */
  describe(): BinsSpec;
}

export type BinsSpec =
  | { kind: 'step'; step: number; min: 0; max: number; maxError: string }
  | { kind: 'log'; zeroBin: true; min: number; ratio: number; max: number; maxError: string };

/**
 * Bins centred on the multiples of `step`: bin b holds [(b − ½)·step, (b + ½)·step) and stands
 * for b·step, so a value is rounded to the nearest step (error ≤ step/2). Covers [0, (size−1)·step];
 * values outside are clamped into the first or last bin. Used for hours (step 1 minute) and for
 * stock as a fraction of its initial level (step 0.005).
 */
export class StepBins implements Bins {
  constructor(
    readonly step: number,
    readonly size: number,
  ) {}

  index(x: number): number {
    const b = Math.round(x / this.step);
    return b < 0 ? 0 : b >= this.size ? this.size - 1 : b;
  }

  mid(b: number): number {
    return b * this.step;
  }

  describe(): BinsSpec {
    return { kind: 'step', step: this.step, min: 0, max: (this.size - 1) * this.step, maxError: 'step/2' };
  }
}

/**
 * Geometric bins for quantities spanning orders of magnitude (shortfall, people): bin 0 holds
 * exactly 0 (stands for 0); bin 1 holds (0, min) (stands for min/2); bin k ≥ 2 holds
 * [min·ratio^(k−2), min·ratio^(k−1)) and stands for its arithmetic midpoint, so the error is at
 * most half the bin, i.e. (ratio − 1)/2 of the value (1% for ratio 1.02). Values beyond the last
 * bin are clamped into it.
 */
export class LogBins implements Bins {
  readonly size: number;
  private readonly edges: Float64Array;

  constructor(
    readonly min: number,
    readonly ratio: number,
    readonly max: number,
  ) {
    const n = Math.ceil(Math.log(max / min) / Math.log(ratio));
    this.size = n + 2;
    // edges[k] is the lower edge of bin k (k ≥ 1); edges[size] is the top
    this.edges = new Float64Array(this.size + 1);
    this.edges[1] = 0;
    for (let k = 2; k <= this.size; k++) this.edges[k] = min * Math.pow(ratio, k - 2);
  }

  index(x: number): number {
    if (!(x > 0)) return 0;
    if (x < this.min) return 1;
    let k = Math.floor(Math.log(x / this.min) / Math.log(this.ratio)) + 2;
    // make the bin agree with the stored edges whatever the rounding of log()
    if (k > this.size - 1) k = this.size - 1;
    while (k > 2 && x < this.edges[k]!) k--;
    while (k < this.size - 1 && x >= this.edges[k + 1]!) k++;
    return k;
  }

  mid(b: number): number {
    if (b <= 0) return 0;
    return (this.edges[b]! + this.edges[b + 1]!) / 2;
  }

  describe(): BinsSpec {
    return { kind: 'log', zeroBin: true, min: this.min, ratio: this.ratio, max: this.edges[this.size]!, maxError: 'half the bin: (ratio − 1)/2 of the value' };
  }
}
