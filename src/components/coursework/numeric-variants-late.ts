/**
 * Per-student variants of the numeric exercises of chapters 6–14 (momentum,
 * Nesterov, Adagrad, RMSprop and Adadelta, Adam, the arena, choosing, more
 * strategies, parallel SGD) whose answer the page computes with the library
 * or a closed formula: the variant computes it the same way on the student's
 * numbers. Gathered into NUMERIC_VARIANTS by numeric-variants.ts.
 */
import { pick } from "../../lib/variant.js";
import { minimize, projectBox } from "../../lib/run.js";
import { adagrad } from "../../lib/optimizers/adagrad.js";
import { adadelta } from "../../lib/optimizers/adadelta.js";
import { adam } from "../../lib/optimizers/adam.js";
import { optimizerInfo } from "../../lib/optimizers/registry.js";
import { ravine } from "../../lib/objectives/ravine.js";
import { reddiOnline } from "../../lib/objectives/reddi-online.js";
import { curvatureAt } from "../../lib/arena/config.js";
import { adamFirstStep, gdEscapeSteps } from "../../lib/arena/escape.js";
import { stableLimit } from "../../lib/analysis/quadratic-rate.js";
import { momentumLrLimit, nesterovLrLimit, nesterovStandard, optimalGd, optimalMomentum } from "../../lib/analysis/momentum-rate.js";
import { earlyStopPoint, noiseVariance } from "../../lib/analysis/strategies.js";
import { fmt, pointText, pow10, variant, type AnyNumericVariant } from "./numeric-variant.js";

/** The ravine's largest curvature, λ = 4 (0.1x₁² + 2x₂²). */
const RAVINE_L = curvatureAt(ravine(), [0, 0]);
/** Adagrad's position after one step from x0 on the ravine. */
const adagradFirst = (lr: number, x0: number[]) => Array.from(minimize(ravine(), adagrad({ lr }), x0, { steps: 1 }).x.slice(2, 4));
/** |Δθ₁| of Adadelta (lr = 1, torch's rule) for a first gradient g. */
function adadeltaFirst(rho: number, eps: number, g: number): number {
  const opt = adadelta({ rho, eps });
  const x = new Float64Array(1);
  opt.step(x, Float64Array.of(g), opt.init(1));
  return Math.abs(x[0]);
}
/** Adam (β₁ = 0) on Reddi's period-3 problem from 0, projected on [−1, 1]: x after 1, 2, 3 steps. */
const reddiDrift = (lr: number, k: number) => Array.from(minimize(reddiOnline(), adam({ lr, beta1: 0, beta2: 10 ** k }), [0], { steps: 3, project: projectBox(-1, 1) }).x.slice(1, 4));
/** The harmonic number 1 + 1/2 + … + 1/P: the expected maximum of P exponential times of mean 1. */
const harmonic = (P: number) => Array.from({ length: P }, (_, i) => 1 / (i + 1)).reduce((s, v) => s + v, 0);
/** Validation curves for the patience exercise (the first is the page's); each runs out of patience for patience 1–3. */
const CURVES = [
  [0.6, 0.52, 0.49, 0.5, 0.48, 0.485, 0.49, 0.5, 0.51],
  [0.7, 0.61, 0.58, 0.59, 0.57, 0.56, 0.565, 0.57, 0.58, 0.6],
  [0.55, 0.5, 0.47, 0.46, 0.465, 0.45, 0.455, 0.46, 0.47, 0.49],
  [0.8, 0.66, 0.6, 0.61, 0.62, 0.58, 0.59, 0.6, 0.61, 0.63],
];
/** Optimizers whose default learning rate is a power of ten, for the grid exercise. */
const GRID_OPTIMIZERS = ["adam", "rmsprop", "adagrad"];
const defaultLr = (name: string) => Number(optimizerInfo(name).hyper.find((h) => h.name === "lr")!.default);
const NAMES: Record<string, string> = { adam: "Adam", rmsprop: "RMSprop", adagrad: "Adagrad" };

