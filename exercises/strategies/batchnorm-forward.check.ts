/**
 * Checks for strategies/batchnorm-forward: training-mode outputs and the
 * running-average updates, then evaluation-mode outputs, against the
 * library's batchNormLayerTrain/Eval (lib/models/batchnorm-layer.ts), tested against
 * torch.nn.BatchNorm1d (test/fixtures/torch-batchnorm-layer.json, in
 * test/models/batchnorm-layer.torch.test.ts) and against the running
 * averages of the library's `mlpBatchNorm`.
 */
import { batchNormLayerEval as referenceEval, batchNormLayerTrain as referenceTrain } from "../../lib/models/batchnorm-layer.js";
import { random } from "../../lib/random.js";
import { close, describe, fail, firstMismatch, requireFunction, show, showArray, type CaseVariant, type CheckCase, type ExerciseCheck } from "../check.js";
import type * as Exercise from "./batchnorm-forward.js";

type Submission = typeof Exercise;

/** A RangeError, also one thrown in the sandbox's realm (where `instanceof` does not hold). */
function isRangeError(error: unknown): error is Error {
  return typeof error === "object" && error !== null && (error as Error).name === "RangeError";
}

export { referenceEval, referenceTrain };

/** A seeded layer: γ, β and `batches` batches of the given sizes (pre-activations of mean ≈ 1, spread ≈ 2). */
export function layerProblem(seed: number, units: number, sizes: number[]): { gamma: Float64Array; beta: Float64Array; batches: Float64Array[] } {
  const rng = random(seed);
  const gamma = Float64Array.from({ length: units }, () => 1 + 0.5 * rng.normal());
  const beta = Float64Array.from({ length: units }, () => 0.3 * rng.normal());
  const batches = sizes.map((m) => Float64Array.from({ length: m * units }, () => 1 + 2 * rng.normal()));
  return { gamma, beta, batches };
}

function asArray(got: unknown, length: number, what: string): ArrayLike<number> {
  if (!got || typeof (got as ArrayLike<number>).length !== "number") fail(`${what} should return a new array of m·units = ${length} numbers, but it returned ${describe(got)}.`);
  if ((got as ArrayLike<number>).length !== length) fail(`${what} returned ${(got as ArrayLike<number>).length} numbers; it should return m·units = ${length}.`);
  return got as ArrayLike<number>;
}

