/**
 * Rows for SeriesChart from `minimize` runs: one coordinate's position, or its
 * effective learning rate −Δx/g, against the step. A diverged run's label says so.
 */
import { pathLabel, type Path } from "./paths.js";
import type { SeriesRow } from "./series-chart.js";

/** Coordinate `coordinate` (0-based) of each run against the step, steps 0..steps. */
export function positionRows(paths: readonly Path[], coordinate = 0): SeriesRow[] {
  const rows: SeriesRow[] = [];
  for (const path of paths) {
    const t = path.trajectory;
    const series = pathLabel(path);
    for (let i = 0; i <= t.steps; ++i) rows.push({ series, x: i, y: t.x[i * t.dim + coordinate] });
  }
  return rows;
}

/** The effective learning rate of coordinate `coordinate` at each step 1..steps (NaN where the gradient was 0 is dropped). */
export function effectiveLrRows(paths: readonly Path[], coordinate = 0): SeriesRow[] {
  const rows: SeriesRow[] = [];
  for (const path of paths) {
    const t = path.trajectory;
    const series = pathLabel(path);
    for (let i = 1; i <= t.steps; ++i) {
      const v = t.effectiveLr[(i - 1) * t.dim + coordinate];
      if (Number.isFinite(v)) rows.push({ series, x: i, y: v });
    }
  }
  return rows;
}

/** |Δx| of coordinate `coordinate` at each step 1..steps. */
export function stepSizeRows(paths: readonly Path[], coordinate = 0): SeriesRow[] {
  const rows: SeriesRow[] = [];
  for (const path of paths) {
    const t = path.trajectory;
    const series = pathLabel(path);
    for (let i = 1; i <= t.steps; ++i) rows.push({ series, x: i, y: Math.abs(t.x[i * t.dim + coordinate] - t.x[(i - 1) * t.dim + coordinate]) });
  }
  return rows;
}
