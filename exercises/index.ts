/**
 * The catalogue of Descent's exercises: every exercise of every chapter, with
 * its id, points and statement. The course map's progress, the exported
 * progress file, the assignment kit (`npm run assignment`) and the grader
 * (`npm run grade`) all read it.
 *
 * Kinds:
 * - `code`: a module `exercises/<chapter>/<name>.ts` whose solution is marked
 *   `// BEGIN SOLUTION … // END SOLUTION`, with visible checks
 *   (`<name>.check.ts`, run by `<name>.test.ts` and in the page by
 *   `CodeExercise`) and hidden tests (`<name>.hidden.test.ts`). Graded by the kit.
 * - `numeric`: a number typed into the page (`NumericCheck` with this id).
 * - `concept`: a derivation or explanation with a worked solution in the page
 *   (`<details class="solution">`); graded by hand, listed in the student
 *   edition's README as written questions.
 *
 * Ids are `<chapter>/<name>`, the chapter being a slug of src/course.ts, and
 * never change once published: readers' progress is stored under them.
 */
export type ExerciseKind = "code" | "numeric" | "concept";

export interface ExerciseInfo {
  readonly id: string;
  /** The chapter's slug (src/course.ts). */
  readonly chapter: string;
  readonly title: string;
  readonly points: number;
  /** What to do, in plain text (`code` spans in backticks). */
  readonly statement: string;
  readonly kind: ExerciseKind;
  /**
   * For `code`: the share of the points carried by the hidden tests
   * (default 0.5); the visible tests carry the rest.
   */
  readonly hiddenShare?: number;
}

function code(id: string, title: string, points: number, statement: string): ExerciseInfo {
  return { id, chapter: id.split("/")[0], title, points, statement, kind: "code" };
}
function numeric(id: string, title: string, points: number, statement: string): ExerciseInfo {
  return { id, chapter: id.split("/")[0], title, points, statement, kind: "numeric" };
}
function concept(id: string, title: string, points: number, statement: string): ExerciseInfo {
  return { id, chapter: id.split("/")[0], title, points, statement, kind: "concept" };
}

