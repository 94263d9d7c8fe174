/**
 * The arena's background: a 2-D loss surface as shaded contour bands and
 * contour lines, computed once per surface (a 160 × 160 grid, d3-contour) and
 * kept as SVG path strings in grid coordinates. Drawing it at any size is one
 * affine transform, so resizing the map or redrawing trajectories never
 * recomputes a contour.
 */
import { contours } from "d3";
import { geoPath } from "d3";
import type { Objective } from "../../lib/types.js";
import { contourLevels, surfaceGrid, type SurfaceGrid } from "../surface-grid.js";

export interface SurfaceLayer {
  readonly grid: SurfaceGrid;
  /** The box the map shows (the objective's domain); the grid reaches 4% past it. */
  readonly box: { readonly x: readonly [number, number]; readonly y: readonly [number, number] };
  readonly levels: readonly number[];
  /** Path data in grid coordinates ([0, nx] × [0, ny]), one per level: the region f ≥ level. */
  readonly bands: readonly string[];
}

const cache = new Map<string, SurfaceLayer>();

export const SURFACE_LEVELS = 22;

/** The contour bands of `objective` over its domain (cached by name). */
export function surfaceLayer(objective: Objective): SurfaceLayer {
  const cached = cache.get(objective.name);
  if (cached) return cached;
  const x = objective.domain[0], y = objective.domain[1];
  const padX = 0.04 * (x[1] - x[0]), padY = 0.04 * (y[1] - y[0]);
  const grid = surfaceGrid(objective, [x[0] - padX, x[1] + padX], [y[0] - padY, y[1] + padY], 160, 160);
  const levels = contourLevels(grid, SURFACE_LEVELS, "auto");
  const path = geoPath();
  const bands = contours().size([grid.nx, grid.ny]).thresholds(levels)(Array.from(grid.values)).map((c) => path(c) ?? "");
  const layer = { grid, box: { x, y }, levels, bands };
  cache.set(objective.name, layer);
  return layer;
}

/**
 * The SVG transform that maps the layer's grid coordinates to pixels of a map
 * `width × height` showing `layer.box` (y up).
 */
export function layerTransform(layer: SurfaceLayer, width: number, height: number): string {
  const [a, , , d, e, f] = layerMatrix(layer, width, height);
  return `translate(${e},${f}) scale(${a},${d})`;
}

/** The same map as an affine matrix [a, b, c, d, e, f] (for a canvas or DOMMatrix). */
export function layerMatrix(layer: SurfaceLayer, width: number, height: number): [number, number, number, number, number, number] {
  const { grid, box } = layer;
  const sx = (grid.x[1] - grid.x[0]) / grid.nx, sy = (grid.y[1] - grid.y[0]) / grid.ny;
  const kx = width / (box.x[1] - box.x[0]), ky = height / (box.y[1] - box.y[0]);
  const tx = (grid.x[0] - box.x[0]) * kx;
  const ty = height - (grid.y[0] - box.y[0]) * ky;
  return [sx * kx, 0, 0, -sy * ky, tx, ty];
}
