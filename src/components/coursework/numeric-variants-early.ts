/**
 * Per-student variants of the numeric exercises of chapters 1–5 (gradient
 * descent, the learning rate, schedules, EWA) whose answer the page computes
 * with the library: the variant computes it with the same library call on the
 * student's numbers. Gathered into NUMERIC_VARIANTS by numeric-variants.ts.
 */
import { pick } from "../../lib/variant.js";
import { minimize } from "../../lib/run.js";
import { sgd } from "../../lib/optimizers/sgd.js";
import { quadratic } from "../../lib/objectives/quadratic.js";
import { ravine } from "../../lib/objectives/ravine.js";
import { objective } from "../../lib/objectives/objective.js";
import { backtracking, newtonLineSearch } from "../../lib/line-search.js";
import { trustRegionStep } from "../../lib/analysis/trust-region.js";
import { optimalStep, stepsToReduce } from "../../lib/analysis/quadratic-rate.js";
import { timeDecayRecursive } from "../../lib/schedules.js";
import { noiseFloor } from "../../lib/analysis/noisy-quadratic.js";
import { fmt, pointText, pow10, sub, variant, type AnyNumericVariant } from "./numeric-variant.js";

/** f(x) = x⁴, the backtracking exercise's function. */
const quartic = objective({ name: "quartic", dim: 1, value: (x) => x[0] ** 4, grad: (x, out) => { out[0] = 4 * x[0] ** 3; return out; }, domain: [[-3, 3]] });
/** The golden ratio's inverse, τ = (√5 − 1)/2: each comparison of golden-section search keeps a share τ of the bracket. */
const TAU = (Math.sqrt(5) - 1) / 2;
/** f(x) = x⁴ − ax² + bx, the double well (a = 4, b = 1 is lib's doubleWell, with the same arithmetic). */
export const doubleWellOf = (a: number, b: number) =>
  objective({ name: "double-well", dim: 1, value: (x) => x[0] ** 4 - a * x[0] ** 2 + b * x[0], grad: (x, out) => { out[0] = 4 * x[0] * x[0] * x[0] - 2 * a * x[0] + b; return out; }, domain: [[-2.5, 2.5]] });
/** Where gradient descent with step lr from x0 is after 2000 steps on the double well (a, b). */
const wellEnd = (a: number, b: number, lr: number, x0: number) => minimize(doubleWellOf(a, b), sgd({ lr }), [x0], { steps: 2000 }).x[2000];
/** The ravine's gradient at x: −d, the exercise's search direction negated. */
const ravineGrad = (x: readonly number[]) => Array.from(ravine().grad(Float64Array.from(x), new Float64Array(2)));

