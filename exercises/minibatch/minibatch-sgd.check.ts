/**
 * Checks for minibatch/minibatch-sgd: the minibatch gradient against the
 * library's `linearRegression(d).grad`, and one epoch against the library's
 * loop (the same batches, the same order), on seeded random data.
 */
import { denseDataset, type DenseDataset } from "../../lib/datasets.js";
import { linearRegression } from "../../lib/models/linear-regression.js";
import { random } from "../../lib/random.js";
import { close, describe, fail, firstMismatch, requireFunction, show, showArray, type CaseVariant, type CheckCase, type ExerciseCheck } from "../check.js";
import { pick } from "../variant.js";
import type * as Exercise from "./minibatch-sgd.js";

type Submission = typeof Exercise;

/** A seeded least-squares problem: n examples, d inputs, targets from a random linear model plus noise. */
export function problem(seed: number, n: number, d: number): { data: DenseDataset; params: Float64Array } {
  const rng = random(seed);
  const X = Float64Array.from({ length: n * d }, () => rng.normal());
  const w = Float64Array.from({ length: d }, () => rng.normal());
  const y = Float64Array.from({ length: n }, (_, i) => {
    let s = 0.5;
    for (let j = 0; j < d; j++) s += X[i * d + j] * w[j];
    return s + 0.3 * rng.normal();
  });
  return { data: denseDataset(X, y, d), params: Float64Array.from({ length: d + 1 }, () => 0.5 * rng.normal()) };
}

/** The library's mean gradient over `batch`. */
function referenceGradient(data: DenseDataset, params: Float64Array, batch: ArrayLike<number>): Float64Array {
  const out = new Float64Array(data.d + 1);
  linearRegression(data.d).grad(params, data, batch, out, 0, batch.length);
  return out;
}

function gradientOf(submission: Submission, data: DenseDataset, params: Float64Array, batch: number[]): ArrayLike<number> {
  const f = requireFunction(submission, "minibatchGradient") as Submission["minibatchGradient"];
  const before = params.slice();
  const got = f(data.X, data.y, data.d, params, batch) as unknown;
  if (firstMismatch(params, before, { rtol: 0, atol: 0 }) >= 0) fail("minibatchGradient changed params; it should only read them and return a new array.");
  if (!got || typeof (got as ArrayLike<number>).length !== "number") fail(`minibatchGradient should return an array of d + 1 = ${data.d + 1} numbers, but it returned ${describe(got)}.`);
  const g = got as ArrayLike<number>;
  if (g.length !== data.d + 1) fail(`minibatchGradient returned ${g.length} numbers; it should return d + 1 = ${data.d + 1} (the d weights' entries, then the bias's).`);
  return g;
}

export function gradientCase(submission: Submission, seed: number, n: number, d: number, batch: number[]): string {
  const { data, params } = problem(seed, n, d);
  const got = gradientOf(submission, data, params, batch);
  const want = referenceGradient(data, params, batch);
  const j = firstMismatch(got, want, { rtol: 1e-10, atol: 1e-12 });
  if (j < 0) return `Equal to the library's gradient on a batch of ${batch.length} of ${n} examples with d = ${d}: ${showArray(want)}.`;
  const B = batch.length;
  const scaled = Array.from(want, (v) => v * B);
  const hint = firstMismatch(got, scaled, { rtol: 1e-10, atol: 1e-12 }) < 0
    ? ` Your gradient is |B| = ${B} times too large: divide the sum by the batch size (the mean, not the sum).`
    : firstMismatch(got, Array.from(want, (v) => -v), { rtol: 1e-10, atol: 1e-12 }) < 0
      ? " Your gradient has the wrong sign: the residual is rᵢ = xᵢᵀw + b − yᵢ (prediction minus target)."
      : j === d && firstMismatch(Array.from(got).slice(0, d), want.slice(0, d), { rtol: 1e-10, atol: 1e-12 }) < 0
        ? " Only the last entry differs: it is the bias's, the mean of the residuals rᵢ."
        : firstMismatch(Array.from(got).slice(0, d), want.slice(0, d), { rtol: 1e-10, atol: 1e-12 }) >= 0 && close(got[d], want[d], { rtol: 1e-10, atol: 1e-12 })
          ? " The bias entry is right but the weights' are not: the weight j's entry is the mean of rᵢ·xᵢⱼ, with xᵢⱼ = X[i·d + j]."
          : "";
  fail(`On a batch of ${B} examples (d = ${d}): entry ${j} should be ${show(want[j])}, yours is ${show(got[j])}. Expected ${showArray(want)}, got ${showArray(got)}.${hint}`);
}

