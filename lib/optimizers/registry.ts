/**
 * Metadata for every optimizer and variant: what the reference page prints and
 * what the arena turns into controls. Defaults are read from the factories
 * themselves (a test checks they agree), so there is one place per optimizer
 * where a default is written.
 */
import type { Optimizer, OptimizerState } from "../types.js";
import { adadelta } from "./adadelta.js";
import { adagrad } from "./adagrad.js";
import { adagradEpsInside } from "./adagradEpsInside.js";
import { adagradNoSqrt } from "./adagradNoSqrt.js";
import { adam } from "./adam.js";
import { adamax } from "./adamax.js";
import { adamw } from "./adamw.js";
import { amsgrad } from "./amsgrad.js";
import { amsgradReddi } from "./amsgradReddi.js";
import { momentum } from "./momentum.js";
import { momentumEwa } from "./momentumEwa.js";
import { nadam } from "./nadam.js";
import { nesterov } from "./nesterov.js";
import { nesterovLookahead } from "./nesterovLookahead.js";
import { nesterovScheduled } from "./nesterovScheduled.js";
import { rmsprop } from "./rmsprop.js";
import { rprop } from "./rprop.js";
import { sgd } from "./sgd.js";

/** A hyperparameter as a control: its default, a slider range and scale, and a description. */
export interface HyperSpec {
  readonly name: string;
  /** The factory's default (for a required `lr`, the suggested starting value). */
  readonly default: number | boolean;
  /** The slider's range; validation may accept more. */
  readonly min: number;
  readonly max: number;
  readonly scale: "log" | "linear";
  readonly integer?: boolean;
  /** A true/false option (a checkbox); min 0, max 1. */
  readonly boolean?: boolean;
  /** The factory has no default: the value must be passed (torch's `required`). */
  readonly required?: boolean;
  readonly description: string;
}

export interface OptimizerInfo {
  /** The factory's name and the optimizer's `name`. */
  readonly name: OptimizerName;
  readonly title: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly factory: (options?: any) => Optimizer<OptimizerState, any>;
  readonly hyper: readonly HyperSpec[];
  /** The update rule, KaTeX source (display math, may use `aligned`). */
  readonly rule: string;
  /** The torch.optim equivalent, or how to get it. */
  readonly torch: string;
  readonly paper: { readonly title: string; readonly url: string };
  /** Convention notes: ε placement, momentum scaling, bias correction. */
  readonly notes: string;
  /** For a textbook variant, the framework optimizer it is compared with. */
  readonly variantOf?: OptimizerName;
}

export type OptimizerName =
  | "sgd" | "momentum" | "nesterov" | "adagrad" | "rmsprop" | "adadelta" | "adam" | "amsgrad" | "adamw" | "adamax" | "nadam"
  | "momentumEwa" | "nesterovLookahead" | "nesterovScheduled" | "adagradEpsInside" | "adagradNoSqrt" | "amsgradReddi" | "rprop";

type Spec = Omit<HyperSpec, "default" | "required">;

/** Fills each spec's default from `factory(required).hyper`; the keys in `required` are marked required. */
function hyperOf(factory: OptimizerInfo["factory"], required: Record<string, number>, specs: Spec[]): HyperSpec[] {
  const defaults = factory(required).hyper as Record<string, number | boolean>;
  return specs.map((s) => ({ ...s, default: defaults[s.name]!, ...(s.name in required ? { required: true } : {}) }));
}

const lr = (min: number, max: number, description = "learning rate η"): Spec => ({ name: "lr", min, max, scale: "log", description });
const eps = (description = "ε, added outside the square root"): Spec => ({ name: "eps", min: 1e-12, max: 1e-2, scale: "log", description });
const beta1: Spec = { name: "beta1", min: 0, max: 0.999, scale: "linear", description: "β₁, decay of the first moment" };
const beta2: Spec = { name: "beta2", min: 0.9, max: 0.9999, scale: "linear", description: "β₂, decay of the second moment" };
const mom = (description = "momentum μ"): Spec => ({ name: "momentum", min: 0, max: 0.99, scale: "linear", description });