export const EARLY_VARIANTS: Readonly<Record<string, AnyNumericVariant>> = {
  "gradient-descent/double-well-start": variant({
    defaults: { a: 4, b: 1, lr: 0.01, x0: 0.1 },
    // Every drawn well has two valleys (|b| < 2.8 for a ≥ 3) and every rate is far below 2/f″ at either minimum, so each run settles (tested).
    draw: (rng) => ({ a: pick(rng, [3, 4, 5, 6]), b: pick(rng, [-1.5, -1, -0.5, 0.5, 1, 1.5]), lr: pick(rng, [0.005, 0.01, 0.02]), x0: pick(rng, [-2, -1, -0.5, 0, 0.1, 0.5, 1, 2]) }),
    statement: (p) => `On the double well f(x) = x⁴ − ${fmt(p.a)}x² ${p.b < 0 ? "−" : "+"} ${Math.abs(p.b) === 1 ? "" : fmt(Math.abs(p.b))}x, where does gradient descent with η = ${fmt(p.lr)} from x₀ = ${fmt(p.x0)} end?`,
    answer: (p) => wellEnd(p.a, p.b, p.lr, p.x0),
    hint: "The sign of f′(x₀) says which way the first step goes; find where the hump between the two valleys is.",
    // The other valley's minimum (reached from the far side).
    mistakes: (p) => [wellEnd(p.a, p.b, p.lr, wellEnd(p.a, p.b, p.lr, p.x0) < 0 ? 2 : -2)],
  }),
  "gradient-descent/euler-flow-gap": variant({
    defaults: { lambda: 2, x0: 1, t: 1, k: 10 },
    // λt/k ≤ 0.6 keeps 1 − λη positive: gradient descent never overshoots 0.
    draw: (rng) => ({ lambda: pick(rng, [1, 2, 3]), x0: pick(rng, [1, 2, 5]), t: pick(rng, [0.5, 1, 2]), k: pick(rng, [10, 20, 50]) }),
    statement: (p) => `For f(x) = (λ/2)x² with λ = ${fmt(p.lambda)}, x₀ = ${fmt(p.x0)} and t = ${fmt(p.t)}, compute the gap xₖ − x(t) between gradient descent with k = ${p.k} steps of η = t/k and the gradient flow.`,
    answer: (p) => minimize(quadratic([[p.lambda]]), sgd({ lr: p.t / p.k }), [p.x0], { steps: p.k }).x[p.k] - p.x0 * Math.exp(-p.lambda * p.t),
    hint: "xₖ = (1 − λη)ᵏx₀ with η = t/k; the flow is x(t) = exp(−λt)x₀.",
    // The gap with the opposite sign; xₖ alone.
    mistakes: (p) => [p.x0 * Math.exp(-p.lambda * p.t) - p.x0 * (1 - (p.lambda * p.t) / p.k) ** p.k, p.x0 * (1 - (p.lambda * p.t) / p.k) ** p.k],
  }),
  "learning-rate/optimal-steps": variant({
    defaults: { a: 0.1, c: 2, k: 3 },
    draw: (rng) => ({ a: pick(rng, [0.05, 0.1, 0.2]), c: pick(rng, [1, 2, 3, 5]), k: pick(rng, [2, 3, 4]) }),
    statement: (p) => `With the best fixed rate on the ravine ${fmt(p.a)}x₁² + ${fmt(p.c)}x₂², how many steps shrink the error in every coordinate by a factor of ${pow10(p.k)}?`,
    answer: (p) => stepsToReduce(optimalStep([2 * p.a, 2 * p.c]).rate, 10 ** -p.k),
    // A count: only the right integer passes, as in the other counting checks.
    tolerance: 0,
    hint: "At the best fixed rate both coordinates shrink by (κ − 1)/(κ + 1) per step, κ the ratio of the curvatures; solve rateᵗ ≤ 1/factor.",
    // The rate 1 − 1/κ of the step η = 1/L instead of the best fixed step's; one step too few (rateᵗ not yet below 1/factor), one too many.
    mistakes: (p) => {
      const t = stepsToReduce(optimalStep([2 * p.a, 2 * p.c]).rate, 10 ** -p.k);
      return [stepsToReduce(1 - p.a / p.c, 10 ** -p.k), t - 1, t + 1];
    },
  }),
  "learning-rate/backtracking-quartic": variant({
    defaults: { x: 1, rho: 0.5 },
    draw: (rng) => ({ x: pick(rng, [0.5, 0.8, 1, 1.5, 2]), rho: pick(rng, [0.5, 0.6, 0.8]) }),
    statement: (p) => `On f(x) = x⁴ at x = ${fmt(p.x)}, backtracking along d = −f′(${fmt(p.x)}) = ${fmt(-4 * p.x ** 3)} with α₀ = 1, ρ = ${fmt(p.rho)} and c = 10⁻⁴: which step does it accept?`,
    answer: (p) => backtracking(quartic, [p.x], [-4 * p.x ** 3], { alpha0: 1, rho: p.rho, c: 1e-4 }).alpha,
    hint: "Test φ(α) = f(x + αd) against the Armijo line f(x) + c·α·f′(x)·d for α = α₀, ρα₀, ρ²α₀, … and keep the first that passes.",
    // One shrink too few or too many.
    mistakes: (p) => {
      const a = backtracking(quartic, [p.x], [-4 * p.x ** 3], { alpha0: 1, rho: p.rho, c: 1e-4 }).alpha;
      return [a / p.rho, a * p.rho];
    },
  }),
  "learning-rate/golden-section-cost": variant({
    defaults: { k: 6 },
    draw: (rng) => ({ k: pick(rng, [3, 4, 5, 6, 7, 8, 9]) }),
    statement: (p) => `How many function evaluations (the first two interior points included) does golden-section search need to shrink a bracket of length 1 below ${pow10(-p.k)}?`,
    // N evaluations allow N − 1 comparisons, each keeping τ of the bracket: the fewest N with τᴺ⁻¹ < 10⁻ᵏ.
    answer: (p) => 1 + Math.ceil((p.k * Math.log(10)) / Math.log(1 / TAU)),
    tolerance: 0,
    hint: "N evaluations allow N − 1 comparisons, each shrinking the bracket by τ = 0.618…; solve τᴺ⁻¹ below the target.",
    mistakes: (p) => [Math.ceil((p.k * Math.log(10)) / Math.log(1 / TAU)), 2 + Math.ceil((p.k * Math.log(10)) / Math.log(1 / TAU))],
  }),
  "learning-rate/newton-line-step": variant({
    defaults: { x0: [-5, -2] },
    draw: (rng) => ({ x0: [pick(rng, [-5, -4, -3, 2, 3, 5]), pick(rng, [-2, -1, 1, 2, 3])] }),
    statement: (p) => `On the ravine 0.1x₁² + 2x₂² from ${pointText(p.x0)} along d = −∇f = ${pointText(ravineGrad(p.x0).map((g) => -g))}, compute the step α of one Newton–Raphson update from α = 0.`,
    answer: (p) => newtonLineSearch(ravine(), p.x0, ravineGrad(p.x0).map((g) => -g)).points[1].alpha,
    tolerance: 1e-6,
    hint: "φ′(0) = −‖∇f‖² and φ″ = dᵀAd with A = diag(0.2, 4), the same at every α.",
    // Forgetting ‖∇f‖² in the numerator; dividing by ‖d‖² instead of dᵀAd.
    mistakes: (p) => {
      const [g1, g2] = ravineGrad(p.x0);
      const dAd = 0.2 * g1 * g1 + 4 * g2 * g2;
      return [1 / dAd, 1];
    },
  }),
  "learning-rate/trust-multiplier": variant({
    defaults: { g: [1, 1], b: [1, -1], radius: 1 },
    // g has a component along the negative-curvature direction, so the solution lies on the boundary with μ > −λₘᵢₙ(B) (no "hard case").
    draw: (rng) => ({ g: pick(rng, [[1, 1], [1, 2], [2, 1], [1, 0.5]]), b: [pick(rng, [1, 2, 3]), pick(rng, [-0.5, -1, -2])], radius: pick(rng, [0.5, 1, 2]) }),
    statement: (p) => `A trust-region model has g = ${pointText(p.g)}, B = diag${pointText(p.b)} and radius Δ = ${fmt(p.radius)}. Find the multiplier μ with ‖(B + μI)⁻¹g‖ = ${fmt(p.radius)} and B + μI positive semidefinite.`,
    answer: (p) => trustRegionStep(p.g, [p.b[0], 0, 0, p.b[1]], p.radius).lambda,
    tolerance: 1e-4,
    hint: "p = −(B + μI)⁻¹g; μ must exceed −λₘᵢₙ(B); solve ‖p‖ = Δ numerically.",
    // The bound −λₘᵢₙ(B) itself; μ = 0 (the Newton step).
    mistakes: (p) => [-p.b[1], 0],
  }),
  "schedules/recursive-eta4": variant({
    defaults: { lr0: 0.1, d: 0.5, n: 4 },
    draw: (rng) => ({ lr0: pick(rng, [0.1, 0.2, 0.5, 1]), d: pick(rng, [0.1, 0.2, 0.5, 1]), n: pick(rng, [3, 4, 5]) }),
    statement: (p) => `With η₀ = ${fmt(p.lr0)} and d = ${fmt(p.d)}, compute η${sub(p.n)} of the recursive time-based decay ηₙ₊₁ = ηₙ/(1 + dn).`,
    // The schedule's t = n + 1 is ηₙ.
    answer: (p) => timeDecayRecursive(p.lr0, p.d)(p.n + 1),
    hint: "Unroll: η₁ = η₀/(1 + d·0), η₂ = η₁/(1 + d·1), η₃ = η₂/(1 + d·2), and so on.",
    // The non-recursive decay η₀/(1 + dn); one step too few or too many.
    mistakes: (p) => [p.lr0 / (1 + p.d * p.n), timeDecayRecursive(p.lr0, p.d)(p.n), timeDecayRecursive(p.lr0, p.d)(p.n + 2)],
  }),
  "schedules/exponential-reach": variant({
    defaults: { lr0: 0.1, d: 0.01 },
    draw: (rng) => ({ lr0: pick(rng, [0.05, 0.1, 0.2, 0.5]), d: pick(rng, [0.005, 0.01, 0.02, 0.05, 0.1]) }),
    statement: (p) => `Exponential decay with η₀ = ${fmt(p.lr0)}, d = ${fmt(p.d)} and gradients of norm at most 1: what is the largest distance the iterate can travel?`,
    // Σ_{t≥0} η₀e^(−dt) = η₀/(1 − exp(−d)).
    answer: (p) => p.lr0 / (1 - Math.exp(-p.d)),
    hint: "Each step moves at most ηₜ·‖g‖ ≤ ηₜ; sum a geometric series with ratio exp(−d).",
    // The integral η₀/d; the series without its first term.
    mistakes: (p) => [p.lr0 / p.d, (p.lr0 * Math.exp(-p.d)) / (1 - Math.exp(-p.d))],
  }),
  "schedules/noise-floor": variant({
    defaults: { sigma: 1, lr: 0.1 },
    draw: (rng) => ({ sigma: pick(rng, [0.5, 1, 2]), lr: pick(rng, [0.05, 0.1, 0.2, 0.5]) }),
    statement: (p) => `SGD on f(x) = ½x² with gradient noise σ = ${fmt(p.sigma)} and η = ${fmt(p.lr)}: what is E f(xₜ) once it has settled?`,
    answer: (p) => noiseFloor([1], p.sigma, p.lr),
    hint: "Set m = (1 − ηλ)²m + η²σ² and solve for m; the loss is ½λm.",
    // The small-η estimate ησ²/4; E x² instead of E f.
    mistakes: (p) => [(p.lr * p.sigma ** 2) / 4, 2 * noiseFloor([1], p.sigma, p.lr)],
  }),
  "ewa/noise-equivalent-window": variant({
    defaults: { n: 20 },
    draw: (rng) => ({ n: pick(rng, [5, 10, 20, 25, 50, 100]) }),
    statement: (p) => `Which β gives an EWA the same long-run noise variance as the plain mean of the last ${p.n} values?`,
    // The EWA's variance (1 − β)/(1 + β)·σ² equals σ²/n.
    answer: (p) => (p.n - 1) / (p.n + 1),
    hint: "The EWA matches the plain mean of (1 + β)/(1 − β) values; solve for β.",
    // The window rule 1/(1 − β) = n.
    mistakes: (p) => [1 - 1 / p.n],
  }),
};