/** Trains on every batch in turn (checking y and both running averages after each), then evaluates the last batch in eval mode. */
export function layerCase(submission: Submission, seed: number, units: number, sizes: number[], momentum = 0.1, eps = 1e-5): string {
  const train = requireFunction(submission, "batchNormTrain") as Submission["batchNormTrain"];
  const evaluate = requireFunction(submission, "batchNormEval") as Submission["batchNormEval"];
  const { gamma, beta, batches } = layerProblem(seed, units, sizes);
  const mean = new Float64Array(units);
  const variance = new Float64Array(units).fill(1);
  const refMean = mean.slice();
  const refVar = variance.slice();
  const tol = { rtol: 1e-10, atol: 1e-12 };
  for (let k = 0; k < batches.length; k++) {
    const z = batches[k];
    const m = sizes[k];
    const zBefore = z.slice();
    const meanBefore = refMean.slice();
    const varBefore = refVar.slice();
    const y = asArray(train(z, m, units, gamma, beta, mean, variance, momentum, eps), m * units, "batchNormTrain");
    if (firstMismatch(z, zBefore, { rtol: 0, atol: 0 }) >= 0) fail("batchNormTrain changed z; it should return a new array.");
    const want = referenceTrain(z, m, units, gamma, beta, refMean, refVar, momentum, eps);
    const where = `Training batch ${k + 1} (m = ${m}, ${units} units)`;
    const j = firstMismatch(y, want, tol);
    if (j >= 0) {
      // Known mistakes: the unbiased variance inside the normalization; γ, β forgotten; normalizing over the units instead of the batch.
      const unbiased = referenceEval(z, m, units, gamma, beta, Array.from({ length: units }, (_, o) => { let s = 0; for (let i = 0; i < m; i++) s += z[i * units + o]; return s / m; }), Array.from({ length: units }, (_, o) => { let s = 0, mu = 0; for (let i = 0; i < m; i++) mu += z[i * units + o]; mu /= m; for (let i = 0; i < m; i++) s += (z[i * units + o] - mu) ** 2; return s / (m - 1); }), eps);
      const hint = firstMismatch(y, unbiased, tol) < 0
        ? " You normalized with the unbiased variance (÷ (m − 1)); the normalization uses the biased one (÷ m) — only the running average uses m/(m − 1)."
        : firstMismatch(y, Array.from(want, (v, i) => (v - beta[i % units]) / gamma[i % units]), tol) < 0
          ? " Your output is ẑ: scale by γ and shift by β."
          : " Statistics are per unit o over the m examples: z[i·units + o] for i = 0 … m − 1.";
      fail(`${where}: y[${j}] should be ${show(want[j])}, yours is ${show(y[j])}. Expected ${showArray(want)}, got ${showArray(y)}.${hint}`);
    }
    const jm = firstMismatch(mean, refMean, tol);
    if (jm >= 0) fail(`${where}: the running mean μ̄[${jm}] should be ${show(refMean[jm])} after this batch, yours is ${show(mean[jm])} (it was ${show(meanBefore[jm])}). Update it in place: μ̄ ← (1 − ρ)μ̄ + ρμ with ρ = ${show(momentum)}.`);
    const jv = firstMismatch(variance, refVar, tol);
    if (jv >= 0) {
      const biasedVar = (1 - momentum) * varBefore[jv] + momentum * ((refVar[jv] - (1 - momentum) * varBefore[jv]) / momentum) * (m - 1) / m;
      const hint = close(variance[jv], biasedVar, tol) ? ` You averaged the biased variance; torch averages the unbiased one, m/(m − 1)·σ² (here ×${show(m / (m - 1))}).` : "";
      fail(`${where}: the running variance σ̄²[${jv}] should be ${show(refVar[jv])} after this batch, yours is ${show(variance[jv])} (it was ${show(varBefore[jv])}).${hint}`);
    }
  }
  const last = batches[batches.length - 1];
  const m = sizes[sizes.length - 1];
  const meanBefore = mean.slice();
  const varBefore = variance.slice();
  const y = asArray(evaluate(last, m, units, gamma, beta, mean, variance, eps), m * units, "batchNormEval");
  if (firstMismatch(mean, meanBefore, { rtol: 0, atol: 0 }) >= 0 || firstMismatch(variance, varBefore, { rtol: 0, atol: 0 }) >= 0) fail("batchNormEval changed the running averages; evaluation only reads them.");
  const want = referenceEval(last, m, units, gamma, beta, refMean, refVar, eps);
  const j = firstMismatch(y, want, tol);
  if (j >= 0) {
    const batchStats = referenceTrain(last, m, units, gamma, beta, new Float64Array(units), new Float64Array(units), momentum, eps);
    const hint = firstMismatch(y, batchStats, tol) < 0 ? " You normalized with the batch's own statistics; evaluation uses the running averages μ̄ and σ̄²." : "";
    fail(`Evaluation after ${batches.length} training batches: y[${j}] should be ${show(want[j])}, yours is ${show(y[j])}. Expected ${showArray(want)}, got ${showArray(y)}.${hint}`);
  }
  return `${batches.length} training batches (outputs and running averages) and one evaluation batch match torch's BatchNorm1d rule (ρ = ${show(momentum)}, ε = ${show(eps)}).`;
}

export function singleExampleCase(submission: Submission): string {
  const train = requireFunction(submission, "batchNormTrain") as Submission["batchNormTrain"];
  try {
    train([1, 2], 1, 2, [1, 1], [0, 0], new Float64Array(2), new Float64Array(2).fill(1), 0.1, 1e-5);
  } catch (error) {
    if (/not implemented/i.test(String((error as Error)?.message))) throw error;
    if (isRangeError(error)) return `A training batch of one example throws a RangeError: ${error.message}`;
    fail(`batchNormTrain with m = 1 threw ${describe(error)}; throw a RangeError saying the batch needs m ≥ 2.`);
  }
  fail("batchNormTrain with m = 1 returned normally; one example has no unbiased variance (m/(m − 1) divides by 0): throw a RangeError, as torch refuses such a batch in training mode.");
}

/**
 * A student's variant: the problems' seed (the cases use seed and seed + 1, the
 * hidden ones seed + 10 …) and the size of the first case's batch (at least 3,
 * so a training batch is never the refused single example).
 */
export interface Params {
  seed: number;
  batch: number;
}

export const variant: CaseVariant<Submission, Params> = {
  defaults: { seed: 1, batch: 4 },
  draw: (rng) => ({ seed: 1000 + 20 * rng.int(50_000), batch: 3 + rng.int(4) }),
  cases: (p): CheckCase<Submission>[] => [
    { name: `one training batch of ${p.batch} examples, 3 units, then eval`, run: (s) => layerCase(s, p.seed, 3, [p.batch]) },
    { name: "three training batches (8, 8, 5), 2 units, then eval", run: (s) => layerCase(s, p.seed + 1, 2, [8, 8, 5]) },
    { name: "a training batch of one example is refused", run: (s) => singleExampleCase(s) },
  ],
};

export const check: ExerciseCheck<Submission> = {
  id: "strategies/batchnorm-forward",
  exports: ["batchNormTrain", "batchNormEval"],
  cases: variant.cases(variant.defaults),
  variant,
};
