/**
 * The arrows the arena's map can draw at a racer's position x_s (playback
 * step s): the plain gradient step and the step the racer actually took,
 * both in parameter units so they can be drawn to the map's own scale.
 *
 *   gradient step  −η ∇f̃(x_s)        (η the racer's learning rate)
 *   update         x_{s+1} − x_s      (what the optimizer did with it)
 *
 * ∇f̃ is the gradient the racer was handed for step s + 1: with gradient
 * noise it includes the noise of that step (`minimize` asks for it at
 * t = s + 1), so the arrow shows what the optimizer saw. For plain gradient
 * descent the two arrows coincide; momentum's update differs from the
 * gradient step by the velocity it carries, and the adaptive methods' by a
 * per-coordinate rescaling. The update is missing at the last kept step (there
 * is no next point). Pure: no DOM.
 */
import type { Objective } from "../types.js";

export interface StepVectors {
  /** The step shown (clamped to the kept steps). */
  readonly step: number;
  /** x_s. */
  readonly position: readonly [number, number];
  /** ∇f̃(x_s), as handed to the optimizer for step s + 1. */
  readonly gradient: readonly [number, number];
  /** −η ∇f̃(x_s). */
  readonly gradientStep: readonly [number, number];
  /** x_{s+1} − x_s, or null at the last kept step. */
  readonly update: readonly [number, number] | null;
}

export interface VectorRun {
  /** Positions, row-major (steps + 1) × 2. */
  readonly x: Float64Array;
  /** Steps kept (x has steps + 1 rows). */
  readonly steps: number;
}

/** The gradient step and the update of a 2-D run at playback step `at` (floored and clamped to [0, steps]). */
export function stepVectors(objective: Objective, run: VectorRun, lr: number, at: number): StepVectors {
  if (objective.dim !== 2) throw new RangeError(`stepVectors: the objective must be 2-D, got dim ${objective.dim}`);
  if (!(lr > 0) || !Number.isFinite(lr)) throw new RangeError(`stepVectors: lr must be a positive finite number, got ${lr}`);
  const s = Math.max(0, Math.min(run.steps, Math.floor(Number.isFinite(at) ? at : 0)));
  const x = Float64Array.of(run.x[2 * s], run.x[2 * s + 1]);
  const g = objective.grad(x, new Float64Array(2), s + 1);
  const update: [number, number] | null = s < run.steps ? [run.x[2 * s + 2] - x[0], run.x[2 * s + 3] - x[1]] : null;
  return {
    step: s,
    position: [x[0], x[1]],
    gradient: [g[0], g[1]],
    gradientStep: [-lr * g[0], -lr * g[1]],
    update,
  };
}
