/** Checks for adam/nadam-step: the step against the library's `nadam` (torch.optim.NAdam, torch ≥ 2.0) on random problems. */
import { nadam } from "../../lib/optimizers/nadam.js";
import { buffer, compareSteps, requireFunction, show, stepProblem, type CaseVariant, type CheckCase, type ExerciseCheck } from "../check.js";
import { pick } from "../variant.js";
import type * as Exercise from "./nadam-step.js";

type Submission = typeof Exercise;
type Hyper = { lr: number; beta1: number; beta2: number; eps: number; momentumDecay: number };

export function nadamCase(submission: Submission, seed: number, dim: number, hyper: Hyper, steps: number, kind: "quadratic" | "gradients", scale = 1): string {
  const step = requireFunction(submission, "nadamStep") as Submission["nadamStep"];
  const problem = stepProblem(seed, dim, steps, kind, { scale, sparsity: 0.1 });
  const { lr, beta1: b1, beta2: b2, eps, momentumDecay: psi } = hyper;
  const muAt = (t: number) => b1 * (1 - 0.5 * 0.96 ** (t * psi));
  /** A variant: `nextProduct(Π_t, μ_t, μ_{t+1})` is the last denominator's product; `schedule` false uses β₁ for every μ. */
  const rule = (variant: { nextProduct?: (p: number, mu: number, muNext: number) => number; schedule?: boolean; vCorrected?: boolean }) => (x: Float64Array, g: Float64Array, t: number, mem: Record<string, Float64Array>) => {
    const m = buffer(mem, "m", x.length);
    const v = buffer(mem, "v", x.length);
    const prod = buffer(mem, "prod", 1, 1);
    const mu = variant.schedule === false ? b1 : muAt(t);
    const muNext = variant.schedule === false ? b1 : muAt(t + 1);
    prod[0] *= mu;
    const pNext = (variant.nextProduct ?? ((p, _mu, mn) => p * mn))(prod[0], mu, muNext);
    x.forEach((_, i) => {
      m[i] = b1 * m[i] + (1 - b1) * g[i];
      v[i] = b2 * v[i] + (1 - b2) * g[i] ** 2;
      const d = (variant.vCorrected === false ? Math.sqrt(v[i]) : Math.sqrt(v[i] / (1 - b2 ** t))) + eps;
      x[i] -= (lr * (1 - mu)) / (1 - prod[0]) * g[i] / d + (lr * muNext) / (1 - pNext) * m[i] / d;
    });
  };
  return compareSteps({
    step,
    initState: (n) => ({ t: 0, m: new Float64Array(n), v: new Float64Array(n), muProduct: 1 }),
    hyper,
    reference: nadam(hyper),
    problem,
    steps,
    nanHint: "1 − β₂ᵗ is 0 when t = 0: count the step (state.t += 1) before you use t.",
    mistakes: [
      { message: "Your last denominator uses Π_t·μ_t·μ_{t+1}: that is torch 1.x's bug. The product up to step t + 1 is Π_t·μ_{t+1}.", step: rule({ nextProduct: (p, mu, mn) => p * mu * mn }) },
      { message: "You used β₁ for every μ_t: Nadam's momentum warms up, μ_t = β₁(1 − ½·0.96^(tψ)).", step: rule({ schedule: false }) },
      { message: "You did not bias-correct v: d = √(v/(1 − β₂ᵗ)) + ε.", step: rule({ vCorrected: false }) },
    ],
  });
}

/** A student's variant: the problems' seed (the hidden cases add 100), η, β₁, β₂ and ψ of the random-gradients case (gradients that do not depend on x: no draw can diverge). */
export interface Params {
  seed: number;
  lr: number;
  beta1: number;
  beta2: number;
  momentumDecay: number;
}

export const variant: CaseVariant<Submission, Params> = {
  defaults: { seed: 101, lr: 0.01, beta1: 0.8, beta2: 0.99, momentumDecay: 0.1 },
  draw: (rng) => ({ seed: 1000 + 4 * rng.int(250_000), lr: pick(rng, [0.005, 0.01, 0.02]), beta1: pick(rng, [0.7, 0.8, 0.9]), beta2: pick(rng, [0.95, 0.99, 0.999]), momentumDecay: pick(rng, [0.004, 0.05, 0.1]) }),
  cases: (p): CheckCase<Submission>[] => [
    { name: "matches nadam for 30 steps on a random 3-D quadratic (defaults, η = 0.05)", run: (s) => nadamCase(s, p.seed, 3, { lr: 0.05, beta1: 0.9, beta2: 0.999, eps: 1e-8, momentumDecay: 4e-3 }, 30, "quadratic") },
    { name: `matches on random gradients (η = ${show(p.lr)}, β₁ = ${show(p.beta1)}, β₂ = ${show(p.beta2)}, ψ = ${show(p.momentumDecay)})`, run: (s) => nadamCase(s, p.seed + 1, 5, { lr: p.lr, beta1: p.beta1, beta2: p.beta2, eps: 1e-8, momentumDecay: p.momentumDecay }, 15, "gradients") },
    { name: "where ε matters: small gradients, ε = 10⁻³", run: (s) => nadamCase(s, p.seed + 2, 4, { lr: 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-3, momentumDecay: 4e-3 }, 10, "gradients", 1e-3) },
  ],
};

export const check: ExerciseCheck<Submission> = {
  id: "adam/nadam-step",
  exports: ["nadamStep"],
  cases: variant.cases(variant.defaults),
  variant,
};
