/**
 * decadeTicks(values): the powers of ten spanning the positive finite values,
 * thinned to at most `max` ticks (1, 2, 5 × 10ᵉ when they span two decades or
 * less, or when fewer than three powers of ten fall within them), all within the values' range — for log axes that cover many decades, where
 * Plot's default ticks crowd the axis with unlabelled minor marks.
 */
export function decadeTicks(values: Iterable<number>, max = 8): number[] {
  let lo = Infinity, hi = -Infinity;
  for (const v of values) {
    if (v > 0 && Number.isFinite(v)) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  }
  if (!(lo <= hi)) return [];
  const a = Math.floor(Math.log10(lo));
  const b = Math.ceil(Math.log10(hi));
  const decadesInside = Math.floor(Math.log10(hi * 1.001)) - Math.ceil(Math.log10(lo * 0.999)) + 1;
  if (b - a <= 2 || (decadesInside < 3 && b - a <= 3)) {
    // Few decades: 1, 2, (3,) 5 × 10ᵉ within the values' range, so the axis is not bare.
    const multiples = b - a <= 1 ? [1, 2, 3, 5] : [1, 2, 5];
    const ticks: number[] = [];
    for (let e = a; e <= b; ++e) for (const m of multiples) if (m * 10 ** e >= lo * 0.999 && m * 10 ** e <= hi * 1.001) ticks.push(m * 10 ** e);
    return ticks;
  }
  const stride = Math.max(1, Math.ceil((b - a + 1) / max));
  const ticks: number[] = [];
  for (let e = a; e <= b; e += stride) if (10 ** e >= lo * 0.999 && 10 ** e <= hi * 1.001) ticks.push(10 ** e);
  return ticks;
}
