/** Checks for rmsprop-adadelta/rmsprop-step: the step against the library's `rmsprop` (torch.optim.RMSprop) on random problems. */
import { rmsprop } from "../../lib/optimizers/rmsprop.js";
import { buffer, compareSteps, requireFunction, show, stepProblem, type CaseVariant, type CheckCase, type ExerciseCheck } from "../check.js";
import { pick } from "../variant.js";
import type * as Exercise from "./rmsprop-step.js";

type Submission = typeof Exercise;

export function rmspropCase(submission: Submission, seed: number, dim: number, hyper: { lr: number; alpha: number; eps: number }, steps: number, kind: "quadratic" | "gradients", scale = 1): string {
  const step = requireFunction(submission, "rmspropStep") as Submission["rmspropStep"];
  const problem = stepProblem(seed, dim, steps, kind, { scale, sparsity: 0.1 });
  const lr = hyper.lr, alpha = hyper.alpha, eps = hyper.eps;
  const rule = (average: (v: number, g2: number) => number, denominator: (v: number, t: number) => number) => (x: Float64Array, g: Float64Array, t: number, mem: Record<string, Float64Array>) => {
    const v = buffer(mem, "v", x.length);
    x.forEach((_, i) => { v[i] = average(v[i], g[i] ** 2); x[i] -= lr * g[i] / denominator(v[i], t); });
  };
  return compareSteps({
    step,
    initState: (n) => ({ t: 0, v: new Float64Array(n) }),
    hyper,
    reference: rmsprop({ lr, alpha, eps }),
    problem,
    steps,
    mistakes: [
      { message: "Your average leaves out the (1 − α): v ← αv + (1 − α)g², a weighted average, not a leaky sum.", step: rule((v, g2) => alpha * v + g2, (v) => Math.sqrt(v) + eps) },
      { message: "You swapped the weights: the old average keeps α, the new g² gets 1 − α.", step: rule((v, g2) => (1 - alpha) * v + alpha * g2, (v) => Math.sqrt(v) + eps) },
      { message: "You put ε inside the square root; torch adds it outside: √v + ε.", step: rule((v, g2) => alpha * v + (1 - alpha) * g2, (v) => Math.sqrt(v + eps)) },
      { message: "You bias-corrected v (divided by 1 − αᵗ), as Adam does. torch's RMSprop has no bias correction — its first steps are large on purpose.", step: rule((v, g2) => alpha * v + (1 - alpha) * g2, (v, t) => Math.sqrt(v / (1 - alpha ** t)) + eps) },
    ],
  });
}

/** A student's variant: the problems' seed (the hidden cases add 100), η and α of the random-gradients case (gradients that do not depend on x: no draw can diverge). */
export interface Params {
  seed: number;
  lr: number;
  alpha: number;
}

export const variant: CaseVariant<Submission, Params> = {
  defaults: { seed: 71, lr: 0.05, alpha: 0.9 },
  draw: (rng) => ({ seed: 1000 + 4 * rng.int(250_000), lr: pick(rng, [0.01, 0.02, 0.05, 0.1]), alpha: pick(rng, [0.8, 0.9, 0.95, 0.99]) }),
  cases: (p): CheckCase<Submission>[] => [
    { name: "matches rmsprop for 30 steps on a random 3-D quadratic (η = 0.01, α = 0.99)", run: (s) => rmspropCase(s, p.seed, 3, { lr: 0.01, alpha: 0.99, eps: 1e-8 }, 30, "quadratic") },
    { name: `matches on random gradients (η = ${show(p.lr)}, α = ${show(p.alpha)})`, run: (s) => rmspropCase(s, p.seed + 1, 5, { lr: p.lr, alpha: p.alpha, eps: 1e-8 }, 15, "gradients") },
    { name: "where ε matters: small gradients, ε = 0.01", run: (s) => rmspropCase(s, p.seed + 2, 4, { lr: 0.01, alpha: 0.9, eps: 0.01 }, 10, "gradients", 0.01) },
  ],
};

export const check: ExerciseCheck<Submission> = {
  id: "rmsprop-adadelta/rmsprop-step",
  exports: ["rmspropStep"],
  cases: variant.cases(variant.defaults),
  variant,
};
