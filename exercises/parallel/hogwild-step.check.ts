/**
 * Checks for parallel/hogwild-step: the read, the gradient and the write
 * against the library's sparse problem (lib/parallel/problem.ts: `residual`,
 * with and without a stale read), and two workers interleaved as in the
 * chapter's simulator (lib/parallel/simulate.ts, algorithm "hogwild").
 */
import { residual, sparseLeastSquares, type SparseProblem } from "../../lib/parallel/problem.js";
import { random } from "../../lib/random.js";
import { describe, fail, firstMismatch, requireFunction, show, showArray, type CaseVariant, type CheckCase, type ExerciseCheck } from "../check.js";
import { pick } from "../variant.js";
import type * as Exercise from "./hogwild-step.js";

type Submission = typeof Exercise;

const TOL = { rtol: 1e-10, atol: 1e-12 };

/** A seeded sparse problem and a starting point x. */
function setup(seed: number, d: number, k: number): { p: SparseProblem; x: Float64Array } {
  const p = sparseLeastSquares({ n: 12, d, k, seed, noise: 0.1 });
  const rng = random(seed + 100);
  return { p, x: Float64Array.from({ length: d }, () => rng.normal()) };
}

const colsOf = (p: SparseProblem, i: number) => Array.from(p.cols.subarray(i * p.k, (i + 1) * p.k));
const valsOf = (p: SparseProblem, i: number) => Array.from(p.vals.subarray(i * p.k, (i + 1) * p.k));

function array(value: unknown, length: number, what: string): ArrayLike<number> {
  if (!value || typeof (value as ArrayLike<number>).length !== "number") fail(`${what} should return an array of ${length} numbers, but it returned ${describe(value)}.`);
  const a = value as ArrayLike<number>;
  if (a.length !== length) fail(`${what} returned ${a.length} numbers; it should return k = ${length}, one per coordinate the example touches.`);
  return a;
}

export function readCase(s: Submission, seed: number, d: number, k: number, i: number): string {
  const { p, x } = setup(seed, d, k);
  const f = requireFunction(s, "readCoordinates") as Submission["readCoordinates"];
  const before = x.slice();
  const got = array(f(x, colsOf(p, i)), k, "readCoordinates");
  if (firstMismatch(x, before, { rtol: 0, atol: 0 }) >= 0) fail("readCoordinates changed x; it should only read it.");
  const want = colsOf(p, i).map((j) => x[j]);
  const m = firstMismatch(got, want, { rtol: 0, atol: 0 });
  if (m >= 0) fail(`read[${m}] should be x[cols[${m}]] = x[${colsOf(p, i)[m]}] = ${show(want[m])}, yours is ${show(got[m])}.`);
  x[colsOf(p, i)[0]] += 1;
  if (got[0] === x[colsOf(p, i)[0]]) fail("readCoordinates must return a copy: yours changed when x changed afterwards.");
  return `Reads the ${k} coordinates ${showArray(colsOf(p, i))}: ${showArray(want)}.`;
}

export function gradientCase(s: Submission, seed: number, d: number, k: number, i: number): string {
  const { p, x } = setup(seed, d, k);
  const f = requireFunction(s, "sparseGradient") as Submission["sparseGradient"];
  const read = Float64Array.from(colsOf(p, i), (j) => x[j]);
  const got = array(f(read, valsOf(p, i), p.b[i]), k, "sparseGradient");
  const r = residual(p, i, x);
  const want = valsOf(p, i).map((v) => r * v);
  const m = firstMismatch(got, want, TOL);
  if (m < 0) return `Equal to the library's: residual r = ${show(r)}, gradient ${showArray(want)}.`;
  const hint = firstMismatch(got, want.map((v) => -v), TOL) < 0 ? " The sign is flipped: r = (prediction − target) = Σ vals[m]·read[m] − b." : "";
  fail(`g[${m}] should be ${show(want[m])}, yours is ${show(got[m])} (r = ${show(r)}). Expected ${showArray(want)}, got ${showArray(got)}.${hint}`);
}

