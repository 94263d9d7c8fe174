/**
 * gridObjective(result): the surface a reader defined in an editable cell
 * (the sandbox's `objective` adapter returns it sampled on a grid, since the
 * reader's functions cannot leave the worker), as an Objective that
 * `ContourMap` can draw: its value is the grid interpolated bilinearly
 * (clamped at the edges), its domain and minima are the reader's.
 *
 * ```js
 * ContourMap(gridObjective(result), result.runs, {width})
 * ```
 */
import type { Objective } from "../lib/types.js";

export interface SampledObjective {
  name: string;
  domain: [number, number][];
  minima: number[][];
  /** Row-major, ny rows of nx values at the cell centres, row 0 at the bottom. */
  grid: { nx: number; ny: number; values: Float64Array };
}

export function gridObjective(result: SampledObjective): Objective {
  const { nx, ny, values } = result.grid;
  const [[x0, x1], [y0, y1]] = result.domain;
  const at = (i: number, j: number) => values[j * nx + i];
  // Fractional grid index of a coordinate, clamped to the cell centres.
  const index = (v: number, lo: number, hi: number, n: number) => Math.min(n - 1, Math.max(0, ((v - lo) / (hi - lo)) * n - 0.5));
  return {
    name: result.name,
    dim: 2,
    domain: result.domain,
    minima: result.minima,
    value(x: Float64Array): number {
      const fx = index(x[0], x0, x1, nx);
      const fy = index(x[1], y0, y1, ny);
      const i = Math.min(nx - 2, Math.floor(fx));
      const j = Math.min(ny - 2, Math.floor(fy));
      const u = fx - i;
      const v = fy - j;
      return (1 - v) * ((1 - u) * at(i, j) + u * at(i + 1, j)) + v * ((1 - u) * at(i, j + 1) + u * at(i + 1, j + 1));
    },
    grad(): Float64Array {
      throw new Error("gridObjective: a sampled surface has no gradient; it is for drawing only");
    },
  };
}
