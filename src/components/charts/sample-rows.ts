/**
 * sampleRows(rows, max): at most `max` rows for a chart's data table, evenly
 * spaced (every k-th row, k = ⌈n / max⌉ … adjusted so that the last row is
 * always kept), with `every = k`. Fewer than `max` rows come back unchanged.
 */
export function sampleRows<R>(rows: readonly R[], max: number): { rows: R[]; every: number } {
  if (!(max >= 2)) throw new RangeError(`sampleRows: max must be at least 2, got ${max}`);
  const n = rows.length;
  if (n <= max) return { rows: rows.slice(), every: 1 };
  const every = Math.ceil((n - 1) / (max - 1));
  const out: R[] = [];
  for (let i = 0; i < n - 1; i += every) out.push(rows[i]);
  out.push(rows[n - 1]);
  return { rows: out, every };
}
