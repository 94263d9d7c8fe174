/** Checks for nesterov/nesterov-step: the step against the library's `nesterov` (torch's nesterov=True) on random problems. */
import { nesterov } from "../../lib/optimizers/nesterov.js";
import { buffer, compareSteps, requireFunction, show, stepProblem, type CaseVariant, type CheckCase, type ExerciseCheck } from "../check.js";
import { pick } from "../variant.js";
import type * as Exercise from "./nesterov-step.js";

type Submission = typeof Exercise;

export function nesterovCase(submission: Submission, seed: number, dim: number, hyper: { lr: number; momentum: number }, steps: number, kind: "quadratic" | "gradients"): string {
  const step = requireFunction(submission, "nesterovStep") as Submission["nesterovStep"];
  const problem = stepProblem(seed, dim, steps, kind);
  const lr = hyper.lr, mu = hyper.momentum;
  return compareSteps({
    step,
    initState: (n) => ({ t: 0, v: new Float64Array(n) }),
    hyper,
    reference: nesterov({ lr, momentum: mu }),
    problem,
    steps,
    mistakes: [
      {
        message: "This is heavy-ball momentum (x ← x − ηv). Nesterov steps along g + μv: the gradient, plus the new buffer once more.",
        step: (x, g, _t, mem) => { const v = buffer(mem, "v", x.length); x.forEach((_, i) => { v[i] = mu * v[i] + g[i]; x[i] -= lr * v[i]; }); },
      },
      {
        message: "You used the buffer from *before* this step in g + μv: update v ← μv + g first, then step along g + μ·(new v).",
        step: (x, g, _t, mem) => { const v = buffer(mem, "v", x.length); x.forEach((_, i) => { x[i] -= lr * (g[i] + mu * v[i]); v[i] = mu * v[i] + g[i]; }); },
      },
      {
        message: "You stepped along v + μg; the step is g + μv (the gradient, plus μ times the updated buffer).",
        step: (x, g, _t, mem) => { const v = buffer(mem, "v", x.length); x.forEach((_, i) => { v[i] = mu * v[i] + g[i]; x[i] -= lr * (v[i] + mu * g[i]); }); },
      },
    ],
  });
}

/**
 * A student's variant: the problems' seed (the hidden cases add 100), η and μ
 * of the first case. Every draw is stable on the quadratic (eigenvalues in
 * [0.1, 2], exercises/check.ts randomQuadratic): Nesterov's heavy-ball form is
 * stable for ηλ < 2(1 + μ)/(1 + 2μ), at least 4/3 for μ ≤ 1, and ηλ ≤ 0.4 here.
 */
export interface Params {
  seed: number;
  lr: number;
  momentum: number;
}

export const variant: CaseVariant<Submission, Params> = {
  defaults: { seed: 51, lr: 0.1, momentum: 0.9 },
  draw: (rng) => ({ seed: 1000 + 2 * rng.int(500_000), lr: pick(rng, [0.05, 0.1, 0.2]), momentum: pick(rng, [0.5, 0.8, 0.9, 0.95]) }),
  cases: (p): CheckCase<Submission>[] => [
    { name: `matches torch's Nesterov for 30 steps on a random 3-D quadratic (η = ${show(p.lr)}, μ = ${show(p.momentum)})`, run: (s) => nesterovCase(s, p.seed, 3, { lr: p.lr, momentum: p.momentum }, 30, "quadratic") },
    { name: "matches on random gradients (η = 0.05, μ = 0.6)", run: (s) => nesterovCase(s, p.seed + 1, 4, { lr: 0.05, momentum: 0.6 }, 12, "gradients") },
  ],
};

export const check: ExerciseCheck<Submission> = {
  id: "nesterov/nesterov-step",
  exports: ["nesterovStep"],
  cases: variant.cases(variant.defaults),
  variant,
};
