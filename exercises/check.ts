/**
 * The harness every exercise's checks are written with. One set of cases runs
 * in two places:
 *
 * - in the page, where the sandbox worker runs an exercise's visible cases
 *   against the reader's code (src/components/editor/sandbox/exercise.ts);
 * - in vitest, where `<name>.test.ts` (visible) and `<name>.hidden.test.ts`
 *   (hidden, for grading) run cases against the module `<name>.ts`.
 *
 * A case returns a one-line summary when it passes and throws a
 * `CheckFailure` whose message helps when it fails: what was expected, what
 * came back, the first step or index where they part, and — when the answer
 * matches a known mistake — which mistake it is.
 *
 * Check modules (`<name>.check.ts`) import the exercise module with
 * `import type` only, so no solution is ever bundled into the page.
 */
import { quadratic, type Quadratic } from "../lib/objectives/quadratic.js";
import { random, type Random } from "../lib/random.js";
import type { Optimizer, OptimizerState } from "../lib/types.js";
import { paramsFor, type Variant } from "./variant.js";

/** A failed check: its message is shown to the student as it is. */
export class CheckFailure extends Error {
  override name = "CheckFailure";
}

export interface CheckCase<S> {
  name: string;
  /** Runs the case on a submission (the module's exports): a summary if it passes, else throws. */
  run(submission: S): string;
}

export interface ExerciseCheck<S = Record<string, unknown>> {
  /** `<chapter>/<name>`, as in exercises/index.ts. */
  id: string;
  /** The names the module exports and the reader's code returns. */
  exports: readonly string[];
  /** The visible cases of the default variant (`variant.cases(variant.defaults)` when there is a variant). */
  cases: ReadonlyArray<CheckCase<S>>;
  /**
   * Optional per-student variant (exercises/variant.ts): the parameters of the
   * cases, drawn from the student's seed, and the visible cases they make.
   * Absent: every student gets `cases` (a fixed variant).
   */
  variant?: CaseVariant<S>;
}

/** A variant of a code exercise: parameters and the visible cases built from them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface CaseVariant<S, P = any> extends Variant<P> {
  cases(params: P): ReadonlyArray<CheckCase<S>>;
}

/** A student's parameters of a code exercise (null for a fixed variant). */
export function checkParams<S>(check: ExerciseCheck<S>, studentId?: string | null): unknown {
  return check.variant ? paramsFor(check.variant, studentId, check.id) : null;
}

/** A student's visible cases of a code exercise (the published ones without an id or without a variant). */
export function visibleCases<S>(check: ExerciseCheck<S>, studentId?: string | null): ReadonlyArray<CheckCase<S>> {
  return check.variant && studentId ? check.variant.cases(paramsFor(check.variant, studentId, check.id)) : check.cases;
}

export interface CaseResult {
  name: string;
  pass: boolean;
  message: string;
  /** The submission threw "not implemented" (an untouched stub). */
  notImplemented?: boolean;
}

export function fail(message: string): never {
  throw new CheckFailure(message);
}

/**
 * Runs one case, turning anything it throws into a failed result with a
 * readable message. `where(error)` may say where in the reader's code an
 * error was thrown (the page adds the line number).
 */
export function runCase<S>(c: CheckCase<S>, submission: S, where?: (error: unknown) => string | undefined): CaseResult {
  try {
    return { name: c.name, pass: true, message: c.run(submission) };
  } catch (error) {
    if (error instanceof CheckFailure) return { name: c.name, pass: false, message: error.message };
    const e = error as Error;
    const message = e instanceof Error ? `${e.name}: ${e.message}` : `threw ${String(error)}`;
    const notImplemented = e instanceof Error && /not implemented/i.test(e.message);
    return {
      name: c.name,
      pass: false,
      message: notImplemented ? "Your function still throws “not implemented”: replace the stub with your code." : `Your code threw ${message}${where?.(error) ?? ""}.`,
      ...(notImplemented ? { notImplemented } : {}),
    };
  }
}

/** For vitest: runs a case and throws an Error carrying its message when it fails. */
export function assertCase<S>(c: CheckCase<S>, submission: S): void {
  const result = runCase(c, submission);
  if (!result.pass) throw new Error(result.message);
}

// ---------------------------------------------------------------- formatting

/** A number as a student would want to read it: up to 10 significant digits. */
export function show(x: number): string {
  if (typeof x !== "number") return describe(x);
  if (Number.isNaN(x)) return "NaN";
  if (!Number.isFinite(x)) return x > 0 ? "Infinity" : "-Infinity";
  if (x === 0) return "0";
  const s = Math.abs(x) >= 1e-4 && Math.abs(x) < 1e7 ? String(Number(x.toPrecision(10))) : x.toExponential(9).replace(/\.?0+e/, "e");
  return s;
}