export const EXERCISES: readonly ExerciseInfo[] = Object.freeze([
  // 1. Gradient descent
  code("gradient-descent/gd-step", "One step of gradient descent", 5, "Write `gdStep(x, g, lr)`: move x against the gradient, x ← x − η·g, in place."),
  code("gradient-descent/gd-quadratic", "Gradient descent on a quadratic", 10, "Write `gradientDescent(A, b, x0, lr, steps)`: run gradient descent on f(x) = ½xᵀAx − bᵀx (gradient Ax − b) and return the iterates x₀ … x_steps."),
  numeric("gradient-descent/parabola-three-steps", "Three steps by hand", 2, "On f(x) = x² with η = 0.2 from x₀ = 10, compute x₃."),
  numeric("gradient-descent/directional", "A directional derivative", 2, "For f(x, y) = x² + 3y at (1, 2), compute the slope in the direction u = (3/5, 4/5)."),
  numeric("gradient-descent/max-rate", "The largest stable learning rate", 2, "Gradient descent on f(x₁, x₂) = 3x₁² + x₁x₂ + x₂²: below what learning rate does it converge from every start?"),
  numeric("gradient-descent/double-well-start", "Which valley?", 2, "On the double well f(x) = x⁴ − 4x² + x, where does gradient descent with η = 0.01 from x₀ = 0.1 end?"),
  concept("gradient-descent/euler-flow", "Euler's method converges to the flow", 5, "For f(x) = (λ/2)x², solve the gradient flow exactly and show that gradient descent with η = t/k approaches it at time t as k → ∞."),
  numeric("gradient-descent/euler-flow-gap", "Euler's gap to the flow", 2, "For f(x) = (λ/2)x² with λ = 2, x₀ = 1 and t = 1, compute the gap xₖ − x(t) between gradient descent with k = 10 steps of η = t/k and the gradient flow."),
  numeric("gradient-descent/linf-steepest", "Steepest descent in the ℓ∞ norm", 2, "For ∇f = (3, −1, 0.5), compute the smallest value of uᵀ∇f over all u with ‖u‖∞ ≤ 1."),
  numeric("gradient-descent/descent-lemma", "The best guaranteed decrease", 2, "For f with an L-Lipschitz gradient, L = 4, and ‖∇f(x)‖ = 3, compute the largest decrease of f that the descent lemma guarantees for one gradient step."),
  // 2. Choosing the learning rate
  numeric("learning-rate/ravine-limit", "The ravine's limit", 2, "What is the largest learning rate for which gradient descent converges on 0.1x₁² + 2x₂² from every start?"),
  numeric("learning-rate/optimal-steps", "How many steps?", 2, "With the best fixed rate on the ravine 0.1x₁² + 2x₂², how many steps shrink the error in every coordinate by a factor of 10³?"),
  numeric("learning-rate/backtracking-quartic", "Backtracking by hand", 2, "On f(x) = x⁴ at x = 1, backtracking along d = −f′(1) = −4 with α₀ = 1, ρ = 0.5 and c = 10⁻⁴: which step does it accept?"),
  numeric("learning-rate/random-trials", "How many random trials?", 2, "If the good learning rates fill 5% of the log-scale range [10⁻⁴, 1], how many random trials make the chance of at least one good one at least 95%?"),
  numeric("learning-rate/golden-section-cost", "Golden-section cost", 3, "How many function evaluations (the first two interior points included) does golden-section search need to shrink a bracket of length 1 below 10⁻⁶?"),
  numeric("learning-rate/newton-line-step", "One Newton step along the line", 3, "On the ravine 0.1x₁² + 2x₂² from (−5, −2) along d = −∇f = (1, 8), compute the step α of one Newton–Raphson update from α = 0."),
  numeric("learning-rate/trust-multiplier", "The multiplier of an indefinite model", 3, "A trust-region model has g = (1, 1), B = diag(1, −1) and radius Δ = 1. Find the multiplier μ with ‖(B + μI)⁻¹g‖ = 1 and B + μI positive semidefinite."),
  concept("learning-rate/log-scale", "Why not a grid of one?", 3, "Explain with the stability bound why the learning rate must be searched over several orders of magnitude; for the ravine, how does the stable range move if the function is scaled by 100?"),
  code("learning-rate/max-stable-lr", "The largest stable learning rate from the Hessian", 10, "Write `maxStableLr(H)`, the limit 2/L with L the largest eigenvalue of the Hessian H, and `contractionFactor(H, lr)`, the worst per-step factor max |1 − ηλᵢ|."),
  // 3. Learning-rate schedules
  code("schedules/step-decay", "Step decay", 5, "Write `stepDecay(lr0, d, r)`, returning the schedule t ↦ η₀·d^⌊t/r⌋ of the 1-based step t."),
  numeric("schedules/recursive-eta4", "Unroll the recursion", 2, "With η₀ = 0.1 and d = 0.5, compute η₄ of the recursive time-based decay ηₙ₊₁ = ηₙ/(1 + dn)."),
  numeric("schedules/exponential-reach", "How far can exponential decay go?", 2, "Exponential decay with η₀ = 0.1, d = 0.01 and gradients of norm at most 1: what is the largest distance the iterate can travel?"),
  numeric("schedules/noise-floor", "The floor of a constant rate", 2, "SGD on f(x) = ½x² with gradient noise σ = 1 and η = 0.1: what is E f(xₜ) once it has settled?"),
  concept("schedules/step-decay-sum", "Step decay, summed", 5, "Show that step decay η(t) = η₀·d^⌊t/r⌋ has Σ η(t) = η₀(r/(1 − d) − 1) for 0 ≤ d < 1, and say what a finite sum means for convergence."),
  // 4. Batch, stochastic and minibatch
  code("minibatch/minibatch-sgd", "Minibatch SGD by hand", 10, "Write `minibatchGradient(X, y, d, params, batch)`, the mean gradient of ½(xᵀw + b − y)² over the examples in a batch, and `sgdEpoch(X, y, d, params, lr, batchSize, order)`, one epoch of minibatch SGD over consecutive batches of `order`, updating params in place."),
  numeric("minibatch/spread-b25", "Predict the spread", 2, "Using the per-example gradient spread σ² measured at the initial weights and n = 1500, predict E‖g_B − g‖² for minibatches of B = 25 drawn without replacement."),
  numeric("minibatch/full-batch-edge", "The edge of stability", 2, "From λₘₐₓ of the housing loss's Hessian, above which learning rate does full-batch gradient descent diverge?"),
  numeric("minibatch/noise-floor", "The floor", 2, "With tr C measured at the least-squares solution, what excess loss does minibatch SGD with η = 0.05 and B = 10 settle at, by the small-η formula η·tr C/(4B)?"),
  concept("minibatch/your-machine", "Your machine", 5, "From the timing table, how many times more does an SGD epoch cost than a full-batch epoch? Name two reasons a batch of one costs more per example, and one reason the gap is larger in PyTorch on a GPU."),
  concept("minibatch/early-stopping-ridge", "Early stopping as ridge", 5, "Show that GD from w₀ = 0 on a quadratic fits the component along an eigenvector of eigenvalue λ by the factor 1 − (1 − ηλ)ᵗ after t steps, and compare with ridge regression's λ/(λ + α)."),
  // 5. Exponentially weighted averages
  code("ewa/bias-corrected", "The bias-corrected average", 5, "Write `biasCorrectedAverage(values, beta)`, returning v̂_t = v_t/(1 − β^t) for t = 1 … n, with v_t = βv_{t−1} + (1 − β)θ_t and v₀ = 0."),
  numeric("ewa/weight-age-10", "One weight", 2, "With β = 0.9, what weight does vₜ give to the value of age 10?"),
  numeric("ewa/bias-steps-099", "How long is the bias?", 2, "With β = 0.99, after how many steps is the relative bias βᵗ below 1%?"),
  numeric("ewa/noise-equivalent-window", "Matching a plain mean", 2, "Which β gives an EWA the same long-run noise variance as the plain mean of the last 20 values?"),
  // 6. Momentum
  code("momentum/momentum-step", "A momentum step in torch's convention", 10, "Write `momentumStep(x, g, state, hyper)`: v ← μv + g, x ← x − ηv, as torch.optim.SGD(momentum=μ) does."),
  numeric("momentum/stability-limit", "Stability limit", 2, "On the ravine (L = 4) with β = 0.25, what is the largest learning rate for which momentum in torch's form (v ← βv + g, x ← x − ηv) converges?"),
  numeric("momentum/weight-sum", "The total weight", 2, "With β = 0.95, what is the total weight momentum's buffer gives all past gradients?"),
  numeric("momentum/optimal-rate-kappa-100", "The optimal rate", 2, "Curvatures between μ = 1 and L = 100: what is the best rate momentum can achieve?"),
  numeric("momentum/ewa-to-torch-lr", "Converting hyperparameters", 2, "The EWA form with η′ = 0.1, β = 0.9: what lr gives the same trajectory in torch.optim.SGD(momentum=0.9)?"),
  numeric("momentum/mse-lr-conversion", "D2L's learning rate, in our units", 2, "D2L uses lr = 0.005 with PyTorch's MSELoss (ŷ − y)²; which η gives the same trajectory with the loss ½(ŷ − y)²?"),
  numeric("momentum/housing-effective-lr", "The housing run's effective step", 2, "Momentum with η = 0.01, β = 0.9 on a long-constant gradient: which plain-SGD learning rate takes the same step?"),
  // 7. Nesterov
  code("nesterov/nesterov-step", "Nesterov momentum as frameworks write it", 10, "Write `nesterovStep(x, g, state, hyper)`: v ← μv + g, x ← x − η(g + μv), as torch.optim.SGD(nesterov=True) does."),
  concept("nesterov/lookahead-equivalence", "The look-ahead in disguise", 5, "Show that the look-ahead form u ← γu + η∇f(θ − γu), θ ← θ − u and the framework form v ← μv + g, x ← x − η(g + μv) give the same iterates under x = θ − γu, v = u/η."),
  numeric("nesterov/stability-limit", "Stability", 2, "On the ravine (L = 4) with γ = 0.5, what is the largest learning rate for which Nesterov's method converges?"),
  numeric("nesterov/textbook-rate-kappa-100", "The textbook rate", 2, "With η = 1/L and γ = (√κ − 1)/(√κ + 1), what is Nesterov's rate on a quadratic with κ = 100?"),
  numeric("nesterov/recover-theta", "Back from PyTorch", 2, "PyTorch's Nesterov holds φ = 1.0 and buffer b = 2.0 with η = 0.1 and γ = 0.9: which point θ does the literal look-ahead method hold?"),
  // 8. Adagrad
  code("adagrad/adagrad-step", "Adagrad's step", 10, "Write `adagradStep(x, g, state, hyper)`: s ← s + g², x ← x − ηg/(√s + ε), compared with the library's adagrad on random problems."),
  numeric("adagrad/first-step", "Adagrad's first step", 2, "Adagrad with η = 0.4 on the ravine from (−5, −2): what is x₁ after the first step?"),
  numeric("adagrad/long-walk", "The long walk", 2, "Under a constant gradient of magnitude 1, how many Adagrad steps with η = 0.5 travel a distance of 20?"),
  numeric("adagrad/eps-inside", "ε inside", 2, "With ε = 10⁻⁶ inside the root, for which first gradients |g₁| is the first step smaller than η/2?"),
  // 9. RMSprop and Adadelta
  code("rmsprop-adadelta/rmsprop-step", "RMSprop's step", 10, "Write `rmspropStep(x, g, state, hyper)`: v ← αv + (1 − α)g², x ← x − ηg/(√v + ε), as torch.optim.RMSprop does."),
  code("rmsprop-adadelta/adadelta-step", "Adadelta's step", 10, "Write `adadeltaStep(x, g, state, hyper)`: v ← ρv + (1 − ρ)g², Δ = √(u + ε)/√(v + ε)·g, u ← ρu + (1 − ρ)Δ², x ← x − lr·Δ, as torch.optim.Adadelta does."),
  numeric("rmsprop-adadelta/weight", "Weights", 2, "With γ = 0.9, what weight does RMSprop's E[g²]ₜ give to the squared gradient of five steps earlier?"),
  numeric("rmsprop-adadelta/first-step", "RMSprop's first step", 2, "With γ = 0.9, η = 0.001 and ε negligible, how long is RMSprop's first step in a coordinate whose first gradient is 5?"),
  numeric("rmsprop-adadelta/adadelta-first", "Adadelta's first step", 2, "With ρ = 0.9 and ε = 10⁻⁶, what is |Δθ₁| for g₁ = 1?"),
  // 10. Adam
  code("adam/adam-step", "Adam's step with bias correction", 15, "Write `adamStep(x, g, state, hyper)`: Adam's moments m and v, their bias corrections m̂ = m/(1 − β₁ᵗ) and v̂ = v/(1 − β₂ᵗ), and the step x ← x − ηm̂/(√v̂ + ε), compared with the library's adam."),
  code("adam/nadam-step", "Nadam's step", 15, "Write `nadamStep(x, g, state, hyper)`: torch.optim.NAdam's step (torch ≥ 2.0) with the momentum schedule μ_t = β₁(1 − ½·0.96^(tψ)), its running product Π_t, and the look-ahead term η·μ_{t+1}/(1 − Π_t·μ_{t+1})·m/d."),
  numeric("adam/uncorrected-first-step", "The first uncorrected step", 2, "With β₁ = 0.9, β₂ = 0.999 and ε negligible, what is the ratio of the first step of Adam without bias correction to η?"),
  numeric("adam/adamax-u", "AdaMax's memory", 2, "AdaMax with β₂ = 0.999 sees |g₁| = 3, then |g₂| = 1. What is u₂?"),
  numeric("adam/m3", "Bias with a constant gradient", 2, "Every gradient equals 1 and β₁ = 0.9: what is the uncorrected m₃?"),
  numeric("adam/reddi-period", "Reddi's period", 2, "In fₜ(x) = 1010x (t mod 101 = 1), −10x otherwise, what is the sum of the gradients over one period?"),
  numeric("adam/reddi-drift", "Adam's drift on Reddi's problem", 3, "Adam with β₁ = 0, β₂ = 10⁻⁴, η = 0.1 on the period-3 problem (gradients 1010, −10, −10) from x = 0: where is x after the first period (three steps)?"),
  numeric("adam/terminal-speed", "Terminal speeds", 2, "On a slope with constant gradient 0.1, what is the terminal speed of torch-style momentum with η = 0.05 and μ = 0.9?"),
  concept("adam/why-bias-correction", "Why correct the bias?", 5, "Without bias correction and with β₂ = 0.999, how large is Adam's first step relative to η, and why? Show that with the correction the first step is η·sign(g) for ε → 0."),
  // 11. The arena
  numeric("arena/saddle-gd-escape", "Escaping the saddle by hand", 2, "Gradient descent with η = 0.1 starts at (−1, 10⁻³) on x² − y²: after how many steps is |y| ≥ 1 for the first time?"),
  numeric("arena/adam-first-step", "Adam's first step", 2, "Adam with η = 0.03, β₁ = 0.9, β₂ = 0.999, ε = 10⁻⁸ starts at (−1, 10⁻³) on the saddle: how far does its first step move y?"),
  numeric("arena/ravine-edge", "The edge of stability", 2, "For gradient descent on 0.1x² + 2y², what is the largest learning rate for which it converges from every start?"),
  // 12. Choosing an optimizer
  numeric("choosing/adam-grid-top", "Grid arithmetic", 2, "The grid is η₀·(√10)ᵏ for k = −5 … 5: for Adam (η₀ = 10⁻³), what is the largest learning rate tried?"),
  numeric("choosing/uncorrected-first-step", "The first uncorrected step", 2, "Adam without bias correction, β₁ = 0.9, β₂ = 0.99, ε → 0: what is the ratio of its first step to η, the size of Adam's first step?"),
  // 13. More strategies
  numeric("strategies/noise-sigma", "Noise schedule", 2, "With η = 0.3 and γ = 0.55, what is the standard deviation σₜ of the gradient noise at step t = 1000?"),
  numeric("strategies/patience-stop", "Patience", 2, "A validation curve reads 0.60, 0.52, 0.49, 0.50, 0.48, 0.485, 0.49, 0.50, 0.51: with patience 2 and δ = 0, at which epoch (epochs numbered from 1) does training stop?"),
  code("strategies/patience-rule", "The patience rule", 5, "Write `patienceStop(validation, patience, minDelta)`: the epoch where early stopping with patience p and minimum improvement δ halts, and the epoch it restores (1-based; stopEpoch null if patience never runs out)."),
  code("strategies/gradient-noise", "Annealed gradient noise", 10, "Write `noiseStd(eta, gamma, t)`, σ_t = √(η/(1 + t)^γ), and `gradientNoise(eta, gamma, seed)`, returning a function that adds σ_t·ξ (ξ standard normal from the seeded `random(seed)`) to the gradient on its t-th call, as the library's withGradientNoise."),
  code("strategies/batchnorm-forward", "Batch norm's forward pass, train and eval", 10, "Write `batchNormTrain(…)`: normalize each unit with its batch's mean and biased variance, scale by γ, shift by β, and update the running averages with momentum ρ and the unbiased variance, as torch.nn.BatchNorm1d; and `batchNormEval(…)`, which normalizes with the running averages."),
  concept("strategies/bn-invariance", "Batch norm's invariance", 5, "Show that BN(cz) = BN(z) for c > 0 (ignoring ε), and deduce that the gradient with respect to W at cW is 1/c times the gradient at W for a layer z = Wx followed by batch norm."),
  concept("strategies/sorted-bias", "The sorted order's bias", 3, "With the label-sorted order (negatives first), predict the sign of the bias at the end of an epoch and check it with the page's cells."),
  concept("strategies/noise-vs-batch", "Noise versus batch size", 3, "If the minibatch noise was half of the total gradient noise, by what factor must the added noise variance grow to keep the total the same when the batch size doubles?"),
  // 14. Parallel and distributed SGD
  numeric("parallel/slowest-of-four", "The slowest of four", 2, "With exponential gradient times of mean 1, what is the expected round time of synchronous SGD with P = 4 workers?"),
  code("parallel/hogwild-step", "One Hogwild! step", 10, "Write `readCoordinates(x, cols)`, `sparseGradient(read, vals, b)` and `writeUpdate(x, cols, g, lr)`: a lock-free worker's read of the k parameters its sparse example touches, the least-squares gradient at what it read, and its in-place write x[cols[m]] −= lr·g[m] into the shared parameters."),
  numeric("parallel/constant-staleness", "Staleness of Hogwild!", 2, "With P = 8 workers of constant gradient time 1 starting at staggered times, how many updates land between a worker's read and its write?"),
]);

export function exerciseById(id: string): ExerciseInfo | undefined {
  return EXERCISES.find((e) => e.id === id);
}

/** The exercises of the given chapters (all when none is given), in course order. */
export function exercisesOf(chapters?: readonly string[]): ExerciseInfo[] {
  return EXERCISES.filter((e) => !chapters || chapters.length === 0 || chapters.includes(e.chapter));
}