export function epochCase(submission: Submission, seed: number, n: number, d: number, lr: number, batchSize: number, order: number[]): string {
  const { data, params } = problem(seed, n, d);
  const f = requireFunction(submission, "sgdEpoch") as Submission["sgdEpoch"];
  const mine = params.slice();
  const steps = f(data.X, data.y, data.d, mine, lr, batchSize, order) as unknown;
  // The reference: the library's gradient over the same consecutive batches.
  const ref = params.slice();
  const refGrad = new Float64Array(data.d + 1);
  const model = linearRegression(d);
  let want = 0;
  for (let start = 0; start < order.length; start += batchSize) {
    model.grad(ref, data, order, refGrad, start, Math.min(start + batchSize, order.length));
    for (let k = 0; k <= d; k++) ref[k] -= lr * refGrad[k];
    want++;
  }
  if (steps !== want) {
    const full = Math.floor(order.length / batchSize);
    fail(`With ${order.length} indices in batches of ${batchSize}, one epoch takes ${want} steps; sgdEpoch returned ${describe(steps)}.${steps === full && full !== want ? " The last, smaller batch counts too: do not drop it." : ""}`);
  }
  const j = firstMismatch(mine, ref, { rtol: 1e-9, atol: 1e-12 });
  if (j >= 0) {
    // Known mistakes: one gradient for the whole epoch; a sum instead of a mean.
    const once = params.slice();
    const full = referenceGradient(data, params, order);
    for (let k = 0; k <= d; k++) once[k] -= lr * want * full[k];
    const hint = firstMismatch(mine, once, { rtol: 1e-9, atol: 1e-12 }) < 0
      ? " Your parameters moved as if every step used the gradient at the epoch's starting point: recompute the gradient at the current parameters for each batch."
      : firstMismatch(mine, params, { rtol: 0, atol: 0 }) < 0
        ? " The parameters did not change: update params in place."
        : "";
    fail(`After one epoch (${want} steps of batch ${batchSize}, η = ${show(lr)}), params[${j}] should be ${show(ref[j])}, yours is ${show(mine[j])}. Expected ${showArray(ref)}, got ${showArray(mine)}.${hint}`);
  }
  return `One epoch of ${want} steps matches the library's loop: params ${showArray(ref)}.`;
}

/**
 * A student's variant: the problems' seed (the cases use seed … seed + 3, the
 * hidden ones seed + 10 …), the batch of 4 of 12 examples, the one example, the
 * shuffled order of 20 and the first epoch's η. The inputs are standard normal,
 * so the loss's Hessian is about the identity and every drawn η ≤ 0.2 is far
 * below the divergence limit of about 2.
 */
export interface Params {
  seed: number;
  batch: number[];
  one: number;
  order: number[];
  lr: number;
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

export const variant: CaseVariant<Submission, Params> = {
  defaults: { seed: 1, batch: [7, 2, 11, 4], one: 5, order: [13, 2, 17, 8, 0, 19, 5, 11, 3, 16, 9, 1, 14, 6, 18, 4, 12, 7, 15, 10], lr: 0.1 },
  draw: (rng) => ({
    seed: 1000 + 20 * rng.int(50_000),
    batch: rng.shuffle(range(12)).slice(0, 4),
    one: rng.int(8),
    order: rng.shuffle(range(20)),
    lr: pick(rng, [0.05, 0.1, 0.2]),
  }),
  cases: (p): CheckCase<Submission>[] => [
    { name: "minibatchGradient: a batch of 4 of 12 examples, d = 3", run: (s) => gradientCase(s, p.seed, 12, 3, p.batch.slice()) },
    { name: "minibatchGradient: a batch of one example", run: (s) => gradientCase(s, p.seed + 1, 8, 2, [p.one]) },
    { name: "sgdEpoch: 20 examples in batches of 5, shuffled", run: (s) => epochCase(s, p.seed + 2, 20, 3, p.lr, 5, p.order.slice()) },
    { name: "sgdEpoch: 10 examples in batches of 4 (the last batch has 2)", run: (s) => epochCase(s, p.seed + 3, 10, 2, 0.05, 4, [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]) },
  ],
};

export const check: ExerciseCheck<Submission> = {
  id: "minibatch/minibatch-sgd",
  exports: ["minibatchGradient", "sgdEpoch"],
  cases: variant.cases(variant.defaults),
  variant,
};