const kingma = { title: "Kingma & Ba, Adam: A Method for Stochastic Optimization (ICLR 2015)", url: "https://arxiv.org/abs/1412.6980" };
const duchi = { title: "Duchi, Hazan & Singer, Adaptive Subgradient Methods (JMLR 2011)", url: "https://jmlr.org/papers/v12/duchi11a.html" };
const sutskever = { title: "Sutskever, Martens, Dahl & Hinton, On the importance of initialization and momentum in deep learning (ICML 2013)", url: "https://proceedings.mlr.press/v28/sutskever13.html" };
const reddi = { title: "Reddi, Kale & Kumar, On the Convergence of Adam and Beyond (ICLR 2018)", url: "https://openreview.net/forum?id=ryQu7f-RZ" };
const nesterov1983 = { title: "Nesterov, A method of solving a convex programming problem with convergence rate O(1/k²) (1983), as analysed by Su, Boyd & Candès (JMLR 2016)", url: "https://jmlr.org/papers/v17/15-084.html" };
const polyak = { title: "Polyak, Some methods of speeding up the convergence of iteration methods (1964)", url: "https://doi.org/10.1016/0041-5553(64)90137-5" };

const adamRule = String.raw`\begin{aligned}
m_t &= \beta_1 m_{t-1} + (1-\beta_1)\, g_t\\
v_t &= \beta_2 v_{t-1} + (1-\beta_2)\, g_t^2\\
\theta_t &= \theta_{t-1} - \frac{\eta}{1-\beta_1^t}\,\frac{m_t}{\sqrt{v_t}/\sqrt{1-\beta_2^t} + \varepsilon}
\end{aligned}`;

