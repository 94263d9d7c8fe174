/**
 * What charts draw: a labelled optimizer run (a `Trajectory` from lib's
 * `minimize`), and helpers to turn runs into the flat rows Observable Plot
 * takes. Shared by ContourMap, LossChart and the 1-D charts.
 */
import type { Trajectory } from "../../lib/run.js";

export interface Path {
  /** The legend entry, e.g. "momentum, β = 0.5". */
  label: string;
  trajectory: Trajectory;
}

/** The legend label of a run, with "diverged at step k" appended when it diverged. */
export function pathLabel({ label, trajectory }: Path): string {
  return trajectory.diverged ? `${label} — diverged at step ${trajectory.divergedAt}` : label;
}

export interface PointRow {
  label: string;
  step: number;
  x: number;
  y: number;
  loss: number;
}

/** One row per position of each 2-D run (x = first coordinate, y = second). */
export function pointRows(paths: readonly Path[]): PointRow[] {
  const rows: PointRow[] = [];
  for (const path of paths) {
    const { trajectory: t } = path;
    const label = pathLabel(path);
    for (let i = 0; i <= t.steps; ++i) {
      rows.push({ label, step: i, x: t.x[i * t.dim], y: t.dim > 1 ? t.x[i * t.dim + 1] : NaN, loss: t.loss[i] });
    }
  }
  return rows;
}

export interface LossRow {
  label: string;
  step: number;
  loss: number;
  gradNorm: number;
}

/** One row per step of each run: loss and gradient norm. */
export function lossRows(paths: readonly Path[]): LossRow[] {
  const rows: LossRow[] = [];
  for (const path of paths) {
    const { trajectory: t } = path;
    const label = pathLabel(path);
    for (let i = 0; i <= t.steps; ++i) rows.push({ label, step: i, loss: t.loss[i], gradNorm: t.gradNorm[i] });
  }
  return rows;
}
