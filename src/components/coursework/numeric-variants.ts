/**
 * Per-student variants of the numeric exercises (lib/variant.ts): for
 * each exercise that can vary, its parameters, the question with those
 * numbers (plain text), the answer computed from them, a hint without
 * numbers, and the answers of plausible mistakes that the tolerance must
 * reject (numeric-variant.ts). The closed-formula questions are here; those
 * the pages answer with a library call are in numeric-variants-early.ts
 * (chapters 1–5) and numeric-variants-late.ts (6–14).
 * The default parameters reproduce the published question exactly:
 * `statement(defaults)` is the catalogue's statement (exercises/index.ts) and
 * `answer(defaults)` the answer the chapter's page checks
 * (test/coursework/variants.test.ts holds both).
 *
 * It lives with the page components, not in exercises/, because NumericCheck
 * imports it in the browser (Framework serves nothing from outside src/ but
 * lib/). The catalogue (scripts/coursework/catalogue.ts) does not import it:
 * its data loader (src/data/exercises.json.ts) passes buildCatalogue a
 * function that asks numericVariantOf whether an exercise varies.
 *
 * A numeric exercise not listed here is a fixed variant, for the reason
 * numeric-fixed.ts gives: its answer comes from a measurement the page makes
 * on its data set, which the check does not redo per student.
 */
import { pick } from "../../lib/variant.js";
import { fmt, halves, pow10, sub, variant, WORDS, type AnyNumericVariant as Any } from "./numeric-variant.js";
import { EARLY_VARIANTS } from "./numeric-variants-early.js";
import { LATE_VARIANTS } from "./numeric-variants-late.js";

export { fmt, pow10, type NumericVariant } from "./numeric-variant.js";

