/**
 * Per-student variants of the numeric exercises (lib/variant.ts): for
 * each exercise that can vary, its parameters, the question with those
 * numbers (plain text), the answer computed from them, and a hint without
 * numbers. The default parameters reproduce the published question exactly:
 * `statement(defaults)` is the catalogue's statement (exercises/index.ts) and
 * `answer(defaults)` the answer the chapter's page checks
 * (test/coursework/variants.test.ts holds both).
 *
 * It lives with the page components, not in exercises/, because NumericCheck
 * imports it in the browser (Framework serves nothing from outside src/ but
 * lib/); the catalogue (scripts/coursework/catalogue.ts) reads it too.
 *
 * A numeric exercise not listed here is a fixed variant: its answer comes
 * from a run or a measurement in the page (a trajectory, a data set's
 * spectrum) that the page does not redo per student.
 */
import { pick, type Variant } from "../../lib/variant.js";

export interface NumericVariant<P> extends Variant<P> {
  /** The question with the variant's numbers (the catalogue's statement for the defaults). */
  statement(params: P): string;
  answer(params: P): number;
  /** A hint that holds for every variant. */
  hint: string;
}

/** A number as the statements print it: up to 6 significant digits, a true minus sign. */
export function fmt(x: number): string {
  return String(Number(x.toPrecision(6))).replace("-", "−");
}

const SUP: Record<string, string> = { "-": "⁻", "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹" };
const SUB: Record<string, string> = { "0": "₀", "1": "₁", "2": "₂", "3": "₃", "4": "₄", "5": "₅", "6": "₆", "7": "₇", "8": "₈", "9": "₉" };
/** 10 to an integer power, as 10⁻⁶. */
export const pow10 = (k: number) => `10${String(k).replace(/./g, (c) => SUP[c])}`;
const sub = (k: number) => String(k).replace(/./g, (c) => SUB[c]);
const WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
/** [0, 1) steps of 0.5 from lo to hi, without 0. */
const halves = (lo: number, hi: number) => Array.from({ length: (hi - lo) * 2 + 1 }, (_, i) => lo + i / 2).filter((v) => v !== 0);

type Any = NumericVariant<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const variant = <P>(v: NumericVariant<P>): NumericVariant<P> => v;

