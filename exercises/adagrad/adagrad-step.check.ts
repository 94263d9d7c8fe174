/** Checks for adagrad/adagrad-step: the step against the library's `adagrad` (torch.optim.Adagrad) on random problems. */
import { adagrad } from "../../lib/optimizers/adagrad.js";
import { buffer, compareSteps, requireFunction, show, stepProblem, type CaseVariant, type CheckCase, type ExerciseCheck } from "../check.js";
import { pick } from "../variant.js";
import type * as Exercise from "./adagrad-step.js";

type Submission = typeof Exercise;

export function adagradCase(submission: Submission, seed: number, dim: number, hyper: { lr: number; eps: number }, steps: number, kind: "quadratic" | "gradients", scale = 1): string {
  const step = requireFunction(submission, "adagradStep") as Submission["adagradStep"];
  const problem = stepProblem(seed, dim, steps, kind, { scale });
  const lr = hyper.lr, eps = hyper.eps;
  const rule = (denominator: (s: number) => number, accumulate = true) => (x: Float64Array, g: Float64Array, _t: number, mem: Record<string, Float64Array>) => {
    const s = buffer(mem, "s", x.length);
    x.forEach((_, i) => { s[i] = (accumulate ? s[i] : 0) + g[i] ** 2; x[i] -= g[i] === 0 && s[i] === 0 ? 0 : lr * g[i] / denominator(s[i]); });
  };
  return compareSteps({
    step,
    initState: (n) => ({ t: 0, s: new Float64Array(n) }),
    hyper,
    reference: adagrad({ lr, eps }),
    problem,
    steps,
    mistakes: [
      { message: "You put ε inside the square root, √(s + ε) (as D2L does). torch, and this exercise, add it outside: √s + ε.", step: rule((s) => Math.sqrt(s + eps)) },
      { message: "You divided by s + ε without the square root. Adagrad divides by √s + ε, which keeps the step invariant to rescaling the loss.", step: rule((s) => s + eps) },
      { message: "Your s does not accumulate: it holds only the current g². Adagrad sums every squared gradient so far: s ← s + g².", step: rule((s) => Math.sqrt(s) + eps, false) },
      { message: "You left out ε: divide by √s + ε (it matters when a coordinate's gradients are tiny or zero).", step: rule((s) => Math.sqrt(s)) },
    ],
  });
}

/** A student's variant: the problems' seed (the hidden cases add 100) and η of the sparse-gradients case (gradients that do not depend on x: no draw can diverge). */
export interface Params {
  seed: number;
  lr: number;
}

export const variant: CaseVariant<Submission, Params> = {
  defaults: { seed: 61, lr: 0.1 },
  draw: (rng) => ({ seed: 1000 + 4 * rng.int(250_000), lr: pick(rng, [0.05, 0.1, 0.2, 0.5]) }),
  cases: (p): CheckCase<Submission>[] => [
    { name: "matches adagrad for 30 steps on a random 3-D quadratic (η = 0.5, ε = 10⁻¹⁰)", run: (s) => adagradCase(s, p.seed, 3, { lr: 0.5, eps: 1e-10 }, 30, "quadratic") },
    { name: `matches on sparse random gradients (η = ${show(p.lr)}, ε = 10⁻¹⁰)`, run: (s) => adagradCase(s, p.seed + 1, 6, { lr: p.lr, eps: 1e-10 }, 15, "gradients") },
    { name: "where ε matters: tiny gradients, ε = 0.01", run: (s) => adagradCase(s, p.seed + 2, 4, { lr: 0.1, eps: 0.01 }, 10, "gradients", 0.01) },
  ],
};

export const check: ExerciseCheck<Submission> = {
  id: "adagrad/adagrad-step",
  exports: ["adagradStep"],
  cases: variant.cases(variant.defaults),
  variant,
};
