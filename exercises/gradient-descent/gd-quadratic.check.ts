/** Checks for gradient-descent/gd-quadratic: iterates against the library's `minimize` with `sgd`. */
import { quadratic } from "../../lib/objectives/quadratic.js";
import { sgd } from "../../lib/optimizers/sgd.js";
import { minimize } from "../../lib/run.js";
import { diagnose, fail, firstMismatch, random, randomSpd, randomVector, requireArray, requireFunction, show, showArray, type CaseVariant, type CheckCase, type ExerciseCheck, type Mistake } from "../check.js";
import { pick } from "../variant.js";
import type * as Exercise from "./gd-quadratic.js";

type Submission = typeof Exercise;

/** The iterates of x ← x − η·G(x) for a gradient rule G: what a known mistake produces. */
function wrongRun(A: number[][], b: number[], x0: number[], steps: number, move: (x: number[], ax: number[]) => number[]): number[][] {
  const rows = [x0.slice()];
  while (rows.length <= steps) {
    const here = rows[rows.length - 1];
    rows.push(move(here, A.map((row) => row.reduce((s, a, j) => s + a * here[j], 0))));
  }
  return rows;
}

export function quadraticCase(submission: Submission, A: number[][], b: number[], x0: number[], lr: number, steps: number, label: string): string {
  const gradientDescent = requireFunction(submission, "gradientDescent") as Submission["gradientDescent"];
  const x0Copy = x0.slice();
  const out = gradientDescent(A.map((r) => r.slice()), b.slice(), x0, lr, steps) as unknown;
  if (x0.some((v, i) => v !== x0Copy[i])) fail("Your function modified x0; copy it first (x0.slice()).");
  const rows = requireArray(out, steps + 1, `The list of iterates (x₀ … x_${steps})`) as unknown as ArrayLike<number>[];
  const dim = x0.length;
  const traj = minimize(quadratic(A, b), sgd({ lr }), x0, { steps, divergeAbove: Infinity });
  const expected = Array.from({ length: steps + 1 }, (_, k) => traj.x.subarray(k * dim, (k + 1) * dim));
  for (let k = 0; k <= steps; k++) {
    const row = requireArray(rows[k], dim, `Iterate ${k}`);
    const i = firstMismatch(row, expected[k]);
    if (i < 0) continue;
    const mistakes: Mistake[] = [
      { message: "Your iterates go uphill: subtract η·∇f, do not add it.", values: wrongRun(A, b, x0, steps, (x, ax) => x.map((xi, j) => xi + lr * (ax[j] - b[j]))) },
      { message: "Your gradient has the wrong sign on b: ∇f(x) = Ax − b (you used Ax + b).", values: wrongRun(A, b, x0, steps, (x, ax) => x.map((xi, j) => xi - lr * (ax[j] + b[j]))) },
      { message: "Your gradient forgets b: ∇f(x) = Ax − b, not Ax.", values: wrongRun(A, b, x0, steps, (x, ax) => x.map((xi, j) => xi - lr * ax[j])) },
      { message: "Your gradient is twice too big: with the ½ in f, ∇f(x) = Ax − b (not 2Ax − b).", values: wrongRun(A, b, x0, steps, (x, ax) => x.map((xi, j) => xi - lr * (2 * ax[j] - b[j]))) },
    ];
    const hint = diagnose(Array.from(rows), mistakes, undefined, expected);
    fail(
      `On ${label} (η = ${show(lr)}), iterate ${k} differs first${dim > 1 ? ` at coordinate ${i}` : ""}: expected ${showArray(expected[k])}, got ${showArray(row)}.` +
        (k === 0 ? " The first entry must be x₀ itself." : k > 1 ? ` Iterates 0…${k - 1} matched.` : "") +
        (hint ? ` ${hint}` : "")
    );
  }
  return `All ${steps + 1} iterates match minimize(quadratic(A, b), sgd({lr: ${show(lr)}}), x0) on ${label}.`;
}

export function randomCase(submission: Submission, seed: number, n: number, lr: number, steps: number): string {
  const rng = random(seed);
  const A = randomSpd(rng, Array.from({ length: n }, (_, k) => 0.2 + (1.6 * k) / Math.max(1, n - 1)));
  const b = Array.from(randomVector(rng, n));
  const x0 = Array.from(randomVector(rng, n, 3));
  return quadraticCase(submission, A, b, x0, lr, steps, `a random ${n}-D quadratic`);
}

/** A student's variant: the ravine's η, the random problem's seed, dimension, η and step count. */
export interface Params {
  ravineLr: number;
  seed: number;
  dim: number;
  lr: number;
  steps: number;
}

export const variant: CaseVariant<Submission, Params> = {
  defaults: { ravineLr: 0.1, seed: 11, dim: 4, lr: 0.5, steps: 30 },
  draw: (rng) => ({ ravineLr: pick(rng, [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45]), seed: 1000 + rng.int(1_000_000), dim: 3 + rng.int(4), lr: pick(rng, [0.3, 0.4, 0.5, 0.6, 0.7]), steps: 20 + rng.int(21) }),
  cases: (p): CheckCase<Submission>[] => [
    { name: `the ravine 0.1x₁² + 2x₂², 5 steps with η = ${show(p.ravineLr)}`, run: (s) => quadraticCase(s, [[0.2, 0], [0, 4]], [0, 0], [-5, -2], p.ravineLr, 5, "the ravine f = 0.1x₁² + 2x₂²") },
    { name: "a 2-D quadratic with b ≠ 0", run: (s) => quadraticCase(s, [[2, 1], [1, 3]], [1, -1], [0, 0], 0.2, 10, "f = ½xᵀ[[2, 1], [1, 3]]x − [1, −1]·x") },
    { name: `a random ${p.dim}-D quadratic, ${p.steps} steps`, run: (s) => randomCase(s, p.seed, p.dim, p.lr, p.steps) },
  ],
};

export const check: ExerciseCheck<Submission> = {
  id: "gradient-descent/gd-quadratic",
  exports: ["gradientDescent"],
  cases: variant.cases(variant.defaults),
  variant,
};