export const NUMERIC_VARIANTS: Readonly<Record<string, Any>> = Object.freeze({
  "gradient-descent/parabola-three-steps": variant({
    defaults: { lr: 0.2, x0: 10 },
    draw: (rng) => ({ lr: pick(rng, [0.05, 0.1, 0.15, 0.2, 0.3, 0.35, 0.4]), x0: pick(rng, [2, 4, 5, 8, 10, 20]) }),
    statement: (p) => `On f(x) = x² with η = ${fmt(p.lr)} from x₀ = ${fmt(p.x0)}, compute x₃.`,
    answer: (p) => p.x0 * (1 - 2 * p.lr) ** 3,
    hint: "Each step multiplies x by 1 − 2η.",
  }),
  "gradient-descent/directional": variant({
    defaults: { x: 1, y: 2, c: 3 },
    draw: (rng) => ({ x: pick(rng, [-3, -2, -1, 1, 2, 3, 4]), y: pick(rng, [-2, -1, 1, 2, 3]), c: pick(rng, [2, 3, 4, 5]) }),
    statement: (p) => `For f(x, y) = x² + ${fmt(p.c)}y at (${fmt(p.x)}, ${fmt(p.y)}), compute the slope in the direction u = (3/5, 4/5).`,
    answer: (p) => (2 * p.x * 3 + p.c * 4) / 5,
    hint: "Compute ∇f at the point and take the dot product with u.",
  }),
  "gradient-descent/max-rate": variant({
    defaults: { a: 3, c: 1 },
    draw: (rng) => ({ a: pick(rng, [2, 3, 4, 5]), c: pick(rng, [1, 2, 3]) }),
    statement: (p) => `Gradient descent on f(x₁, x₂) = ${fmt(p.a)}x₁² + x₁x₂ + ${p.c === 1 ? "" : fmt(p.c)}x₂²: below what learning rate does it converge from every start?`,
    // The Hessian [[2a, 1], [1, 2c]] has λ_max = a + c + √((a − c)² + 1).
    answer: (p) => 2 / (p.a + p.c + Math.sqrt((p.a - p.c) ** 2 + 1)),
    hint: "Write f = ½xᵀAx; the limit is 2/L with L the largest eigenvalue of A.",
  }),
  "gradient-descent/linf-steepest": variant({
    defaults: { g: [3, -1, 0.5] },
    draw: (rng) => ({ g: [pick(rng, halves(-4, 4)), pick(rng, halves(-4, 4)), pick(rng, halves(-4, 4))] }),
    statement: (p) => `For ∇f = (${p.g.map(fmt).join(", ")}), compute the smallest value of uᵀ∇f over all u with ‖u‖∞ ≤ 1.`,
    answer: (p) => -p.g.reduce((s, v) => s + Math.abs(v), 0),
    hint: "Minimize each term u_i ∂_i f on its own, with |u_i| ≤ 1.",
  }),
  "gradient-descent/descent-lemma": variant({
    defaults: { L: 4, norm: 3 },
    draw: (rng) => ({ L: pick(rng, [1, 2, 4, 5, 8, 10]), norm: pick(rng, [1, 2, 3, 4, 5]) }),
    statement: (p) => `For f with an L-Lipschitz gradient, L = ${fmt(p.L)}, and ‖∇f(x)‖ = ${fmt(p.norm)}, compute the largest decrease of f that the descent lemma guarantees for one gradient step.`,
    answer: (p) => p.norm ** 2 / (2 * p.L),
    hint: "Maximize η(1 − Lη/2)‖∇f‖² over η.",
  }),
  "learning-rate/ravine-limit": variant({
    defaults: { a: 0.1, c: 2 },
    draw: (rng) => ({ a: pick(rng, [0.05, 0.1, 0.2]), c: pick(rng, [1, 1.5, 2, 3, 5]) }),
    statement: (p) => `What is the largest learning rate for which gradient descent converges on ${fmt(p.a)}x₁² + ${fmt(p.c)}x₂² from every start?`,
    answer: (p) => 2 / Math.max(2 * p.a, 2 * p.c),
    hint: "The Hessian is diagonal; the steep direction decides.",
  }),
  "learning-rate/random-trials": variant({
    defaults: { share: 5, confidence: 95 },
    draw: (rng) => ({ share: pick(rng, [2, 4, 5, 8, 10]), confidence: pick(rng, [90, 95, 99]) }),
    statement: (p) => `If the good learning rates fill ${fmt(p.share)}% of the log-scale range [10⁻⁴, 1], how many random trials make the chance of at least one good one at least ${fmt(p.confidence)}%?`,
    answer: (p) => Math.ceil(Math.log(1 - p.confidence / 100) / Math.log(1 - p.share / 100)),
    hint: "The chance of no good trial in n is (1 − share)ⁿ.",
  }),
  "ewa/weight-age-10": variant({
    defaults: { beta: 0.9, age: 10 },
    draw: (rng) => ({ beta: pick(rng, [0.8, 0.85, 0.9, 0.95, 0.98]), age: 3 + rng.int(18) }),
    statement: (p) => `With β = ${fmt(p.beta)}, what weight does v_t give to the value of age ${p.age}?`,
    answer: (p) => (1 - p.beta) * p.beta ** p.age,
    hint: "The weight of age k is (1 − β)βᵏ.",
  }),
  "ewa/bias-steps-099": variant({
    defaults: { beta: 0.99 },
    draw: (rng) => ({ beta: pick(rng, [0.9, 0.95, 0.98, 0.99, 0.995, 0.999]) }),
    statement: (p) => `With β = ${fmt(p.beta)}, after how many steps is the relative bias β^t below 1%?`,
    answer: (p) => Math.ceil(Math.log(0.01) / Math.log(p.beta)),
    hint: "Solve βᵗ < 0.01 for t with logarithms; careful with the sign of ln β.",
  }),
  "momentum/weight-sum": variant({
    defaults: { beta: 0.95 },
    draw: (rng) => ({ beta: pick(rng, [0.5, 0.8, 0.9, 0.95, 0.98, 0.99]) }),
    statement: (p) => `With β = ${fmt(p.beta)}, what is the total weight momentum's buffer gives all past gradients?`,
    answer: (p) => 1 / (1 - p.beta),
    hint: "A geometric series.",
  }),
  "momentum/ewa-to-torch-lr": variant({
    defaults: { lr: 0.1, beta: 0.9 },
    draw: (rng) => ({ lr: pick(rng, [0.05, 0.1, 0.2, 0.5]), beta: pick(rng, [0.8, 0.9, 0.95, 0.99]) }),
    statement: (p) => `The EWA form with η′ = ${fmt(p.lr)}, β = ${fmt(p.beta)}: what lr gives the same trajectory in torch.optim.SGD(momentum=${fmt(p.beta)})?`,
    answer: (p) => p.lr * (1 - p.beta),
    hint: "The EWA buffer is (1 − β) times PyTorch's.",
  }),
  "nesterov/recover-theta": variant({
    defaults: { phi: 1, b: 2, lr: 0.1, gamma: 0.9 },
    draw: (rng) => ({ phi: pick(rng, halves(-2, 3)), b: pick(rng, [-3, -2, -1, 1, 2, 3]), lr: pick(rng, [0.05, 0.1, 0.2]), gamma: pick(rng, [0.5, 0.8, 0.9]) }),
    statement: (p) => `PyTorch's Nesterov holds φ = ${p.phi.toFixed(1).replace("-", "−")} and buffer b = ${p.b.toFixed(1).replace("-", "−")} with η = ${fmt(p.lr)} and γ = ${fmt(p.gamma)}: which point θ does the literal look-ahead method hold?`,
    answer: (p) => p.phi + p.gamma * p.lr * p.b,
    hint: "φ = θ − γv and b = v/η.",
  }),
  "adam/uncorrected-first-step": variant({
    defaults: { beta1: 0.9, beta2: 0.999 },
    draw: (rng) => ({ beta1: pick(rng, [0.8, 0.9, 0.95]), beta2: pick(rng, [0.99, 0.995, 0.999, 0.9999]) }),
    statement: (p) => `With β₁ = ${fmt(p.beta1)}, β₂ = ${fmt(p.beta2)}, how many times larger than η is the first step of Adam without bias correction (ε negligible)?`,
    answer: (p) => (1 - p.beta1) / Math.sqrt(1 - p.beta2),
    hint: "m₁ = (1 − β₁)g₁ and v₁ = (1 − β₂)g₁².",
  }),
  "adam/adamax-u": variant({
    defaults: { beta2: 0.999, g1: 3, g2: 1 },
    draw: (rng) => ({ beta2: pick(rng, [0.9, 0.99, 0.999]), g1: pick(rng, [2, 3, 4, 5]), g2: pick(rng, [1, 2, 6]) }),
    statement: (p) => `AdaMax with β₂ = ${fmt(p.beta2)} sees |g₁| = ${fmt(p.g1)}, then |g₂| = ${fmt(p.g2)}. What is u₂?`,
    answer: (p) => Math.max(p.beta2 * p.g1, p.g2),
    hint: "u_t = max(β₂ u_{t−1}, |g_t|), u₀ = 0.",
  }),
  "adam/m3": variant({
    defaults: { beta1: 0.9, t: 3 },
    draw: (rng) => ({ beta1: pick(rng, [0.8, 0.9, 0.95]), t: 2 + rng.int(5) }),
    statement: (p) => `Every gradient equals 1 and β₁ = ${fmt(p.beta1)}: what is the uncorrected m${sub(p.t)}?`,
    answer: (p) => 1 - p.beta1 ** p.t,
    hint: "m_t = (1 − β₁ᵗ)g for a constant gradient.",
  }),
  "adam/terminal-speed": variant({
    defaults: { g: 0.1, lr: 0.05, mu: 0.9 },
    draw: (rng) => ({ g: pick(rng, [0.1, 0.2, 0.5, 1]), lr: pick(rng, [0.01, 0.05, 0.1]), mu: pick(rng, [0.5, 0.8, 0.9, 0.95]) }),
    statement: (p) => `On a slope with constant gradient ${fmt(p.g)}, what is the terminal speed of torch-style momentum with η = ${fmt(p.lr)} and μ = ${fmt(p.mu)}?`,
    answer: (p) => (p.lr * p.g) / (1 - p.mu),
    hint: "v = μv + g has the fixed point g/(1 − μ).",
  }),
  "rmsprop-adadelta/weight": variant({
    defaults: { gamma: 0.9, age: 5 },
    draw: (rng) => ({ gamma: pick(rng, [0.8, 0.9, 0.95, 0.99]), age: 2 + rng.int(8) }),
    statement: (p) => `With γ = ${fmt(p.gamma)}, what weight does RMSprop's E[g²]_t give to the squared gradient of ${WORDS[p.age]} steps earlier?`,
    answer: (p) => (1 - p.gamma) * p.gamma ** p.age,
    hint: "(1 − γ)γ^τ for the gradient τ steps back.",
  }),
  "rmsprop-adadelta/first-step": variant({
    defaults: { gamma: 0.9, lr: 0.001, g: 5 },
    draw: (rng) => ({ gamma: pick(rng, [0.9, 0.95, 0.99]), lr: pick(rng, [0.001, 0.01]), g: pick(rng, [0.5, 2, 5, 10]) }),
    statement: (p) => `With γ = ${fmt(p.gamma)}, η = ${fmt(p.lr)} and ε negligible, how long is RMSprop's first step in a coordinate whose first gradient is ${fmt(p.g)}?`,
    answer: (p) => p.lr / Math.sqrt(1 - p.gamma),
    hint: "E[g²]₁ = (1 − γ)g₁².",
  }),
  "choosing/uncorrected-first-step": variant({
    defaults: { beta1: 0.9, beta2: 0.99 },
    draw: (rng) => ({ beta1: pick(rng, [0.8, 0.9, 0.95]), beta2: pick(rng, [0.9, 0.99, 0.999]) }),
    statement: (p) => `Adam without bias correction, β₁ = ${fmt(p.beta1)}, β₂ = ${fmt(p.beta2)}, ε → 0: by what factor is its first step larger than Adam's?`,
    answer: (p) => (1 - p.beta1) / Math.sqrt(1 - p.beta2),
    hint: "(1 − β₁)/√(1 − β₂).",
  }),
  "adagrad/eps-inside": variant({
    defaults: { k: -6 },
    draw: (rng) => ({ k: pick(rng, [-4, -5, -6, -7, -8, -10]) }),
    statement: (p) => `With ε = ${pow10(p.k)} inside the root, for which first gradients |g₁| is the first step smaller than η/2?`,
    answer: (p) => Math.sqrt(10 ** p.k / 3),
    hint: "Solve |g|/√(g² + ε) = 1/2.",
  }),
});

/** A student's variant of a numeric exercise (the published one without an id); null for a fixed variant. */
export function numericVariantOf(id: string): Any | null {
  return Object.hasOwn(NUMERIC_VARIANTS, id) ? NUMERIC_VARIANTS[id] : null;
}
