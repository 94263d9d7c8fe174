/** Checks for learning-rate/max-stable-lr: 2/L and the contraction factor against the library's eigenvalues. */
import { quadratic } from "../../lib/objectives/quadratic.js";
import { sgd } from "../../lib/optimizers/sgd.js";
import { minimize } from "../../lib/run.js";
import { close, fail, random, randomSpd, requireFunction, requireNumber, show, type CaseVariant, type CheckCase, type ExerciseCheck } from "../check.js";
import { pick } from "../variant.js";
import type * as Exercise from "./max-stable-lr.js";

type Submission = typeof Exercise;

function eigenvalues(H: number[][]): Float64Array {
  return quadratic(H).eigenvalues;
}

/** What a few common wrong answers give, to name the mistake. */
function diagnoseLr(H: number[][], got: number): string {
  const lambda = eigenvalues(H);
  const L = lambda[lambda.length - 1];
  const trace = H.reduce((s, row, i) => s + row[i], 0);
  const maxDiag = Math.max(...H.map((row, i) => row[i]));
  const guesses: Array<[number, string]> = [
    [1 / L, "That is 1/L: the steps stay stable up to 2/L (|1 − ηL| < 1 means 0 < η < 2/L)."],
    [2 / lambda[0], "That is 2/λ_min: the *largest* curvature limits the step, not the smallest."],
    [2 / trace, "That is 2/trace(H): the trace is the sum of the eigenvalues, not the largest one."],
    [2 / maxDiag, "That is 2 over the largest diagonal entry: the diagonal of a rotated H is not its eigenvalues."],
    [L / 2, "That is L/2: the limit is 2/L."],
  ];
  const hit = guesses.find(([v]) => close(got, v, { rtol: 1e-6 }));
  return hit ? ` ${hit[1]}` : "";
}

export function lrCase(submission: Submission, H: number[][], label: string): string {
  const maxStableLr = requireFunction(submission, "maxStableLr") as Submission["maxStableLr"];
  const lambda = eigenvalues(H);
  const L = lambda[lambda.length - 1];
  const expected = L > 0 ? 2 / L : Infinity;
  const got = requireNumber(maxStableLr(H.map((r) => r.slice())), `maxStableLr(H) for ${label}`);
  if (!close(got, expected, { rtol: 1e-6 })) {
    fail(`For ${label}, the largest eigenvalue is L = ${show(L)}, so the answer is 2/L = ${show(expected)}; your maxStableLr returned ${show(got)}.${diagnoseLr(H, got)}`);
  }
  if (Number.isFinite(expected)) {
    // The meaning of the number: just below it GD converges, just above it diverges.
    const f = quadratic(H);
    const x0 = new Array(H.length).fill(1);
    const below = minimize(f, sgd({ lr: 0.98 * got }), x0, { steps: 3000 });
    const above = minimize(f, sgd({ lr: 1.02 * got }), x0, { steps: 3000 });
    const last = (tr: typeof below) => tr.loss[tr.steps];
    if (below.diverged || !(Math.abs(last(below) - (f.minValue ?? 0)) < 1e-3 * Math.max(1, Math.abs(f.value(Float64Array.from(x0)))))) fail(`Gradient descent with 0.98 × your limit should converge on ${label}, but it did not.`);
    if (!above.diverged && Math.abs(last(above)) < 1e6) fail(`Gradient descent with 1.02 × your limit should diverge on ${label}, but it did not.`);
  }
  return `2/L = ${show(expected)} for ${label}${Number.isFinite(expected) ? "; gradient descent converges at 0.98× and diverges at 1.02× it" : ""}.`;
}