export function showArray(a: ArrayLike<number>, max = 6): string {
  const items = Array.from({ length: Math.min(a.length, max) }, (_, i) => show(a[i]));
  return `[${items.join(", ")}${a.length > max ? ", …" : ""}]`;
}

export function describe(value: unknown): string {
  if (value === undefined) return "undefined";
  if (value === null) return "null";
  if (typeof value === "function") return "a function";
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (ArrayBuffer.isView(value)) return `a ${value.constructor.name} of length ${(value as unknown as ArrayLike<number>).length}`;
  if (typeof value === "object") return "an object";
  return `${typeof value} ${String(value)}`;
}

// ---------------------------------------------------------------- comparisons

export interface Tolerance {
  /** Relative tolerance (default 1e-9). */
  rtol?: number;
  /** Absolute tolerance, for values near 0 (default 1e-12). */
  atol?: number;
}

export function close(got: number, expected: number, { rtol = 1e-9, atol = 1e-12 }: Tolerance = {}): boolean {
  if (Number.isNaN(expected)) return Number.isNaN(got);
  if (typeof got !== "number" || !Number.isFinite(got)) return got === expected;
  return Math.abs(got - expected) <= atol + rtol * Math.abs(expected);
}

/** Requires a finite number; `what` names it in the message. */
export function requireNumber(value: unknown, what: string): number {
  if (typeof value !== "number") fail(`${what} should be a number, but your code returned ${describe(value)}.`);
  return value;
}

/** Requires an array-like of numbers of the given length. */
export function requireArray(value: unknown, length: number, what: string): ArrayLike<number> {
  if (value === null || typeof value !== "object" || typeof (value as ArrayLike<number>).length !== "number") {
    fail(`${what} should be an array of ${length} numbers, but your code returned ${describe(value)}.`);
  }
  const a = value as ArrayLike<number>;
  if (a.length !== length) fail(`${what} should have ${length} entries, but it has ${a.length}.`);
  return a;
}

/** The first index where two arrays differ beyond the tolerance, or -1. */
export function firstMismatch(got: ArrayLike<number>, expected: ArrayLike<number>, tol?: Tolerance): number {
  for (let i = 0; i < expected.length; i++) if (!close(got[i], expected[i], tol)) return i;
  return got.length === expected.length ? -1 : expected.length;
}

/** The largest absolute difference between two arrays of the same length. */
export function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
  return d;
}

/**
 * A known mistake: the series (or trajectory) a common wrong answer produces,
 * and what to tell a student whose answer matches it.
 */
export interface Mistake {
  message: string;
  /** The values the mistake produces, in the same layout as the expected values. */
  values: ReadonlyArray<ArrayLike<number>>;
}

/**
 * Which known mistake, if any, `got` reproduces (to the tolerance, at every
 * row). Use the pass tolerance: one tolerance decides both. With `expected`
 * (the right answer on this case), a mistake whose values also match it is
 * never named: on this case it cannot be told apart from the right rule
 * (β₁ = 0 makes "corrected v but not m" the right Adam step).
 */
export function diagnose(got: ReadonlyArray<ArrayLike<number>>, mistakes: readonly Mistake[] = [], tol?: Tolerance, expected?: ReadonlyArray<ArrayLike<number>>): string | null {
  const matches = (rows: ReadonlyArray<ArrayLike<number>>, values: ReadonlyArray<ArrayLike<number>>) =>
    values.length === rows.length && values.every((row, k) => rows[k] && rows[k].length === row.length && firstMismatch(rows[k], row, tol) < 0);
  for (const m of mistakes) {
    if (expected && matches(expected, m.values)) continue;
    if (matches(got, m.values)) return m.message;
  }
  return null;
}

// ---------------------------------------------------------------- random problems

/** A vector of n normal numbers times `scale`. */
export function randomVector(rng: Random, n: number, scale = 1): Float64Array {
  const v = new Float64Array(n);
  for (let i = 0; i < n; i++) v[i] = scale * rng.normal();
  return v;
}

