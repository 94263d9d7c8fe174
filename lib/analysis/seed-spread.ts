/**
 * Measured comparisons over several seeds: the median and range of a result
 * across seeds, and a verdict that names a winner only outside the noise —
 * A is lower than B only when every seed of A is below every seed of B
 * (the two ranges do not overlap).
 */

export interface SeedSpread {
  readonly values: readonly number[];
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

/** Median, minimum and maximum of one result over seeds (a non-finite value — a diverged run — counts as +∞). */
export function seedSpread(values: readonly number[]): SeedSpread {
  if (values.length === 0) throw new RangeError("seedSpread: values must hold at least one seed's result");
  const v = values.map((x) => (Number.isNaN(x) ? Infinity : x));
  const s = [...v].sort((a, b) => a - b);
  const n = s.length;
  const median = n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  return { values: v, median, min: s[0], max: s[n - 1] };
}

/**
 * "lower" when every value of `a` is below every value of `b`, "higher" when
 * every value is above, "overlap" otherwise (within the noise of the seeds).
 */
export function compareSpreads(a: SeedSpread, b: SeedSpread): "lower" | "higher" | "overlap" {
  if (a.max < b.min) return "lower";
  if (a.min > b.max) return "higher";
  return "overlap";
}