export const LATE_VARIANTS: Readonly<Record<string, AnyNumericVariant>> = {
  "momentum/stability-limit": variant({
    defaults: { beta: 0.25 },
    draw: (rng) => ({ beta: pick(rng, [0.25, 0.5, 0.6, 0.75, 0.8, 0.9]) }),
    statement: (p) => `On the ravine (L = ${fmt(RAVINE_L)}) with β = ${fmt(p.beta)}, what is the largest learning rate for which momentum in torch's form (v ← βv + g, x ← x − ηv) converges?`,
    answer: (p) => momentumLrLimit(p.beta, RAVINE_L),
    hint: "The steep direction has λ = 4; the condition is ηλ < 2 + 2β.",
    // Plain gradient descent's 2/λ; Nesterov's limit.
    mistakes: (p) => [2 / RAVINE_L, nesterovLrLimit(p.beta, RAVINE_L)],
  }),
  "momentum/optimal-rate-kappa-100": variant({
    defaults: { L: 100 },
    draw: (rng) => ({ L: pick(rng, [9, 16, 25, 49, 64, 100, 400, 900]) }),
    statement: (p) => `Curvatures between μ = 1 and L = ${fmt(p.L)}: what is the best rate momentum can achieve?`,
    answer: (p) => optimalMomentum(1, p.L).rate,
    hint: "(√κ − 1)/(√κ + 1).",
    // Gradient descent's best rate (κ − 1)/(κ + 1); the optimal β, the rate squared.
    mistakes: (p) => [optimalGd(1, p.L).rate, optimalMomentum(1, p.L).beta],
  }),
  "momentum/mse-lr-conversion": variant({
    defaults: { lr: 0.005 },
    draw: (rng) => ({ lr: pick(rng, [0.001, 0.002, 0.003, 0.005, 0.01, 0.02, 0.05]) }),
    // D2L's own setting is 0.005; another rate is a run of the same setup, not D2L's.
    statement: (p) => `${p.lr === 0.005 ? "D2L uses" : "A run in D2L's setup uses"} lr = ${fmt(p.lr)} with PyTorch's MSELoss (ŷ − y)²; which η gives the same trajectory with the loss ½(ŷ − y)²?`,
    // The gradient of (ŷ − y)² is twice that of ½(ŷ − y)².
    answer: (p) => 2 * p.lr,
    hint: "Compare the gradients of (ŷ − y)² and ½(ŷ − y)².",
    mistakes: (p) => [p.lr / 2, p.lr],
  }),
  "momentum/housing-effective-lr": variant({
    defaults: { lr: 0.01, beta: 0.9 },
    // Not β = 0.5, where η/(1 − β) = η/β.
    draw: (rng) => ({ lr: pick(rng, [0.001, 0.005, 0.01, 0.02, 0.05]), beta: pick(rng, [0.8, 0.9, 0.95, 0.99]) }),
    statement: (p) => `Momentum with η = ${fmt(p.lr)}, β = ${fmt(p.beta)} on a long-constant gradient: which plain-SGD learning rate takes the same step?`,
    answer: (p) => p.lr / (1 - p.beta),
    hint: "On a constant gradient the buffer tends to g/(1 − β).",
    // The EWA conversion η(1 − β); η/β.
    mistakes: (p) => [p.lr * (1 - p.beta), p.lr / p.beta],
  }),
  "nesterov/stability-limit": variant({
    defaults: { gamma: 0.5 },
    draw: (rng) => ({ gamma: pick(rng, [0.25, 0.5, 0.6, 0.75, 0.8, 0.9]) }),
    statement: (p) => `On the ravine (L = ${fmt(RAVINE_L)}) with γ = ${fmt(p.gamma)}, what is the largest learning rate for which Nesterov's method converges?`,
    answer: (p) => nesterovLrLimit(p.gamma, RAVINE_L),
    hint: "ηλ < (2 + 2γ)/(1 + 2γ) with λ = L.",
    // Heavy-ball momentum's limit; plain gradient descent's 2/L.
    mistakes: (p) => [momentumLrLimit(p.gamma, RAVINE_L), 2 / RAVINE_L],
  }),
  "nesterov/textbook-rate-kappa-100": variant({
    defaults: { kappa: 100 },
    draw: (rng) => ({ kappa: pick(rng, [4, 9, 16, 25, 49, 64, 100, 400, 900]) }),
    statement: (p) => `With η = 1/L and γ = (√κ − 1)/(√κ + 1), what is Nesterov's rate on a quadratic with κ = ${fmt(p.kappa)}?`,
    answer: (p) => nesterovStandard(1, p.kappa).rate,
    hint: "The slowest direction is critically damped.",
    // The heavy ball's optimal rate (= γ); gradient descent's 1 − 1/κ at η = 1/L.
    mistakes: (p) => [optimalMomentum(1, p.kappa).rate, 1 - 1 / p.kappa],
  }),
  "adagrad/first-step": variant({
    defaults: { lr: 0.4, x0: [-5, -2] },
    // |0.2·x₁| ≠ 1 (x₁ ≠ ±5), so a plain gradient step gives another answer (at the published start it coincides),
    // and |x₁| > 2 ≥ |x₂|, so the second coordinate's answer differs too.
    draw: (rng) => ({ lr: pick(rng, [0.1, 0.2, 0.3, 0.4, 0.5]), x0: [pick(rng, [-4, -3, 3, 4, 6]), pick(rng, [-2, -1, 1, 2])] }),
    statement: (p) => `Adagrad with η = ${fmt(p.lr)} on the ravine from ${pointText(p.x0)}: what is x₁ after the first step?`,
    answer: (p) => adagradFirst(p.lr, p.x0)[0],
    tolerance: 1e-6,
    hint: "s₁ = g₁², so the step is η·g/|g|.",
    // A plain gradient step; the step the wrong way; the second coordinate.
    mistakes: (p) => [p.x0[0] - p.lr * 0.2 * p.x0[0], p.x0[0] + p.lr * Math.sign(p.x0[0]), adagradFirst(p.lr, p.x0)[1]],
  }),
  "adagrad/long-walk": variant({
    defaults: { lr: 0.5, distance: 20 },
    // η/D ≤ 1/40, where 2η√t is within 7.5 % of the exact sum (430 steps against 400 at the published η = 0.5, D = 20):
    // the tolerance 0.08 accepts both, for every draw (tested against the library's count).
    draw: (rng) => ({ lr: pick(rng, [0.1, 0.2, 0.25, 0.5]), distance: pick(rng, [20, 30, 40, 50]) }),
    statement: (p) => `Under a constant gradient of magnitude 1, how many Adagrad steps with η = ${fmt(p.lr)} travel a distance of ${fmt(p.distance)}?`,
    // Σ_{k≤t} η/√k ≈ 2η√t = D.
    answer: (p) => (p.distance / (2 * p.lr)) ** 2,
    tolerance: 0.08,
    hint: "The distance after t steps is about 2η√t.",
    // Forgetting the factor 2; gradient descent's D/η.
    mistakes: (p) => [(p.distance / p.lr) ** 2, p.distance / p.lr],
  }),
  "rmsprop-adadelta/adadelta-first": variant({
    defaults: { rho: 0.9, k: -6, g: 1 },
    // g₁ ≠ 1 in every draw, so forgetting the factor g gives another answer (at the published g₁ = 1 it coincides).
    draw: (rng) => ({ rho: pick(rng, [0.9, 0.95, 0.99]), k: pick(rng, [-4, -6, -8]), g: pick(rng, [0.5, 2, 3, 5]) }),
    statement: (p) => `With ρ = ${fmt(p.rho)} and ε = ${pow10(p.k)}, what is |Δθ₁| for g₁ = ${fmt(p.g)}?`,
    answer: (p) => adadeltaFirst(p.rho, 10 ** p.k, p.g),
    hint: "RMS[Δθ]₀ = √ε and RMS[g]₁ = √((1 − ρ)g₁² + ε).",
    // Without the factor g₁; without (1 − ρ).
    mistakes: (p) => [Math.sqrt(10 ** p.k) / Math.sqrt((1 - p.rho) * p.g ** 2 + 10 ** p.k), (Math.sqrt(10 ** p.k) * p.g) / Math.sqrt(p.g ** 2 + 10 ** p.k)],
  }),
  "adam/reddi-period": variant({
    defaults: { period: 101, small: 10, m: 1 },
    // The large gradient is (period − 1 + m)·small, so the sum is m·small > 0 and x = −1 stays the best point.
    draw: (rng) => ({ period: pick(rng, [3, 11, 21, 51, 101]), small: pick(rng, [1, 5, 10]), m: pick(rng, [1, 2, 5]) }),
    statement: (p) => `In fₜ(x) = ${fmt((p.period - 1 + p.m) * p.small)}x (t mod ${p.period} = 1), −${fmt(p.small)}x otherwise, what is the sum of the gradients over one period?`,
    answer: (p) => (p.period - 1 + p.m) * p.small - (p.period - 1) * p.small,
    tolerance: 1e-9,
    hint: "One large gradient and all the others small and negative: count them.",
    // Counting period small gradients instead of period − 1; adding them.
    mistakes: (p) => [(p.period - 1 + p.m) * p.small - p.period * p.small, (p.period - 1 + p.m) * p.small + (p.period - 1) * p.small],
  }),
  "adam/reddi-drift": variant({
    defaults: { lr: 0.1, k: -4 },
    draw: (rng) => ({ lr: pick(rng, [0.05, 0.1, 0.2, 0.3]), k: pick(rng, [-4, -3, -2]) }),
    statement: (p) => `Adam with β₁ = 0, β₂ = ${pow10(p.k)}, η = ${fmt(p.lr)} on the period-3 problem (gradients 1010, −10, −10) from x = 0: where is x after the first period (three steps)?`,
    answer: (p) => reddiDrift(p.lr, p.k)[2],
    hint: "v̂ₜ = vₜ/(1 − β₂ᵗ) with vₜ = β₂vₜ₋₁ + (1 − β₂)gₜ². The second step still remembers the large gradient.",
    // The sign flipped; stopping after two steps; every step of full size η (no memory of the large gradient).
    mistakes: (p) => [-reddiDrift(p.lr, p.k)[2], reddiDrift(p.lr, p.k)[1], p.lr],
  }),
  "arena/saddle-gd-escape": variant({
    defaults: { lr: 0.1, k: -3 },
    draw: (rng) => ({ lr: pick(rng, [0.05, 0.1, 0.2, 0.25]), k: pick(rng, [-2, -3, -4, -5, -6]) }),
    statement: (p) => `Gradient descent with η = ${fmt(p.lr)} starts at (−1, ${pow10(p.k)}) on x² − y²: after how many steps is |y| ≥ 1 for the first time?`,
    answer: (p) => gdEscapeSteps(p.lr, 10 ** p.k),
    tolerance: 0,
    hint: "y is multiplied by 1 + 2η each step: find the smallest integer t with (1 + 2η)ᵗ|y₀| ≥ 1.",
    // One step fewer; the factor 1 + η.
    mistakes: (p) => [gdEscapeSteps(p.lr, 10 ** p.k) - 1, Math.ceil(-p.k * Math.log(10) / Math.log(1 + p.lr))],
  }),
  "arena/adam-first-step": variant({
    defaults: { lr: 0.03, k: -3 },
    // y₀ = 10⁻² or 10⁻³ only: there ε = 10⁻⁸ moves the step by under 10⁻⁵ of η, so η itself (what the hint leads to) passes;
    // at y₀ = 10⁻⁴ or 10⁻⁵ it moves it by 5·10⁻⁵ or 5·10⁻⁴ and η alone would be rejected.
    draw: (rng) => ({ lr: pick(rng, [0.01, 0.02, 0.03, 0.05, 0.1]), k: pick(rng, [-2, -3]) }),
    statement: (p) => `Adam with η = ${fmt(p.lr)}, β₁ = 0.9, β₂ = 0.999, ε = 10⁻⁸ starts at (−1, ${pow10(p.k)}) on the saddle: how far does its first step move y?`,
    // g_y = −2y₀ on x² − y².
    answer: (p) => Math.abs(adamFirstStep(p.lr, -2 * 10 ** p.k)),
    tolerance: 1e-5,
    hint: "With the bias corrections, m̂₁ = g₁ and v̂₁ = g₁². What is g_y at the start?",
    // A plain gradient step η|g|; the uncorrected step (1 − β₁)/√(1 − β₂)·η.
    mistakes: (p) => [p.lr * 2 * 10 ** p.k, (0.1 / Math.sqrt(0.001)) * p.lr],
  }),
  "arena/ravine-edge": variant({
    defaults: { a: 0.1, c: 2 },
    draw: (rng) => ({ a: pick(rng, [0.05, 0.1, 0.2]), c: pick(rng, [1, 1.5, 2, 3, 5]) }),
    statement: (p) => `For gradient descent on ${fmt(p.a)}x² + ${fmt(p.c)}y², what is the largest learning rate for which it converges from every start?`,
    answer: (p) => stableLimit([2 * p.a, 2 * p.c]),
    hint: "Each coordinate is multiplied by 1 − ηλᵢ; the steeper one decides.",
    // 2 over the coefficient instead of the curvature; the flat direction's limit.
    mistakes: (p) => [2 / p.c, 2 / (2 * p.a)],
  }),
  "choosing/adam-grid-top": variant({
    defaults: { name: "adam", K: 5 },
    draw: (rng) => ({ name: pick(rng, GRID_OPTIMIZERS), K: pick(rng, [3, 4, 5, 6, 7]) }),
    statement: (p) => `The grid is η₀·(√10)ᵏ for k = −${p.K} … ${p.K}: for ${NAMES[p.name]} (η₀ = ${pow10(Math.round(Math.log10(defaultLr(p.name))))}), what is the largest learning rate tried?`,
    label: (p) => `largest η for ${NAMES[p.name]}`,
    answer: (p) => defaultLr(p.name) * 10 ** (p.K / 2),
    hint: "The largest k gives the largest rate: η₀ times √10 to that power.",
    // A factor 10ᵏ instead of 10^(k/2); the smallest rate.
    mistakes: (p) => [defaultLr(p.name) * 10 ** p.K, defaultLr(p.name) * 10 ** (-p.K / 2)],
  }),
  "strategies/noise-sigma": variant({
    defaults: { lr: 0.3, gamma: 0.55, t: 1000 },
    draw: (rng) => ({ lr: pick(rng, [0.01, 0.1, 0.3, 1]), gamma: pick(rng, [0.5, 0.55, 0.75]), t: pick(rng, [100, 1000, 10000]) }),
    statement: (p) => `With η = ${fmt(p.lr)} and γ = ${fmt(p.gamma)}, what is the standard deviation σₜ of the gradient noise at step t = ${p.t}?`,
    label: (p) => `σ at t = ${p.t}`,
    answer: (p) => Math.sqrt(noiseVariance(p.lr, p.gamma, p.t)),
    tolerance: 1e-2,
    hint: "σ² = η/(1 + t)ᵞ; take the square root.",
    // The variance; without the exponent γ.
    mistakes: (p) => [noiseVariance(p.lr, p.gamma, p.t), Math.sqrt(p.lr / (1 + p.t))],
  }),
  "strategies/patience-stop": variant({
    defaults: { curve: 0, patience: 2 },
    draw: (rng) => ({ curve: rng.int(CURVES.length), patience: pick(rng, [1, 2, 3]) }),
    statement: (p) => `A validation curve reads ${CURVES[p.curve].map((v) => fmt(v).replace(/^0\.(\d)$/, "0.$10")).join(", ")}: with patience ${p.patience} and δ = 0, at which epoch (epochs numbered from 1) does training stop?`,
    answer: (p) => earlyStopPoint(CURVES[p.curve], p.patience).stopEpoch ?? NaN,
    tolerance: 1e-9,
    hint: "Count the epochs since the last new minimum; stop when the count reaches the patience.",
    // The best epoch (where the weights are restored from); one epoch later.
    mistakes: (p) => [earlyStopPoint(CURVES[p.curve], p.patience).bestEpoch, (earlyStopPoint(CURVES[p.curve], p.patience).stopEpoch ?? NaN) + 1],
  }),
  "parallel/slowest-of-four": variant({
    defaults: { P: 4 },
    draw: (rng) => ({ P: pick(rng, [2, 3, 4, 5, 6, 8, 10, 16]) }),
    statement: (p) => `With exponential gradient times of mean 1, what is the expected round time of synchronous SGD with P = ${p.P} workers?`,
    answer: (p) => harmonic(p.P),
    hint: "The expected maximum of P exponential times of mean 1 is the harmonic number 1 + 1/2 + … + 1/P.",
    // The mean time 1; ln P.
    mistakes: (p) => [1, Math.log(p.P)],
  }),
  "parallel/constant-staleness": variant({
    defaults: { P: 8 },
    draw: (rng) => ({ P: 2 + rng.int(15) }),
    statement: (p) => `With P = ${p.P} workers of constant gradient time 1 starting at staggered times, how many updates land between a worker's read and its write?`,
    label: (p) => `staleness for P = ${p.P}`,
    answer: (p) => p.P - 1,
    tolerance: 1e-9,
    hint: "While one worker computes, each of the others finishes exactly once.",
    mistakes: (p) => [p.P],
  }),
};