/** Every optimizer and variant, framework forms first. */
export const optimizers: readonly OptimizerInfo[] = Object.freeze([
  {
    name: "sgd",
    title: "Gradient descent",
    factory: sgd,
    hyper: hyperOf(sgd, { lr: 0.01 }, [lr(1e-5, 10)]),
    rule: String.raw`\theta_t = \theta_{t-1} - \eta\, g_t`,
    torch: "torch.optim.SGD(params, lr)",
    paper: { title: "Robbins & Monro, A Stochastic Approximation Method (1951)", url: "https://doi.org/10.1214/aoms/1177729586" },
    notes: "lr is required, as it was in torch before PyTorch 2.2 (which defaults it to 0.001); Descent keeps it required so no run uses a learning rate nobody chose.",
  },
  {
    name: "momentum",
    title: "Momentum",
    factory: momentum,
    hyper: hyperOf(momentum, { lr: 0.01 }, [lr(1e-5, 10), mom(), { name: "dampening", min: 0, max: 1, scale: "linear", description: "dampening τ: the gradient enters the buffer times 1 − τ (not at step 1)" }]),
    rule: String.raw`\begin{aligned}
v_1 &= g_1,\quad v_t = \mu v_{t-1} + (1-\tau)\, g_t\\
\theta_t &= \theta_{t-1} - \eta\, v_t
\end{aligned}`,
    torch: "torch.optim.SGD(params, lr, momentum, dampening)",
    paper: polyak,
    notes: "The buffer sums gradients without the (1 − β) of an average, and the first step copies g undamped (torch). momentum = 0 is exactly sgd. The EWA form is momentumEwa, equal to this with lr × (1 − β).",
  },
  {
    name: "nesterov",
    title: "Nesterov momentum",
    factory: nesterov,
    hyper: hyperOf(nesterov, { lr: 0.01 }, [lr(1e-5, 10), mom()]),
    rule: String.raw`\begin{aligned}
v_t &= \mu v_{t-1} + g_t\\
\theta_t &= \theta_{t-1} - \eta\,(g_t + \mu v_t)
\end{aligned}`,
    torch: "torch.optim.SGD(params, lr, momentum, nesterov=True)",
    paper: sutskever,
    notes: "The look-ahead form after the change of variables φ = θ − γu, v = u/η: the parameters are the look-ahead points, so the gradient is taken at the parameters.",
  },
  {
    name: "adagrad",
    title: "Adagrad",
    factory: adagrad,
    hyper: hyperOf(adagrad, {}, [
      lr(1e-4, 10),
      { name: "lrDecay", min: 0, max: 1, scale: "linear", description: "λ: the learning rate is η / (1 + (t − 1)λ)" },
      eps(),
      { name: "initialAccumulatorValue", min: 0, max: 1, scale: "linear", description: "s₀, the starting sum of squares" },
    ]),
    rule: String.raw`\begin{aligned}
s_t &= s_{t-1} + g_t^2\\
\theta_t &= \theta_{t-1} - \frac{\eta}{1 + (t-1)\lambda}\,\frac{g_t}{\sqrt{s_t} + \varepsilon}
\end{aligned}`,
    torch: "torch.optim.Adagrad(params, lr, lr_decay, eps=eps, initial_accumulator_value)",
    paper: duchi,
    notes: "ε outside the square root (torch). The D2L form with ε inside is adagradEpsInside; the relative difference per step is at most max(ε/√s, ε/(2s)).",
  },
  {
    name: "rmsprop",
    title: "RMSprop",
    factory: rmsprop,
    hyper: hyperOf(rmsprop, {}, [
      lr(1e-5, 1),
      { name: "alpha", min: 0, max: 0.999, scale: "linear", description: "α, decay of the squared-gradient average" },
      eps(),
      mom("momentum μ on the normalized step"),
      { name: "centered", min: 0, max: 1, scale: "linear", boolean: true, description: "divide by the standard deviation √(v − ḡ²) instead of √v" },
    ]),
    rule: String.raw`\begin{aligned}
v_t &= \alpha v_{t-1} + (1-\alpha)\, g_t^2\\
d_t &= \sqrt{v_t} + \varepsilon \quad\big(\text{centered: } \sqrt{v_t - \bar g_t^2} + \varepsilon,\ \bar g_t = \alpha \bar g_{t-1} + (1-\alpha) g_t\big)\\
b_t &= \mu b_{t-1} + g_t / d_t\\
\theta_t &= \theta_{t-1} - \eta\, b_t \quad(\mu = 0:\ \theta_t = \theta_{t-1} - \eta\, g_t/d_t)
\end{aligned}`,
    torch: "torch.optim.RMSprop(params, lr, alpha, eps, momentum=momentum, centered=centered)",
    paper: { title: "Tieleman & Hinton, Lecture 6.5 — RMSProp (Coursera, 2012)", url: "https://www.cs.toronto.edu/~tijmen/csc321/slides/lecture_slides_lec6.pdf" },
    notes: "ε outside the square root; no bias correction, so the first step is about η/√(1 − α).",
  },
  {
    name: "adadelta",
    title: "Adadelta",
    factory: adadelta,
    hyper: hyperOf(adadelta, {}, [
      lr(1e-3, 10, "factor η on the update (1 in the paper)"),
      { name: "rho", min: 0, max: 0.999, scale: "linear", description: "ρ, decay of both averages" },
      { name: "eps", min: 1e-10, max: 1e-2, scale: "log", description: "ε, inside both square roots" },
    ]),
    rule: String.raw`\begin{aligned}
v_t &= \rho v_{t-1} + (1-\rho)\, g_t^2\\
\Delta_t &= \frac{\sqrt{u_{t-1} + \varepsilon}}{\sqrt{v_t + \varepsilon}}\, g_t\\
u_t &= \rho u_{t-1} + (1-\rho)\, \Delta_t^2\\
\theta_t &= \theta_{t-1} - \eta\, \Delta_t
\end{aligned}`,
    torch: "torch.optim.Adadelta(params, lr, rho, eps)",
    paper: { title: "Zeiler, ADADELTA: An Adaptive Learning Rate Method (2012)", url: "https://arxiv.org/abs/1212.5701" },
    notes: "ε inside both roots: it is what lets the first step move at all.",
  },
  {
    name: "adam",
    title: "Adam",
    factory: adam,
    hyper: hyperOf(adam, {}, [lr(1e-5, 1), beta1, beta2, eps()]),
    rule: adamRule,
    torch: "torch.optim.Adam(params, lr, betas=(beta1, beta2), eps)",
    paper: kingma,
    notes: "ε outside the root, after the bias correction of v (Algorithm 1, as torch and optax). beta1 = 0 gives RMSprop with bias-corrected v.",
  },
  {
    name: "amsgrad",
    title: "AMSGrad (torch form)",
    factory: amsgrad,
    hyper: hyperOf(amsgrad, {}, [lr(1e-5, 1), beta1, beta2, eps()]),
    rule: String.raw`\begin{aligned}
m_t &= \beta_1 m_{t-1} + (1-\beta_1)\, g_t\\
v_t &= \beta_2 v_{t-1} + (1-\beta_2)\, g_t^2\\
v^{\max}_t &= \max(v^{\max}_{t-1}, v_t)\\
\theta_t &= \theta_{t-1} - \frac{\eta}{1-\beta_1^t}\,\frac{m_t}{\sqrt{v^{\max}_t}/\sqrt{1-\beta_2^t} + \varepsilon}
\end{aligned}`,
    torch: "torch.optim.Adam(params, lr, betas, eps, amsgrad=True)",
    paper: reddi,
    notes: "Keeps Adam's bias corrections; the maximum is over the uncorrected v. The paper's form is amsgradReddi.",
  },
  {
    name: "adamw",
    title: "AdamW",
    factory: adamw,
    hyper: hyperOf(adamw, {}, [lr(1e-5, 1), beta1, beta2, eps(), { name: "weightDecay", min: 0, max: 1, scale: "linear", description: "λ, decoupled weight decay (times η)" }]),
    rule: String.raw`\begin{aligned}
\theta' &= \theta_{t-1}(1 - \eta\lambda)\\
\theta_t &= \theta' - \frac{\eta}{1-\beta_1^t}\,\frac{m_t}{\sqrt{v_t}/\sqrt{1-\beta_2^t} + \varepsilon}
\end{aligned}`,
    torch: "torch.optim.AdamW(params, lr, betas, eps, weight_decay)",
    paper: { title: "Loshchilov & Hutter, Decoupled Weight Decay Regularization (ICLR 2019)", url: "https://arxiv.org/abs/1711.05101" },
    notes: "Decay multiplied by η (torch) and applied before the Adam step; it never enters m or v.",
  },
  {
    name: "adamax",
    title: "AdaMax",
    factory: adamax,
    hyper: hyperOf(adamax, {}, [lr(1e-5, 1), beta1, { ...beta2, description: "β₂, decay of the infinity norm" }, eps("ε, added to |g| inside the max")]),
    rule: String.raw`\begin{aligned}
m_t &= \beta_1 m_{t-1} + (1-\beta_1)\, g_t\\
u_t &= \max(\beta_2 u_{t-1},\ |g_t| + \varepsilon)\\
\theta_t &= \theta_{t-1} - \frac{\eta}{1-\beta_1^t}\,\frac{m_t}{u_t}
\end{aligned}`,
    torch: "torch.optim.Adamax(params, lr, betas, eps)",
    paper: kingma,
    notes: "torch adds ε to |g| inside the max (the paper has no ε); u needs no bias correction.",
  },
  {
    name: "nadam",
    title: "NAdam",
    factory: nadam,
    hyper: hyperOf(nadam, {}, [lr(1e-5, 1), beta1, beta2, eps(), { name: "momentumDecay", min: 0, max: 0.1, scale: "linear", description: "ψ in μ_t = β₁(1 − ½·0.96^{tψ})" }]),
    rule: String.raw`\begin{aligned}
\mu_t &= \beta_1\big(1 - \tfrac12\, 0.96^{t\psi}\big),\quad \Pi_t = \textstyle\prod_{i \le t} \mu_i\\
d_t &= \sqrt{v_t/(1-\beta_2^t)} + \varepsilon\\
\theta_t &= \theta_{t-1} - \eta\,\frac{1-\mu_t}{1-\Pi_t}\,\frac{g_t}{d_t} - \eta\,\frac{\mu_{t+1}}{1-\Pi_t\mu_{t+1}}\,\frac{m_t}{d_t}
\end{aligned}`,
    torch: "torch.optim.NAdam(params, lr, betas, eps, momentum_decay) (torch ≥ 2.0)",
    paper: { title: "Dozat, Incorporating Nesterov Momentum into Adam (ICLR 2016 workshop)", url: "https://openreview.net/forum?id=OM0jvwB8jIp57ZJjtNEZ" },
    notes: "Follows the torch ≥ 2.0 rule Π_t·μ_{t+1}; torch 1.x multiplied by μ_t once more (pytorch/pytorch#92699).",
  },
  {
    name: "momentumEwa",
    title: "Momentum (EWA form)",
    factory: momentumEwa,
    hyper: hyperOf(momentumEwa, { lr: 0.1 }, [lr(1e-5, 10), { name: "beta", min: 0, max: 0.99, scale: "linear", description: "β, weight of the past in the average" }]),
    rule: String.raw`\begin{aligned}
v_t &= \beta v_{t-1} + (1-\beta)\, g_t\\
\theta_t &= \theta_{t-1} - \eta\, v_t
\end{aligned}`,
    torch: "torch.optim.SGD(params, lr=lr * (1 - beta), momentum=beta)",
    paper: polyak,
    notes: "Equals momentum with dampening 0 and lr × (1 − β), exactly. Not torch's dampening = β, whose buffer exceeds this one by β^t g₁.",
    variantOf: "momentum",
  },
  {
    name: "nesterovLookahead",
    title: "Nesterov (look-ahead form)",
    factory: nesterovLookahead,
    hyper: hyperOf(nesterovLookahead, { lr: 0.01 }, [lr(1e-5, 10), mom("momentum γ")]),
    rule: String.raw`\begin{aligned}
u_t &= \gamma u_{t-1} + \eta\, \nabla J(\theta_{t-1} - \gamma u_{t-1})\\
\theta_t &= \theta_{t-1} - u_t
\end{aligned}`,
    torch: "torch.optim.SGD(params, lr, momentum, nesterov=True), whose parameters are θ − γu and whose buffer is u/η",
    paper: sutskever,
    notes: "Needs the gradient at the look-ahead point: gradientPoint(params, state, out) writes θ − γu.",
    variantOf: "nesterov",
  },
  {
    name: "nesterovScheduled",
    title: "Nesterov (momentum schedule (t − 1)/(t + 2))",
    factory: nesterovScheduled,
    hyper: hyperOf(nesterovScheduled, { lr: 0.01 }, [lr(1e-5, 10)]),
    rule: String.raw`\begin{aligned}
x_t &= y_{t-1} - \eta\, \nabla f(y_{t-1})\\
y_t &= x_t + \tfrac{t-1}{t+2}\,(x_t - x_{t-1})
\end{aligned}`,
    torch: "none; torch.optim.SGD(nesterov=True) keeps the momentum constant",
    paper: nesterov1983,
    notes: "The parameters are the points y where the gradient is taken; the state holds x_t. With η = 1/L, f(x_t) − f* ≤ 2L‖x₀ − x*‖²/(t + 1)² on every convex L-smooth f.",
    variantOf: "nesterov",
  },
  {
    name: "adagradEpsInside",
    title: "Adagrad (ε inside the root)",
    factory: adagradEpsInside,
    hyper: hyperOf(adagradEpsInside, {}, [lr(1e-4, 10), eps("ε, inside the square root")]),
    rule: String.raw`\begin{aligned}
s_t &= s_{t-1} + g_t^2\\
\theta_t &= \theta_{t-1} - \eta\,\frac{g_t}{\sqrt{s_t + \varepsilon}}
\end{aligned}`,
    torch: "none; torch.optim.Adagrad puts ε outside the root",
    paper: { title: "Zhang et al., Dive into Deep Learning §12.7 Adagrad", url: "https://d2l.ai/chapter_optimization/adagrad.html" },
    notes: "Differs from adagrad by a relative max(ε/√s, ε/(2s)) per step.",
    variantOf: "adagrad",
  },
  {
    name: "adagradNoSqrt",
    title: "Adagrad without the square root",
    factory: adagradNoSqrt,
    hyper: hyperOf(adagradNoSqrt, {}, [lr(1e-4, 100), eps("ε, added to the sum")]),
    rule: String.raw`\begin{aligned}
s_t &= s_{t-1} + g_t^2\\
\theta_t &= \theta_{t-1} - \eta\,\frac{g_t}{s_t + \varepsilon}
\end{aligned}`,
    torch: "none",
    paper: duchi,
    notes: "Not scale-invariant: the step has units 1/g and decays like 1/t under a constant gradient.",
    variantOf: "adagrad",
  },
  {
    name: "amsgradReddi",
    title: "AMSGrad (paper form)",
    factory: amsgradReddi,
    hyper: hyperOf(amsgradReddi, {}, [lr(1e-5, 1), beta1, beta2, eps()]),
    rule: String.raw`\begin{aligned}
m_t &= \beta_1 m_{t-1} + (1-\beta_1)\, g_t\\
v_t &= \beta_2 v_{t-1} + (1-\beta_2)\, g_t^2\\
\hat v_t &= \max(\hat v_{t-1}, v_t)\\
\theta_t &= \theta_{t-1} - \eta\,\frac{m_t}{\sqrt{\hat v_t} + \varepsilon}
\end{aligned}`,
    torch: "none; torch.optim.Adam(amsgrad=True) keeps the bias corrections",
    paper: reddi,
    notes: "No bias correction (Algorithm 2); ε only guards against 0/0.",
    variantOf: "amsgrad",
  },
  {
    name: "rprop",
    title: "Rprop",
    factory: rprop,
    hyper: hyperOf(rprop, {}, [
      { name: "lr", min: 1e-5, max: 1, scale: "log", description: "initial step size δ₀" },
      { name: "etaMinus", min: 0.01, max: 0.99, scale: "linear", description: "η⁻, shrink factor on a sign flip" },
      { name: "etaPlus", min: 1.01, max: 2, scale: "linear", description: "η⁺, growth factor while the sign holds" },
      { name: "stepMin", min: 1e-9, max: 1e-2, scale: "log", description: "δ_min, smallest step size" },
      { name: "stepMax", min: 1e-2, max: 100, scale: "log", description: "δ_max, largest step size" },
    ]),
    rule: String.raw`\begin{aligned}
\delta_t &= \operatorname{clip}\big(\delta_{t-1}\cdot\{\eta^+ \text{ if } g_t g_{t-1} > 0;\ \eta^- \text{ if } < 0;\ 1\},\ \delta_{\min}, \delta_{\max}\big)\\
g_t &\leftarrow 0 \text{ where } g_t g_{t-1} < 0\\
\theta_t &= \theta_{t-1} - \operatorname{sign}(g_t)\,\delta_t
\end{aligned}`,
    torch: "torch.optim.Rprop(params, lr, etas=(etaMinus, etaPlus), step_sizes=(stepMin, stepMax))",
    paper: { title: "Riedmiller & Braun, A direct adaptive method for faster backpropagation learning: the RPROP algorithm (1993)", url: "https://doi.org/10.1109/ICNN.1993.298623" },
    notes: "Sign-based, for full-batch gradients; lr only sets the initial step sizes.",
  },
]);

/** The registry entry for `name`; a TypeError listing the names if there is none. */
export function optimizerInfo(name: string): OptimizerInfo {
  const info = optimizers.find((o) => o.name === name);
  if (!info) throw new TypeError(`optimizerInfo: unknown optimizer ${JSON.stringify(name)}; known optimizers are ${optimizers.map((o) => o.name).join(", ")}`);
  return info;
}
