/** Checks for gradient-descent/gd-step: the step against the library's `sgd` on random problems. */
import { sgd } from "../../lib/optimizers/sgd.js";
import { compareSteps, fail, random, randomVector, requireFunction, show, showArray, stepProblem, type ExerciseCheck } from "../check.js";
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

export const check: ExerciseCheck<Submission> = {
  id: "gradient-descent/gd-step",
  exports: ["gdStep"],
  cases: [
    {
      name: "one step by hand: x = [1, 2], g = [2, 4], η = 0.1 gives [0.8, 1.6]",
      run(submission) {
        const gdStep = requireFunction(submission, "gdStep") as Submission["gdStep"];
        const x = Float64Array.of(1, 2);
        const g = Float64Array.of(2, 4);
        gdStep(x, g, 0.1);
        if (Math.abs(x[0] - 0.8) > 1e-12 || Math.abs(x[1] - 1.6) > 1e-12) {
          fail(`After one step x should be [0.8, 1.6] (x − η·g = [1 − 0.1·2, 2 − 0.1·4]), but it is ${showArray(x)}.${x[0] === 1 && x[1] === 2 ? " x did not change: update its entries in place (x[i] -= …), do not build a new array." : ""}`);
        }
        if (g[0] !== 2 || g[1] !== 4) fail(`Your step changed the gradient g to ${showArray(g)}; leave g as it is.`);
        return "x = [0.8, 1.6] after one step, and g is untouched.";
      },
    },
    { name: "matches sgd for 20 steps on a random 3-D quadratic", run: (s) => sgdCase(s, 1, 3, 0.3, 20, "quadratic") },
    { name: "matches sgd on random gradients, η = " + show(0.05), run: (s) => sgdCase(s, 2, 5, 0.05, 10, "gradients") },
    {
      name: "works in any dimension (x of length 1 and 50)",
      run(submission) {
        const gdStep = requireFunction(submission, "gdStep") as Submission["gdStep"];
        const rng = random(3);
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
