/** Checks for gradient-descent/gd-step: the step against the library's `sgd` on random problems. */
import { sgd } from "../../lib/optimizers/sgd.js";
import { compareSteps, fail, random, randomVector, requireFunction, show, showArray, stepProblem, type CaseVariant, type CheckCase, type ExerciseCheck } from "../check.js";
import { pick } from "../variant.js";
import type * as Exercise from "./gd-step.js";

type Submission = typeof Exercise;

/** Runs the student's gdStep as a step rule (it has no state of its own). */
export function sgdCase(submission: Submission, seed: number, dim: number, lr: number, steps: number, kind: "quadratic" | "gradients"): string {
  const gdStep = requireFunction(submission, "gdStep") as Submission["gdStep"];
  const problem = stepProblem(seed, dim, steps, kind);
  return compareSteps({
    step: (x, g, state: { t: number }, hyper: { lr: number }) => {
      state.t += 1;
      gdStep(x, g, hyper.lr);
    },
    initState: () => ({ t: 0 }),
    hyper: { lr },
    reference: sgd({ lr }),
    problem,
    steps,
    mistakes: [
      { message: "Your step goes uphill: it adds η·g. Gradient descent subtracts it (x − η·g).", step: (x, g) => x.forEach((_, i) => (x[i] += lr * g[i])) },
      { message: "Your step ignores the learning rate: it moves by g, not η·g.", step: (x, g) => x.forEach((_, i) => (x[i] -= g[i])) },
      { message: "Your step divides by η instead of multiplying.", step: (x, g) => x.forEach((_, i) => (x[i] -= g[i] / lr)) },
    ],
  });
}

/**
 * A student's variant: the step by hand (x and g small integers, η a round
 * number), the random problems' seed (the hidden cases add 100) and η of the
 * random-gradients case (gradients that do not depend on x: no draw can
 * diverge). The quadratic case keeps η = 0.3: its eigenvalues lie in [0.1, 2]
 * (exercises/check.ts randomQuadratic), so ηλ ≤ 0.6 < 2 for every seed.
 */
export interface Params {
  x: [number, number];
  g: [number, number];
  handLr: number;
  seed: number;
  lr: number;
}

/** One step by hand: x − η·g, checked to 1e-12. */
function handCase(submission: Submission, p: Params): string {
  const gdStep = requireFunction(submission, "gdStep") as Submission["gdStep"];
  const x = Float64Array.from(p.x);
  const g = Float64Array.from(p.g);
  const want = p.x.map((xi, i) => xi - p.handLr * p.g[i]);
  gdStep(x, g, p.handLr);
  if (Math.abs(x[0] - want[0]) > 1e-12 || Math.abs(x[1] - want[1]) > 1e-12) {
    fail(`After one step x should be ${showArray(want)} (x − η·g = [${p.x[0]} − ${show(p.handLr)}·${p.g[0]}, ${p.x[1]} − ${show(p.handLr)}·${p.g[1]}]), but it is ${showArray(x)}.${x[0] === p.x[0] && x[1] === p.x[1] ? " x did not change: update its entries in place (x[i] -= …), do not build a new array." : ""}`);
  }
  if (g[0] !== p.g[0] || g[1] !== p.g[1]) fail(`Your step changed the gradient g to ${showArray(g)}; leave g as it is.`);
  return `x = ${showArray(want)} after one step, and g is untouched.`;
}

export const variant: CaseVariant<Submission, Params> = {
  defaults: { x: [1, 2], g: [2, 4], handLr: 0.1, seed: 1, lr: 0.05 },
  draw: (rng) => ({
    x: [1 + rng.int(9), 1 + rng.int(9)],
    g: [1 + rng.int(9), 1 + rng.int(9)],
    handLr: pick(rng, [0.1, 0.2, 0.5]),
    seed: 1000 + 4 * rng.int(250_000),
    lr: pick(rng, [0.01, 0.05, 0.1, 0.5]),
  }),
  cases: (p): CheckCase<Submission>[] => [
    {
      name: `one step by hand: x = [${p.x.join(", ")}], g = [${p.g.join(", ")}], η = ${show(p.handLr)} gives ${showArray(p.x.map((xi, i) => xi - p.handLr * p.g[i]))}`,
      run: (s) => handCase(s, p),
    },
    { name: "matches sgd for 20 steps on a random 3-D quadratic", run: (s) => sgdCase(s, p.seed, 3, 0.3, 20, "quadratic") },
    { name: "matches sgd on random gradients, η = " + show(p.lr), run: (s) => sgdCase(s, p.seed + 1, 5, p.lr, 10, "gradients") },
    {
      name: "works in any dimension (x of length 1 and 50)",
      run(submission) {
        const gdStep = requireFunction(submission, "gdStep") as Submission["gdStep"];
        const rng = random(p.seed + 2);
        for (const n of [1, 50]) {
          const x = randomVector(rng, n);
          const g = randomVector(rng, n);
          const want = x.map((xi, i) => xi - 0.2 * g[i]);
          gdStep(x, g, 0.2);
          const i = x.findIndex((xi, k) => Math.abs(xi - want[k]) > 1e-12);
          if (i >= 0) fail(`With ${n} coordinates, x[${i}] should be ${show(want[i])} after the step but is ${show(x[i])}.${i > 0 ? " Loop over every coordinate (i < x.length)." : ""}`);
        }
        return "Correct in 1 and 50 dimensions.";
      },
    },
  ],
};

export const check: ExerciseCheck<Submission> = {
  id: "gradient-descent/gd-step",
  exports: ["gdStep"],
  cases: variant.cases(variant.defaults),
  variant,
};