/** A random symmetric positive definite n × n matrix with the given eigenvalues (a seeded rotation). */
export function randomSpd(rng: Random, eigenvalues: readonly number[]): number[][] {
  const n = eigenvalues.length;
  const Q: number[][] = [];
  while (Q.length < n) {
    const w = Array.from({ length: n }, () => rng.normal());
    for (const q of Q) {
      const d = w.reduce((s, x, i) => s + x * q[i], 0);
      for (let i = 0; i < n; i++) w[i] -= d * q[i];
    }
    const norm = Math.hypot(...w);
    if (norm > 1e-6) Q.push(w.map((x) => x / norm));
  }
  const A = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => Q.reduce((s, q, k) => s + eigenvalues[k] * q[i] * q[j], 0)));
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) A[i][j] = A[j][i];
  return A;
}

/** A random convex quadratic ½xᵀAx − bᵀx with curvatures in [lo, hi]. */
export function randomQuadratic(rng: Random, n: number, lo = 0.1, hi = 2): Quadratic {
  const lambda = Array.from({ length: n }, (_, k) => (n === 1 ? hi : lo + ((hi - lo) * k) / (n - 1)));
  return quadratic(randomSpd(rng, lambda), Array.from(randomVector(rng, n)));
}

export { random };

// ---------------------------------------------------------------- optimizer steps

/** A student's step function: updates x (and the state) in place, counting the step in state.t. */
export type StepFunction<S, H> = (x: Float64Array, g: Float64Array, state: S, hyper: H) => void;

export interface StepProblem {
  /** What the problem is, for messages ("a random 4-D quadratic", …). */
  label: string;
  dim: number;
  x0: Float64Array;
  /** The gradient at x for step t (1-based); writes into out. */
  grad(x: Float64Array, t: number, out: Float64Array): Float64Array;
}

/** Gradients of a random quadratic at the current point. */
export function quadraticProblem(rng: Random, dim: number): StepProblem {
  const f = randomQuadratic(rng, dim);
  return { label: `a random ${dim}-D quadratic`, dim, x0: randomVector(rng, dim, 2), grad: (x, _t, out) => f.grad(x, out) };
}

/** A fixed sequence of random gradients (not depending on x), with some exact zeros (sparse features). */
export function gradientSequence(rng: Random, dim: number, steps: number, { scale = 1, sparsity = 0.3 } = {}): StepProblem {
  const gs = Array.from({ length: steps }, () => {
    const g = randomVector(rng, dim, scale);
    for (let i = 0; i < dim; i++) if (rng.uniform() < sparsity) g[i] = 0;
    return g;
  });
  return { label: `a sequence of random ${dim}-D gradients (scale ${show(scale)}, some zero)`, dim, x0: randomVector(rng, dim), grad: (_x, t, out) => (out.set(gs[t - 1]), out) };
}

/**
 * The problem of one check case, from `seed`: a random `dim`-D quadratic, or a
 * sequence of `steps` random gradients (`gradients`: their scale and sparsity).
 */
export function stepProblem(seed: number, dim: number, steps: number, kind: "quadratic" | "gradients", gradients: { scale?: number; sparsity?: number } = {}): StepProblem {
  const rng = random(seed);
  return kind === "quadratic" ? quadraticProblem(rng, dim) : gradientSequence(rng, dim, steps, gradients);
}

/** The iterates x₀ … x_steps of a step rule on a problem (each row a copy). */
export function iterates(problem: StepProblem, steps: number, step: (x: Float64Array, g: Float64Array, t: number) => void): Float64Array[] {
  const x = problem.x0.slice();
  const g = new Float64Array(problem.dim);
  const rows = [x.slice()];
  for (let t = 1; t <= steps; t++) {
    problem.grad(x, t, g);
    step(x, g.slice(), t);
    rows.push(x.slice());
    if (!x.every(Number.isFinite)) break;
  }
  return rows;
}

/** The iterates of a library optimizer on a problem. */
export function optimizerIterates(problem: StepProblem, steps: number, optimizer: Optimizer<OptimizerState, Record<string, unknown>>): Float64Array[] {
  const state = optimizer.init(problem.dim);
  return iterates(problem, steps, (x, g) => optimizer.step(x, g, state));
}

export interface CompareStepsOptions<S, H> {
  /** The student's step. */
  step: StepFunction<S, H>;
  /** A fresh state for the student's step (the layout the exercise asks for). */
  initState: (dim: number) => S;
  hyper: H;
  /** The reference: a library optimizer with the same hyperparameters. */
  reference: Optimizer<OptimizerState, Record<string, unknown>>;
  problem: StepProblem;
  steps: number;
  /** Known mistakes: step rules to try when the answer differs. */
  mistakes?: ReadonlyArray<{ message: string; step: (x: Float64Array, g: Float64Array, t: number, memory: Record<string, Float64Array>) => void }>;
  tol?: Tolerance;
  /** Check that state.t counts the steps (default true). */
  countsSteps?: boolean;
  /** Added to the message when the student's iterates turn NaN or infinite. */
  nanHint?: string;
}

