/**
 * The home page's sentence about plain gradient descent on the ravine
 * f = 0.1x₁² + 2x₂²: each step multiplies x₂ by 1 − 4η (the steep curvature is
 * 4), so the factor alone decides what the reader sees — sliding down the
 * steep side (0 < 1 − 4η < 1), reaching the floor in one step (= 0),
 * zig-zagging (−1 < 1 − 4η < 0), bouncing for ever (= −1) or diverging
 * (|1 − 4η| > 1; "stopped at step k" when the run's divergence check fired).
 * Tested over the home page's whole slider in test/components/ravine-verdict.test.ts.
 */
import { num } from "./format.js";

export function ravineGdVerdict(lr: number, run: { diverged: boolean; divergedAt?: number | null }): string {
  const factor = 1 - 4 * lr;
  if (run.diverged) return `At this η plain gradient descent diverges: each step multiplies x₂ by ${num(factor)}, and the run is stopped at step ${run.divergedAt}.`;
  if (Math.abs(factor) > 1 + 1e-9) return `At this η plain gradient descent diverges: each step multiplies x₂ by ${num(factor)}, so |x₂| grows by ${num(Math.abs(factor))}× a step.`;
  if (Math.abs(factor) >= 1 - 1e-9) return `At this η plain gradient descent never settles: each step multiplies x₂ by ${num(factor)}, so it bounces between the valley's walls forever.`;
  if (Math.abs(factor) < 1e-9) return "At this η plain gradient descent reaches the valley floor in one step (x₂ is multiplied by 0), then crawls along the valley.";
  if (factor < 0) return `At this η plain gradient descent zig-zags across the valley: each step multiplies x₂ by ${num(factor)}.`;
  return `At this η plain gradient descent slides down the steep side without crossing it (each step multiplies x₂ by ${num(factor)}), then crawls along the valley.`;
}
