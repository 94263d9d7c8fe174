/** Checks for rmsprop-adadelta/adadelta-step: the step against the library's `adadelta` (torch.optim.Adadelta) on random problems. */
import { adadelta } from "../../lib/optimizers/adadelta.js";
import { buffer, compareSteps, requireFunction, show, stepProblem, type CaseVariant, type CheckCase, type ExerciseCheck } from "../check.js";
import { pick } from "../variant.js";
import type * as Exercise from "./adadelta-step.js";

type Submission = typeof Exercise;
type Hyper = { lr: number; rho: number; eps: number };

export function adadeltaCase(submission: Submission, seed: number, dim: number, hyper: Hyper, steps: number, kind: "quadratic" | "gradients", scale = 1): string {
  const step = requireFunction(submission, "adadeltaStep") as Submission["adadeltaStep"];
  const problem = stepProblem(seed, dim, steps, kind, { scale, sparsity: 0.1 });
  const lr = hyper.lr, rho = hyper.rho, eps = hyper.eps;
  /** A variant of Adadelta: `uFirst` updates u with the previous Δ before computing this one, `recordScaled` records lr·Δ in u, `epsOutside` moves ε out of the roots. */
  const rule = (variant: { uFirst?: boolean; recordScaled?: boolean; epsOutside?: boolean }) => (x: Float64Array, g: Float64Array, _t: number, mem: Record<string, Float64Array>) => {
    const v = buffer(mem, "v", x.length);
    const u = buffer(mem, "u", x.length);
    const prev = buffer(mem, "prev", x.length);
    x.forEach((_, i) => {
      v[i] = rho * v[i] + (1 - rho) * g[i] ** 2;
      if (variant.uFirst) u[i] = rho * u[i] + (1 - rho) * prev[i] ** 2;
      const delta = variant.epsOutside ? ((Math.sqrt(u[i]) + eps) / (Math.sqrt(v[i]) + eps)) * g[i] : (Math.sqrt(u[i] + eps) / Math.sqrt(v[i] + eps)) * g[i];
      if (!variant.uFirst) u[i] = rho * u[i] + (1 - rho) * (variant.recordScaled ? lr * delta : delta) ** 2;
      prev[i] = delta;
      x[i] = x[i] - lr * delta;
    });
  };
  return compareSteps({
    step,
    initState: (n) => ({ t: 0, v: new Float64Array(n), u: new Float64Array(n) }),
    hyper,
    reference: adadelta(hyper),
    problem,
    steps,
    mistakes: [
      { message: "You recorded lr·Δ in u. torch (and the library) records the step before lr: u ← ρu + (1 − ρ)Δ², then x ← x − lr·Δ.", step: rule({ recordScaled: true }) },
      { message: "You put ε outside the square roots; Adadelta adds it inside both: √(u + ε)/√(v + ε).", step: rule({ epsOutside: true }) },
      { message: "Your numerator uses a u that lags one step too many: compute Δ with the current u (the average up to the previous step), then update u with this Δ².", step: rule({ uFirst: true }) },
    ],
  });
}

/** A student's variant: the problems' seed (the hidden cases add 100), lr and ρ of the random-gradients case (gradients that do not depend on x: no draw can diverge). */
export interface Params {
  seed: number;
  lr: number;
  rho: number;
}

export const variant: CaseVariant<Submission, Params> = {
  defaults: { seed: 91, lr: 0.5, rho: 0.95 },
  draw: (rng) => ({ seed: 1000 + 4 * rng.int(250_000), lr: pick(rng, [0.5, 1, 2]), rho: pick(rng, [0.8, 0.9, 0.95, 0.99]) }),
  cases: (p): CheckCase<Submission>[] => [
    { name: "matches adadelta for 30 steps on a random 3-D quadratic (defaults: lr = 1, ρ = 0.9, ε = 10⁻⁶)", run: (s) => adadeltaCase(s, p.seed, 3, { lr: 1, rho: 0.9, eps: 1e-6 }, 30, "quadratic") },
    { name: `matches on random gradients with lr = ${show(p.lr)}, ρ = ${show(p.rho)}`, run: (s) => adadeltaCase(s, p.seed + 1, 5, { lr: p.lr, rho: p.rho, eps: 1e-6 }, 15, "gradients") },
    { name: "where ε matters: small gradients, ε = 10⁻²", run: (s) => adadeltaCase(s, p.seed + 2, 4, { lr: 1, rho: 0.9, eps: 1e-2 }, 10, "gradients", 0.01) },
  ],
};

export const check: ExerciseCheck<Submission> = {
  id: "rmsprop-adadelta/adadelta-step",
  exports: ["adadeltaStep"],
  cases: variant.cases(variant.defaults),
  variant,
};