/** The first variants: questions whose answer is a closed formula of their numbers. */
const FORMULA_VARIANTS: Readonly<Record<string, Any>> = {
  "gradient-descent/parabola-three-steps": variant({
    defaults: { lr: 0.2, x0: 10 },
    draw: (rng) => ({ lr: pick(rng, [0.05, 0.1, 0.15, 0.2, 0.3, 0.35, 0.4]), x0: pick(rng, [2, 4, 5, 8, 10, 20]) }),
    statement: (p) => `On f(x) = x² with η = ${fmt(p.lr)} from x₀ = ${fmt(p.x0)}, compute x₃.`,
    answer: (p) => p.x0 * (1 - 2 * p.lr) ** 3,
    hint: "Each step multiplies x by 1 − 2η.",
    // The factor 1 − η (the gradient of x² taken as x); one step too few.
    mistakes: (p) => [p.x0 * (1 - p.lr) ** 3, p.x0 * (1 - 2 * p.lr) ** 2],
  }),
  "gradient-descent/directional": variant({
    defaults: { x: 1, y: 2, c: 3 },
    // x = −2c/3 would make u orthogonal to ∇f (slope 0, the same with either sign): not drawn.
    draw: (rng) => {
      const c = pick(rng, [2, 3, 4, 5]);
      return { x: pick(rng, [-3, -2, -1, 1, 2, 3, 4].filter((x) => 6 * x + 4 * c !== 0)), y: pick(rng, [-2, -1, 1, 2, 3]), c };
    },
    statement: (p) => `For f(x, y) = x² + ${fmt(p.c)}y at (${fmt(p.x)}, ${fmt(p.y)}), compute the slope in the direction u = (3/5, 4/5).`,
    answer: (p) => (2 * p.x * 3 + p.c * 4) / 5,
    hint: "Compute ∇f at the point and take the dot product with u.",
    // The slope the wrong way; ∂f/∂x taken as x instead of 2x.
    mistakes: (p) => [-(2 * p.x * 3 + p.c * 4) / 5, (p.x * 3 + p.c * 4) / 5],
  }),
  "gradient-descent/max-rate": variant({
    defaults: { a: 3, c: 1 },
    draw: (rng) => ({ a: pick(rng, [2, 3, 4, 5]), c: pick(rng, [1, 2, 3]) }),
    statement: (p) => `Gradient descent on f(x₁, x₂) = ${fmt(p.a)}x₁² + x₁x₂ + ${p.c === 1 ? "" : fmt(p.c)}x₂²: below what learning rate does it converge from every start?`,
    // The Hessian [[2a, 1], [1, 2c]] has λₘₐₓ = a + c + √((a − c)² + 1).
    answer: (p) => 2 / (p.a + p.c + Math.sqrt((p.a - p.c) ** 2 + 1)),
    hint: "Write f = ½xᵀAx; the limit is 2/L with L the largest eigenvalue of A.",
    // The cross term x₁x₂ ignored (L = 2a); 1/L instead of 2/L.
    mistakes: (p) => [2 / (2 * Math.max(p.a, p.c)), 1 / (p.a + p.c + Math.sqrt((p.a - p.c) ** 2 + 1))],
  }),
  "gradient-descent/linf-steepest": variant({
    defaults: { g: [3, -1, 0.5] },
    draw: (rng) => ({ g: [pick(rng, halves(-4, 4)), pick(rng, halves(-4, 4)), pick(rng, halves(-4, 4))] }),
    statement: (p) => `For ∇f = (${p.g.map(fmt).join(", ")}), compute the smallest value of uᵀ∇f over all u with ‖u‖∞ ≤ 1.`,
    answer: (p) => -p.g.reduce((s, v) => s + Math.abs(v), 0),
    hint: "Minimize each term uᵢ ∂ᵢ f on its own, with |uᵢ| ≤ 1.",
    // The ℓ² answer −‖∇f‖₂; the sign lost.
    mistakes: (p) => [-Math.hypot(...p.g), p.g.reduce((s: number, v: number) => s + Math.abs(v), 0)],
  }),
  "gradient-descent/descent-lemma": variant({
    defaults: { L: 4, norm: 3 },
    // ‖∇f‖ ≠ 1, where forgetting the square would give the same number.
    draw: (rng) => ({ L: pick(rng, [1, 2, 4, 5, 8, 10]), norm: pick(rng, [2, 3, 4, 5]) }),
    statement: (p) => `For f with an L-Lipschitz gradient, L = ${fmt(p.L)}, and ‖∇f(x)‖ = ${fmt(p.norm)}, compute the largest decrease of f that the descent lemma guarantees for one gradient step.`,
    answer: (p) => p.norm ** 2 / (2 * p.L),
    hint: "Maximize η(1 − Lη/2)‖∇f‖² over η.",
    // Without the ½; with ‖∇f‖ instead of its square.
    mistakes: (p) => [p.norm ** 2 / p.L, p.norm / (2 * p.L)],
  }),
  "learning-rate/ravine-limit": variant({
    defaults: { a: 0.1, c: 2 },
    draw: (rng) => ({ a: pick(rng, [0.05, 0.1, 0.2]), c: pick(rng, [1, 1.5, 2, 3, 5]) }),
    statement: (p) => `What is the largest learning rate for which gradient descent converges on ${fmt(p.a)}x₁² + ${fmt(p.c)}x₂² from every start?`,
    answer: (p) => 2 / Math.max(2 * p.a, 2 * p.c),
    hint: "The Hessian is diagonal; the steep direction decides.",
    // 2 over the coefficient instead of the curvature; the flat direction's limit.
    mistakes: (p) => [2 / Math.max(p.a, p.c), 2 / Math.min(2 * p.a, 2 * p.c)],
  }),
  "learning-rate/random-trials": variant({
    defaults: { share: 5, confidence: 95 },
    draw: (rng) => ({ share: pick(rng, [2, 4, 5, 8, 10]), confidence: pick(rng, [90, 95, 99]) }),
    statement: (p) => `If the good learning rates fill ${fmt(p.share)}% of the log-scale range [10⁻⁴, 1], how many random trials make the chance of at least one good one at least ${fmt(p.confidence)}%?`,
    answer: (p) => Math.ceil(Math.log(1 - p.confidence / 100) / Math.log(1 - p.share / 100)),
    hint: "The chance of no good trial in n is (1 − share)ⁿ.",
    // The chance of a good trial taken as the share: n = confidence/share.
    mistakes: (p) => [Math.ceil(p.confidence / p.share)],
  }),
  "ewa/weight-age-10": variant({
    defaults: { beta: 0.9, age: 10 },
    draw: (rng) => ({ beta: pick(rng, [0.8, 0.85, 0.9, 0.95, 0.98]), age: 3 + rng.int(18) }),
    statement: (p) => `With β = ${fmt(p.beta)}, what weight does vₜ give to the value of age ${p.age}?`,
    answer: (p) => (1 - p.beta) * p.beta ** p.age,
    hint: "The weight of age k is (1 − β)βᵏ.",
    // Without (1 − β); one age off.
    mistakes: (p) => [p.beta ** p.age, (1 - p.beta) * p.beta ** (p.age - 1)],
  }),
  "ewa/bias-steps-099": variant({
    defaults: { beta: 0.99 },
    draw: (rng) => ({ beta: pick(rng, [0.9, 0.95, 0.98, 0.99, 0.995, 0.999]) }),
    statement: (p) => `With β = ${fmt(p.beta)}, after how many steps is the relative bias βᵗ below 1%?`,
    answer: (p) => Math.ceil(Math.log(0.01) / Math.log(p.beta)),
    hint: "Solve βᵗ < 0.01 for t with logarithms; careful with the sign of ln β.",
    // The window 1/(1 − β); one step too few.
    mistakes: (p) => [Math.round(1 / (1 - p.beta)), Math.ceil(Math.log(0.01) / Math.log(p.beta)) - 1],
  }),
  "momentum/weight-sum": variant({
    defaults: { beta: 0.95 },
    draw: (rng) => ({ beta: pick(rng, [0.5, 0.8, 0.9, 0.95, 0.98, 0.99]) }),
    statement: (p) => `With β = ${fmt(p.beta)}, what is the total weight momentum's buffer gives all past gradients?`,
    answer: (p) => 1 / (1 - p.beta),
    hint: "A geometric series.",
    // The EWA's total weight 1; the ratio β/(1 − β) without the current gradient.
    mistakes: (p) => [1, p.beta / (1 - p.beta)],
  }),
  "momentum/ewa-to-torch-lr": variant({
    defaults: { lr: 0.1, beta: 0.9 },
    draw: (rng) => ({ lr: pick(rng, [0.05, 0.1, 0.2, 0.5]), beta: pick(rng, [0.8, 0.9, 0.95, 0.99]) }),
    statement: (p) => `The EWA form with η′ = ${fmt(p.lr)}, β = ${fmt(p.beta)}: what lr gives the same trajectory in torch.optim.SGD(momentum=${fmt(p.beta)})?`,
    answer: (p) => p.lr * (1 - p.beta),
    hint: "The EWA buffer is (1 − β) times PyTorch's.",
    // The conversion the wrong way; η′ unchanged.
    mistakes: (p) => [p.lr / (1 - p.beta), p.lr],
  }),
  "nesterov/recover-theta": variant({
    defaults: { phi: 1, b: 2, lr: 0.1, gamma: 0.9 },
    draw: (rng) => ({ phi: pick(rng, halves(-2, 3)), b: pick(rng, [-3, -2, -1, 1, 2, 3]), lr: pick(rng, [0.05, 0.1, 0.2]), gamma: pick(rng, [0.5, 0.8, 0.9]) }),
    statement: (p) => `PyTorch's Nesterov holds φ = ${p.phi.toFixed(1).replace("-", "−")} and buffer b = ${p.b.toFixed(1).replace("-", "−")} with η = ${fmt(p.lr)} and γ = ${fmt(p.gamma)}: which point θ does the literal look-ahead method hold?`,
    answer: (p) => p.phi + p.gamma * p.lr * p.b,
    hint: "φ = θ − γv and b = v/η.",
    // The shift with the wrong sign; without η.
    mistakes: (p) => [p.phi - p.gamma * p.lr * p.b, p.phi + p.gamma * p.b],
  }),
  "adam/uncorrected-first-step": variant({
    defaults: { beta1: 0.9, beta2: 0.999 },
    // Not β₁ = 0.9 with β₂ = 0.99, where the uncorrected step equals the corrected one (ratio 1).
    draw: (rng) => ({ beta1: pick(rng, [0.8, 0.9, 0.95]), beta2: pick(rng, [0.995, 0.999, 0.9999]) }),
    // A ratio, not "how many times larger": below 1 for some draws (0.707 at β₁ = 0.95, β₂ = 0.995).
    statement: (p) => `With β₁ = ${fmt(p.beta1)}, β₂ = ${fmt(p.beta2)} and ε negligible, what is the ratio of the first step of Adam without bias correction to η?`,
    answer: (p) => (1 - p.beta1) / Math.sqrt(1 - p.beta2),
    hint: "m₁ = (1 − β₁)g₁ and v₁ = (1 − β₂)g₁².",
    // Without the square root; the corrected step's ratio 1.
    mistakes: (p) => [(1 - p.beta1) / (1 - p.beta2), 1],
  }),
  "adam/adamax-u": variant({
    defaults: { beta2: 0.999, g1: 3, g2: 1 },
    // |g₂| < β₂|g₁| always, so the answer is the decayed memory, not the latest gradient (which a wrong rule would also give).
    draw: (rng) => ({ beta2: pick(rng, [0.9, 0.99, 0.999]), g1: pick(rng, [2, 3, 4, 5]), g2: pick(rng, [0.5, 1, 1.5]) }),
    statement: (p) => `AdaMax with β₂ = ${fmt(p.beta2)} sees |g₁| = ${fmt(p.g1)}, then |g₂| = ${fmt(p.g2)}. What is u₂?`,
    answer: (p) => Math.max(p.beta2 * p.g1, p.g2),
    hint: "uₜ = max(β₂ uₜ₋₁, |gₜ|), u₀ = 0.",
    // A sum instead of a max; the latest gradient alone.
    mistakes: (p) => [p.beta2 * p.g1 + p.g2, p.g2],
  }),
  "adam/m3": variant({
    defaults: { beta1: 0.9, t: 3 },
    draw: (rng) => ({ beta1: pick(rng, [0.8, 0.9, 0.95]), t: 2 + rng.int(5) }),
    statement: (p) => `Every gradient equals 1 and β₁ = ${fmt(p.beta1)}: what is the uncorrected m${sub(p.t)}?`,
    label: (p) => `m${sub(p.t)}`,
    answer: (p) => 1 - p.beta1 ** p.t,
    hint: "mₜ = (1 − β₁ᵗ)g for a constant gradient.",
    // The corrected m̂ (= 1); β₁ᵗ.
    mistakes: (p) => [1, p.beta1 ** p.t],
  }),
  "adam/terminal-speed": variant({
    defaults: { g: 0.1, lr: 0.05, mu: 0.9 },
    draw: (rng) => ({ g: pick(rng, [0.1, 0.2, 0.5, 1]), lr: pick(rng, [0.01, 0.05, 0.1]), mu: pick(rng, [0.5, 0.8, 0.9, 0.95]) }),
    statement: (p) => `On a slope with constant gradient ${fmt(p.g)}, what is the terminal speed of torch-style momentum with η = ${fmt(p.lr)} and μ = ${fmt(p.mu)}?`,
    answer: (p) => (p.lr * p.g) / (1 - p.mu),
    hint: "v = μv + g has the fixed point g/(1 − μ).",
    // Multiplying by 1 − μ instead of dividing; the buffer's fixed point g/(1 − μ) without η; the EWA form's speed ηg.
    mistakes: (p) => [p.lr * p.g * (1 - p.mu), p.g / (1 - p.mu), p.lr * p.g],
  }),
  "rmsprop-adadelta/weight": variant({
    defaults: { gamma: 0.9, age: 5 },
    draw: (rng) => ({ gamma: pick(rng, [0.8, 0.9, 0.95, 0.99]), age: 2 + rng.int(8) }),
    statement: (p) => `With γ = ${fmt(p.gamma)}, what weight does RMSprop's E[g²]ₜ give to the squared gradient of ${WORDS[p.age]} steps earlier?`,
    answer: (p) => (1 - p.gamma) * p.gamma ** p.age,
    hint: "(1 − γ)γᵏ for the gradient k steps back.",
    // Without (1 − γ); one step off.
    mistakes: (p) => [p.gamma ** p.age, (1 - p.gamma) * p.gamma ** (p.age - 1)],
  }),
  "rmsprop-adadelta/first-step": variant({
    defaults: { gamma: 0.9, lr: 0.001, g: 5 },
    draw: (rng) => ({ gamma: pick(rng, [0.9, 0.95, 0.99]), lr: pick(rng, [0.001, 0.01]), g: pick(rng, [0.5, 2, 5, 10]) }),
    statement: (p) => `With γ = ${fmt(p.gamma)}, η = ${fmt(p.lr)} and ε negligible, how long is RMSprop's first step in a coordinate whose first gradient is ${fmt(p.g)}?`,
    // Hinton's settings are γ = 0.9, η = 0.001; other draws are not his.
    label: (p) => (p.gamma === 0.9 && p.lr === 0.001 ? "first step, Hinton's settings" : "first step"),
    answer: (p) => p.lr / Math.sqrt(1 - p.gamma),
    hint: "E[g²]₁ = (1 − γ)g₁².",
    // η alone (the bias-corrected size); without the square root.
    mistakes: (p) => [p.lr, p.lr / (1 - p.gamma)],
  }),
  "choosing/uncorrected-first-step": variant({
    defaults: { beta1: 0.9, beta2: 0.99 },
    // Not the published β₂ = 0.99 with β₁ = 0.9, where the factor is exactly 1 (and equals its inverse).
    draw: (rng) => ({ beta1: pick(rng, [0.8, 0.9, 0.95]), beta2: pick(rng, [0.9, 0.999, 0.9999]) }),
    // A ratio, not "by what factor larger": below 1 at β₂ = 0.9 (0.316 at β₁ = 0.9).
    statement: (p) => `Adam without bias correction, β₁ = ${fmt(p.beta1)}, β₂ = ${fmt(p.beta2)}, ε → 0: what is the ratio of its first step to η, the size of Adam's first step?`,
    answer: (p) => (1 - p.beta1) / Math.sqrt(1 - p.beta2),
    hint: "(1 − β₁)/√(1 − β₂).",
    // Without the square root; the inverse.
    mistakes: (p) => [(1 - p.beta1) / (1 - p.beta2), Math.sqrt(1 - p.beta2) / (1 - p.beta1)],
  }),
  "adagrad/eps-inside": variant({
    defaults: { k: -6 },
    draw: (rng) => ({ k: pick(rng, [-4, -5, -6, -7, -8, -10]) }),
    statement: (p) => `With ε = ${pow10(p.k)} inside the root, for which first gradients |g₁| is the first step smaller than η/2?`,
    answer: (p) => Math.sqrt(10 ** p.k / 3),
    hint: "Solve |g|/√(g² + ε) = 1/2.",
    // √ε; the threshold with ε outside the root, ε (for |g|/(|g| + ε) = 1/2).
    mistakes: (p) => [Math.sqrt(10 ** p.k), 10 ** p.k],
  }),
};

/** Every numeric exercise with per-student variants; the others are fixed, for the reason numeric-fixed.ts gives. */
export const NUMERIC_VARIANTS: Readonly<Record<string, Any>> = Object.freeze({ ...FORMULA_VARIANTS, ...EARLY_VARIANTS, ...LATE_VARIANTS });

/** A student's variant of a numeric exercise (the published one without an id); null for a fixed variant. */
export function numericVariantOf(id: string): Any | null {
  return Object.hasOwn(NUMERIC_VARIANTS, id) ? NUMERIC_VARIANTS[id] : null;
}
