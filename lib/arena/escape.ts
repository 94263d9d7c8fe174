/**
 * Escaping the saddle f(x, y) = x² − y² (Ruder's second animation), in closed
 * form and measured.
 *
 * Gradient descent multiplies y by (1 + 2η) each step, so from y₀ ≠ 0 it
 * reaches |y| ≥ Y after ⌈ln(Y/|y₀|) / ln(1 + 2η)⌉ steps: a time that grows
 * only like the logarithm of 1/|y₀|. From y₀ = 0 exactly the gradient's y
 * component is 0 forever and no gradient method leaves the ridge — adaptive
 * ones included. Adam's first step is η·g/(|g| + ε) per coordinate (its bias
 * corrections make m̂₁ = g₁ and v̂₁ = g₁²), about η whatever |g| is, as long as
 * |g| ≫ ε: that is why it "heads down the negative slope at once".
 */
import { minimize } from "../run.js";
import { saddle } from "../objectives/saddle.js";
import { optimizerInfo, type OptimizerName } from "../optimizers/registry.js";
import { optimizerOf } from "./config.js";

/** Steps gradient descent with step η needs from y₀ to reach |y| ≥ Y on x² − y² (∞ for y₀ = 0). */
export function gdEscapeSteps(lr: number, y0: number, Y = 1): number {
  if (y0 === 0) return Infinity;
  if (Math.abs(y0) >= Y) return 0;
  return Math.ceil(Math.log(Y / Math.abs(y0)) / Math.log(1 + 2 * lr));
}

/**
 * Measured: the first step at which `name` (with `hyper`) started at (x₀, y₀)
 * has |y| ≥ Y, or null if it has not within `steps`.
 */
export function escapeSteps(name: OptimizerName, hyper: Record<string, number | boolean>, y0: number, { x0 = -1, Y = 1, steps = 2000 } = {}): number | null {
  const info = optimizerInfo(name);
  const t = minimize(saddle(), optimizerOf(info, { ...defaultsOf(name), ...hyper }), [x0, y0], { steps, divergeAbove: Infinity });
  for (let i = 0; i <= t.steps; ++i) if (Math.abs(t.x[2 * i + 1]) >= Y) return i;
  return null;
}

function defaultsOf(name: OptimizerName): Record<string, number | boolean> {
  const out: Record<string, number | boolean> = {};
  for (const spec of optimizerInfo(name).hyper) out[spec.name] = spec.default;
  return out;
}

/** Adam's first step in one coordinate with gradient g: η·g/(|g| + ε) (bias corrections cancel the β's). */
export function adamFirstStep(lr: number, g: number, eps = 1e-8): number {
  return (lr * g) / (Math.abs(g) + eps);
}