export function rateCase(submission: Submission, H: number[][], lr: number, label: string): string {
  const contractionFactor = requireFunction(submission, "contractionFactor") as Submission["contractionFactor"];
  const lambda = Array.from(eigenvalues(H));
  const expected = Math.max(...lambda.map((l) => Math.abs(1 - lr * l)));
  const got = requireNumber(contractionFactor(H.map((r) => r.slice()), lr), `contractionFactor(H, ${show(lr)}) for ${label}`);
  if (!close(got, expected, { rtol: 1e-6, atol: 1e-9 })) {
    const L = lambda[lambda.length - 1];
    const onlyL = Math.abs(1 - lr * L);
    const onlyMin = Math.abs(1 - lr * lambda[0]);
    const hint = close(got, onlyL, { rtol: 1e-6 }) && onlyL !== expected
      ? " You used only the largest eigenvalue; at this η the slowest direction is the one with the smallest curvature, |1 − ηλ_min|."
      : close(got, onlyMin, { rtol: 1e-6 }) && onlyMin !== expected
        ? " You used only the smallest eigenvalue; at this η the worst direction is the steepest one, |1 − ηL| (it oscillates)."
        : close(got, 1 - lr * L, { rtol: 1e-6 }) ? " Take the absolute value |1 − ηλ|: a factor below −1 also diverges." : "";
    fail(`For ${label} with η = ${show(lr)}, the eigenvalues are ${lambda.map(show).join(", ")}, so the factor is max |1 − ηλ| = ${show(expected)}; yours is ${show(got)}.${hint}`);
  }
  return `max |1 − ηλ| = ${show(expected)} for ${label} at η = ${show(lr)}.`;
}

/**
 * A student's variant: the rotated 2-D Hessian [[a, c], [c, b]], and the seed
 * (the hidden cases add 100) and largest eigenvalue of the random 5-D one.
 * Every draw keeps the 2-D Hessian positive definite (ab − c² ≥ 9) and its
 * contraction-factor case what its name says at η = 0.3: ηL > 1 (the steep
 * direction oscillates), ηL < 2 (still converging), and η(L + λ_min) = η(a + b)
 * > 2, so |1 − ηL| > |1 − ηλ_min| (the steep direction is the slowest).
 * test/coursework/variants.test.ts checks all three over every draw.
 */
export interface Params {
  a: number;
  b: number;
  c: number;
  seed: number;
  top: number;
}

/** The rotated 2-D Hessian of a variant. */
export function rotated(p: Params): number[][] {
  return [[p.a, p.c], [p.c, p.b]];
}

export const variant: CaseVariant<Submission, Params> = {
  defaults: { a: 6, b: 2, c: 1, seed: 21, top: 7 },
  draw: (rng) => ({ a: pick(rng, [5, 6]), b: pick(rng, [2, 3]), c: pick(rng, [-1, -0.5, 0.5, 1]), seed: 1000 + 4 * rng.int(250_000), top: pick(rng, [5, 7, 9]) }),
  cases: (p): CheckCase<Submission>[] => {
    const H = `H = [[${show(p.a)}, ${show(p.c)}], [${show(p.c)}, ${show(p.b)}]]`;
    return [
      { name: "the ravine's Hessian diag(0.2, 4): 2/L = 0.5", run: (s) => lrCase(s, [[0.2, 0], [0, 4]], "H = diag(0.2, 4)") },
      { name: `a rotated 2-D Hessian ${H.slice(4)}`, run: (s) => lrCase(s, rotated(p), H) },
      { name: "a random 5-D Hessian", run: (s) => lrCase(s, randomSpd(random(p.seed), [0.5, 1, 2, 3, p.top]), `a random 5-D Hessian with eigenvalues 0.5 … ${show(p.top)}`) },
      { name: "contraction factor, small η (the flat direction is slowest)", run: (s) => rateCase(s, [[0.2, 0], [0, 4]], 0.1, "H = diag(0.2, 4)") },
      { name: "contraction factor, large η (the steep direction oscillates)", run: (s) => rateCase(s, rotated(p), 0.3, H) },
    ];
  },
};

export const check: ExerciseCheck<Submission> = {
  id: "learning-rate/max-stable-lr",
  exports: ["maxStableLr", "contractionFactor"],
  cases: variant.cases(variant.defaults),
  variant,
};