export function writeCase(s: Submission, seed: number, d: number, k: number, i: number, lr: number): string {
  const { p, x } = setup(seed, d, k);
  const f = requireFunction(s, "writeUpdate") as Submission["writeUpdate"];
  const rng = random(seed + 7);
  const g = Array.from({ length: k }, () => rng.normal());
  const want = x.slice();
  colsOf(p, i).forEach((j, m) => { want[j] -= lr * g[m]; });
  const mine = x.slice();
  const ret = f(mine, colsOf(p, i), g, lr) as unknown;
  if (ret !== undefined && ret !== mine && firstMismatch(mine, x, { rtol: 0, atol: 0 }) < 0) fail("writeUpdate returned a result but left x unchanged: update x in place.");
  const m = firstMismatch(mine, want, TOL);
  if (m >= 0) {
    const touched = colsOf(p, i).includes(m);
    fail(`After the write, x[${m}] should be ${show(want[m])}, yours is ${show(mine[m])}.${touched ? "" : ` Coordinate ${m} is not one the example touches: it must not change.`}`);
  }
  return `Writes x[cols[m]] −= ${show(lr)}·g[m] on the ${k} coordinates and leaves the other ${d - k} alone.`;
}

/** Worker A reads example a; worker B reads example b, computes and writes; then A computes on its stale read and writes. */
export function interleavedCase(s: Submission, seed: number, d: number, k: number, a: number, b: number, lr: number): string {
  const { p, x } = setup(seed, d, k);
  const read = requireFunction(s, "readCoordinates") as Submission["readCoordinates"];
  const grad = requireFunction(s, "sparseGradient") as Submission["sparseGradient"];
  const write = requireFunction(s, "writeUpdate") as Submission["writeUpdate"];
  const mine = x.slice();
  const readA = read(mine, colsOf(p, a));
  const readB = read(mine, colsOf(p, b));
  write(mine, colsOf(p, b), grad(readB, valsOf(p, b), p.b[b]), lr);
  write(mine, colsOf(p, a), grad(readA, valsOf(p, a), p.b[a]), lr);
  // The reference, with the library's residual at A's stale read.
  const ref = x.slice();
  const staleA = Float64Array.from(colsOf(p, a), (j) => ref[j]);
  const rB = residual(p, b, ref);
  colsOf(p, b).forEach((j, m) => { ref[j] -= lr * rB * valsOf(p, b)[m]; });
  const rA = residual(p, a, ref, staleA);
  colsOf(p, a).forEach((j, m) => { ref[j] -= lr * rA * valsOf(p, a)[m]; });
  const shared = colsOf(p, a).filter((j) => colsOf(p, b).includes(j));
  const m = firstMismatch(mine, ref, TOL);
  if (m >= 0) fail(`Two workers interleaved (A reads, B reads and writes, A writes its stale gradient): x[${m}] should be ${show(ref[m])}, yours is ${show(mine[m])}. Expected ${showArray(ref)}, got ${showArray(mine)}.`);
  return `Two interleaved workers match the simulator's Hogwild!: they share coordinate${shared.length === 1 ? "" : "s"} ${shared.length ? showArray(shared) : "none"}, and A's gradient used the values it read before B's write.`;
}

/**
 * A student's variant: the problems' seed (the cases use seed … seed + 3, the
 * hidden ones seed + 10 …), which of the 12 examples the first three cases use,
 * and the write's η. The interleaved case keeps d = 4 and k = 3, so its two
 * examples always share a coordinate (3 + 3 > 4), whatever the seed.
 */
export interface Params {
  seed: number;
  read: number;
  gradient: number;
  write: number;
  lr: number;
}

export const variant: CaseVariant<Submission, Params> = {
  defaults: { seed: 1, read: 4, gradient: 5, write: 2, lr: 0.5 },
  draw: (rng) => ({ seed: 1000 + 20 * rng.int(50_000), read: rng.int(12), gradient: rng.int(12), write: rng.int(12), lr: pick(rng, [0.1, 0.25, 0.5, 2]) }),
  cases: (p): CheckCase<Submission>[] => [
    { name: "readCoordinates: 3 of 10 parameters, a copy", run: (s) => readCase(s, p.seed, 10, 3, p.read) },
    { name: "sparseGradient: an example touching 3 parameters", run: (s) => gradientCase(s, p.seed + 1, 10, 3, p.gradient) },
    { name: "writeUpdate: only the example's coordinates change, in place", run: (s) => writeCase(s, p.seed + 2, 10, 3, p.write, p.lr) },
    { name: "two workers interleaved on overlapping examples (a stale gradient)", run: (s) => interleavedCase(s, p.seed + 3, 4, 3, 0, 1, 1) },
  ],
};

export const check: ExerciseCheck<Submission> = {
  id: "parallel/hogwild-step",
  exports: ["readCoordinates", "sparseGradient", "writeUpdate"],
  cases: variant.cases(variant.defaults),
  variant,
};
