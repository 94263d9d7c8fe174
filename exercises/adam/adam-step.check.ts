/** Checks for adam/adam-step: the step against the library's `adam` (torch.optim.Adam) on random problems. */
import { adam } from "../../lib/optimizers/adam.js";
import { buffer, compareSteps, requireFunction, stepProblem, type ExerciseCheck, show, type CaseVariant, type CheckCase } from "../check.js";
import { pick } from "../variant.js";
import type * as Exercise from "./adam-step.js";

type Submission = typeof Exercise;

type Hyper = { lr: number; beta1: number; beta2: number; eps: number };

export function adamCase(submission: Submission, seed: number, dim: number, hyper: Hyper, steps: number, kind: "quadratic" | "gradients", scale = 1): string {
  const step = requireFunction(submission, "adamStep") as Submission["adamStep"];
  const problem = stepProblem(seed, dim, steps, kind, { scale, sparsity: 0.1 });
  const { lr, beta1: b1, beta2: b2, eps } = hyper;
  /** A variant of Adam: `update` turns (m, v, t) into the step's size along one coordinate. */
  const rule = (update: (m: number, v: number, t: number) => number) => (x: Float64Array, g: Float64Array, t: number, mem: Record<string, Float64Array>) => {
    const m = buffer(mem, "m", x.length);
    const v = buffer(mem, "v", x.length);
    x.forEach((_, i) => { m[i] = b1 * m[i] + (1 - b1) * g[i]; v[i] = b2 * v[i] + (1 - b2) * g[i] ** 2; x[i] -= update(m[i], v[i], t); });
  };
  return compareSteps({
    step,
    initState: (n) => ({ t: 0, m: new Float64Array(n), v: new Float64Array(n) }),
    hyper,
    reference: adam(hyper),
    problem,
    steps,
    nanHint: "A bias correction 1 − βᵗ is 0 when t = 0: count the step (state.t += 1) before you use t.",
    mistakes: [
      { message: "Your step has no bias correction: divide m by 1 − β₁ᵗ and v by 1 − β₂ᵗ before the step (with t = 1 at the first step).", step: rule((m, v) => lr * m / (Math.sqrt(v) + eps)) },
      { message: "You corrected m but not v: v̂ = v/(1 − β₂ᵗ) too.", step: rule((m, v, t) => lr * (m / (1 - b1 ** t)) / (Math.sqrt(v) + eps)) },
      { message: "You corrected v but not m: m̂ = m/(1 − β₁ᵗ) too.", step: rule((m, v, t) => lr * m / (Math.sqrt(v / (1 - b2 ** t)) + eps)) },
      { message: "You put ε inside the square root, √(v̂ + ε); Adam adds it outside: √v̂ + ε.", step: rule((m, v, t) => lr * (m / (1 - b1 ** t)) / Math.sqrt(v / (1 - b2 ** t) + eps)) },
      { message: "You added ε to √v before the correction (TensorFlow/Keras's ε̂ form). Here, as in the paper's Algorithm 1 and torch, ε is added to √v̂.", step: rule((m, v, t) => (lr * Math.sqrt(1 - b2 ** t) / (1 - b1 ** t)) * m / (Math.sqrt(v) + eps)) },
    ],
  });
}

/** A student's variant: the problems' seed (the hidden cases add 100), and η, β₁, β₂ of the second case. */
export interface Params {
  seed: number;
  lr: number;
  beta1: number;
  beta2: number;
}

export const variant: CaseVariant<Submission, Params> = {
  defaults: { seed: 81, lr: 0.01, beta1: 0.8, beta2: 0.99 },
  draw: (rng) => ({ seed: 1000 + 4 * rng.int(250_000), lr: pick(rng, [0.005, 0.01, 0.02]), beta1: pick(rng, [0.5, 0.7, 0.8, 0.85]), beta2: pick(rng, [0.9, 0.95, 0.99]) }),
  cases: (p): CheckCase<Submission>[] => [
    { name: "matches adam for 30 steps on a random 3-D quadratic (defaults, η = 0.1)", run: (s) => adamCase(s, p.seed, 3, { lr: 0.1, beta1: 0.9, beta2: 0.999, eps: 1e-8 }, 30, "quadratic") },
    { name: `matches on random gradients (η = ${show(p.lr)}, β₁ = ${show(p.beta1)}, β₂ = ${show(p.beta2)})`, run: (s) => adamCase(s, p.seed + 1, 5, { lr: p.lr, beta1: p.beta1, beta2: p.beta2, eps: 1e-8 }, 15, "gradients") },
    { name: "where ε matters: small gradients, ε = 10⁻³", run: (s) => adamCase(s, p.seed + 2, 4, { lr: 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-3 }, 10, "gradients", 1e-3) },
  ],
};

export const check: ExerciseCheck<Submission> = {
  id: "adam/adam-step",
  exports: ["adamStep"],
  cases: variant.cases(variant.defaults),
  variant,
};
