/** Checks for momentum/momentum-step: the step against the library's `momentum` (torch.optim.SGD) on random problems. */
import { momentum } from "../../lib/optimizers/momentum.js";
import { buffer, compareSteps, requireFunction, show, stepProblem, type CaseVariant, type CheckCase, type ExerciseCheck } from "../check.js";
import { pick } from "../variant.js";
import type * as Exercise from "./momentum-step.js";

type Submission = typeof Exercise;

export function momentumCase(submission: Submission, seed: number, dim: number, hyper: { lr: number; momentum: number }, steps: number, kind: "quadratic" | "gradients"): string {
  const step = requireFunction(submission, "momentumStep") as Submission["momentumStep"];
  const problem = stepProblem(seed, dim, steps, kind);
  const lr = hyper.lr, mu = hyper.momentum;
  return compareSteps({
    step,
    initState: (n) => ({ t: 0, v: new Float64Array(n) }),
    hyper,
    reference: momentum({ lr, momentum: mu }),
    problem,
    steps,
    mistakes: [
      {
        message: "Your buffer is an exponentially weighted average, v ← μv + (1 − μ)g (the textbook form, the library's momentumEwa). torch sums the gradients without the (1 − μ): v ← μv + g.",
        step: (x, g, _t, mem) => { const v = buffer(mem, "v", x.length); x.forEach((_, i) => { v[i] = mu * v[i] + (1 - mu) * g[i]; x[i] -= lr * v[i]; }); },
      },
      {
        message: "Your step uses the gradient, not the buffer: x ← x − η·g is plain gradient descent. Move along v.",
        step: (x, g) => x.forEach((_, i) => (x[i] -= lr * g[i])),
      },
      {
        message: "Your step moves along the *old* buffer: update v first (v ← μv + g), then move x ← x − ηv with the new v.",
        step: (x, g, _t, mem) => { const v = buffer(mem, "v", x.length); x.forEach((_, i) => { x[i] -= lr * v[i]; v[i] = mu * v[i] + g[i]; }); },
      },
      {
        message: "Your step goes uphill: subtract η·v from x.",
        step: (x, g, _t, mem) => { const v = buffer(mem, "v", x.length); x.forEach((_, i) => { v[i] = mu * v[i] + g[i]; x[i] += lr * v[i]; }); },
      },
    ],
  });
}

/** A student's variant: the problems' seed (the hidden cases add 100), η and μ of the first case. */
export interface Params {
  seed: number;
  lr: number;
  momentum: number;
}

export const variant: CaseVariant<Submission, Params> = {
  defaults: { seed: 41, lr: 0.1, momentum: 0.9 },
  draw: (rng) => ({ seed: 1000 + 2 * rng.int(500_000), lr: pick(rng, [0.02, 0.05, 0.1]), momentum: pick(rng, [0.5, 0.8, 0.9, 0.95]) }),
  cases: (p): CheckCase<Submission>[] => [
    { name: `matches torch-style momentum for 30 steps on a random 3-D quadratic (η = ${show(p.lr)}, μ = ${show(p.momentum)})`, run: (s) => momentumCase(s, p.seed, 3, { lr: p.lr, momentum: p.momentum }, 30, "quadratic") },
    { name: "matches on random gradients (η = 0.05, μ = 0.5)", run: (s) => momentumCase(s, p.seed + 1, 5, { lr: 0.05, momentum: 0.5 }, 12, "gradients") },
  ],
};

export const check: ExerciseCheck<Submission> = {
  id: "momentum/momentum-step",
  exports: ["momentumStep"],
  cases: variant.cases(variant.defaults),
  variant,
};
