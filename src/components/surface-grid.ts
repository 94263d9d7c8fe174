/**
 * A loss surface sampled on a grid, for contour maps. Computed once per
 * objective, box and resolution and then cached, so moving a slider redraws
 * only the trajectories.
 */
import type { Objective } from "../lib/types.js";

export interface SurfaceGrid {
  nx: number;
  ny: number;
  x: readonly [number, number];
  y: readonly [number, number];
  /** Row-major values, ny rows of nx, row 0 at y[0]. */
  values: Float64Array;
  min: number;
  max: number;
}

/** Samples `value` at the centres of an nx × ny grid over the box; no cache. */
export function sampleGrid(
  value: (x: Float64Array) => number,
  x: readonly [number, number],
  y: readonly [number, number],
  nx: number,
  ny: number
): SurfaceGrid {
  const values = new Float64Array(nx * ny);
  const point = new Float64Array(2);
  let min = Infinity;
  let max = -Infinity;
  for (let j = 0; j < ny; ++j) {
    point[1] = y[0] + ((j + 0.5) / ny) * (y[1] - y[0]);
    for (let i = 0; i < nx; ++i) {
      point[0] = x[0] + ((i + 0.5) / nx) * (x[1] - x[0]);
      const v = value(point);
      values[j * nx + i] = v;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  return { nx, ny, x, y, values, min, max };
}

const cache = new Map<string, SurfaceGrid>();

/**
 * The cache key: the objective's name, the box, the resolution, and the
 * function's values at three fixed points of the box — so two different
 * surfaces that share a name (a reader's edited objective, quadratics built
 * with other matrices) never share a grid, while a page that rebuilds
 * `ravine()` in a reactive cell still hits the cache.
 */
function cacheKey(objective: Objective, x: readonly [number, number], y: readonly [number, number], nx: number, ny: number): string {
  const probe = new Float64Array(2);
  const fingerprint = [0.17, 0.5, 0.83].map((f, k) => {
    probe[0] = x[0] + f * (x[1] - x[0]);
    probe[1] = y[0] + [0.29, 0.61, 0.07][k] * (y[1] - y[0]);
    return objective.value(probe, 1);
  });
  return `${objective.name}|${x}|${y}|${nx}|${ny}|${fingerprint}`;
}

/** The objective sampled for contours (first coordinate across, second up), cached. */
export function surfaceGrid(
  objective: Objective,
  x: readonly [number, number] = objective.domain[0],
  y: readonly [number, number] = objective.domain[1],
  nx = 160,
  ny = 120
): SurfaceGrid {
  const key = cacheKey(objective, x, y, nx, ny);
  const cached = cache.get(key);
  if (cached) return cached;
  const grid = sampleGrid((point) => objective.value(point, 1), x, y, nx, ny);
  cache.set(key, grid);
  return grid;
}

/**
 * Contour levels for a grid: evenly spaced in the value when the surface is
 * gentle, evenly spaced in log(f − min) when it spans orders of magnitude
 * (Beale, Rosenbrock), so the valley floor still gets lines.
 */
export function contourLevels(grid: SurfaceGrid, count = 18, scale: "auto" | "log" | "linear" = "auto"): number[] {
  const sorted = Float64Array.from(grid.values).sort();
  const median = sorted[sorted.length >> 1];
  const floor = grid.min;
  const useLog = scale === "log" || (scale === "auto" && grid.max - floor > 8 * (median - floor));
  const levels: number[] = [];
  if (useLog) {
    const lo = Math.log(Math.max((median - floor) * 1e-3, 1e-9));
    const hi = Math.log(grid.max - floor);
    for (let k = 0; k < count; ++k) levels.push(floor + Math.exp(lo + ((k + 0.5) / count) * (hi - lo)));
  } else {
    for (let k = 0; k < count; ++k) levels.push(floor + ((k + 0.5) / count) * (grid.max - floor));
  }
  return levels;
}