/**
 * Runs the student's step and the library's optimizer side by side on a
 * problem (each with its own gradient at its own point) and fails at the first
 * step where the iterates part, saying where, by how much, and which known
 * mistake the student's iterates match.
 */
export function compareSteps<S extends { t: number }, H>(o: CompareStepsOptions<S, H>): string {
  const { problem, steps, tol = { rtol: 1e-9, atol: 1e-12 } } = o;
  const expected = optimizerIterates(problem, steps, o.reference);
  const state = o.initState(problem.dim);
  const gradients: Float64Array[] = [];
  const got = iterates(problem, steps, (x, g, t) => {
    gradients[t] = g.slice();
    const ret = o.step(x, g, state, o.hyper) as unknown;
    if (ret !== undefined && t === 1 && !(ret instanceof Float64Array && ret === x)) {
      // Returning a new array instead of updating in place is the usual slip.
      if (x.every((xi, i) => xi === problem.x0[i])) fail(`Your step returned ${describe(ret)} but left x unchanged: update x (and the state) in place; the function's return value is ignored.`);
    }
    if ((o.countsSteps ?? true) && state.t !== t) {
      fail(`After step ${t}, state.t should be ${t} but it is ${describe(state.t)}: count the step (state.t += 1) at the start of each step, as the library does.`);
    }
  });
  for (let k = 1; k < expected.length; k++) {
    const row = got[k];
    const i = row ? firstMismatch(row, expected[k], tol) : 0;
    if (i < 0) continue;
    const lines = [
      `On ${problem.label} with ${JSON.stringify(o.hyper)}, your iterates first differ from the library's ${o.reference.name} at step ${k}${row && row.length === expected[k].length ? `, coordinate ${i}` : ""}: expected x[${i}] = ${show(expected[k][i])}, got ${row ? show(row[i]) : "nothing"}.`,
      k > 1 ? `Steps 1…${k - 1} matched.` : `Already the first step differs (x₀ = ${showArray(problem.x0)}, g₁ = ${showArray(gradients[1] ?? [])}).`,
    ];
    if (row && !Number.isFinite(row[i])) {
      lines.push(`Your step produced ${show(row[i])}: a division by zero, or the square root of a negative number?${o.nanHint ? " " + o.nanHint : ""}`);
    }
    const mistake = diagnoseSteps(o, got, expected, tol);
    if (mistake) lines.push(mistake);
    fail(lines.join(" "));
  }
  let worst = 0;
  for (let k = 0; k < expected.length; k++) worst = Math.max(worst, maxDiff(got[k], expected[k]));
  return `Matches ${o.reference.name} for ${steps} steps on ${problem.label} (largest difference ${show(worst)}).`;
}

function diagnoseSteps<S, H>(o: CompareStepsOptions<S, H>, got: Float64Array[], expected: Float64Array[], tol: Tolerance): string | null {
  const mistakes: Mistake[] = (o.mistakes ?? []).map((m) => {
    const memory: Record<string, Float64Array> = {};
    return { message: m.message, values: iterates(o.problem, o.steps, (x, g, t) => m.step(x, g, t, memory)) };
  });
  return diagnose(got, mistakes, tol, expected);
}

/** The gradients of a library objective (Rosenbrock, Beale, …) from x0. */
export function objectiveProblem(f: { name: string; dim: number; grad(x: Float64Array, out: Float64Array): Float64Array }, x0: ArrayLike<number>): StepProblem {
  return { label: `${f.name} from ${showArray(x0)}`, dim: f.dim, x0: Float64Array.from(x0), grad: (x, _t, out) => f.grad(x, out) };
}

/** A buffer kept between steps by a mistake's step rule (made on first use). */
export function buffer(memory: Record<string, Float64Array>, name: string, dim: number, fill = 0): Float64Array {
  return (memory[name] ??= new Float64Array(dim).fill(fill));
}

/** Requires the submission to export a function `name`. */
export function requireFunction<S>(submission: S, name: string): (...args: never[]) => unknown {
  const f = (submission as Record<string, unknown>)?.[name];
  if (typeof f !== "function") fail(`Define a function ${name} (and return it: \`return {${name}}\`); found ${describe(f)}.`);
  return f as (...args: never[]) => unknown;
}
