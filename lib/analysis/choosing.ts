/**
 * Numerics for the "Choosing an optimizer" chapter: the evolutionary map of the
 * optimizers (which method adds what to which), and Adam without its bias
 * corrections, to measure what the corrections buy.
 */
import type { OptimizerName } from "../optimizers/registry.js";
import type { Optimizer, OptimizerState } from "../types.js";
import { rejectUnknownKeys, requireInRange } from "../validate.js";

/** A node of the map: an optimizer of the registry, its year and its place in the drawing. */
export interface LineageNode {
  readonly name: OptimizerName;
  readonly label: string;
  readonly year: number;
  /** Generation (0 = plain gradient steps) and lane, for the drawing. */
  readonly generation: number;
  readonly lane: number;
}

/** An edge: `to` is `from` plus `adds`. */
export interface LineageEdge {
  readonly from: OptimizerName;
  readonly to: OptimizerName;
  /** What the child adds, in a few words. */
  readonly adds: string;
}

export const LINEAGE_NODES: readonly LineageNode[] = [
  { name: "sgd", label: "SGD", year: 1951, generation: 0, lane: 1 },
  { name: "rprop", label: "Rprop", year: 1993, generation: 0, lane: 3 },
  { name: "momentum", label: "Momentum", year: 1964, generation: 1, lane: 0 },
  { name: "adagrad", label: "Adagrad", year: 2011, generation: 1, lane: 2 },
  { name: "nesterov", label: "Nesterov", year: 1983, generation: 2, lane: 0 },
  { name: "rmsprop", label: "RMSprop", year: 2012, generation: 2, lane: 2.5 },
  { name: "adadelta", label: "Adadelta", year: 2012, generation: 2, lane: 4 },
  { name: "adam", label: "Adam", year: 2014, generation: 3, lane: 2 },
  { name: "nadam", label: "NAdam", year: 2016, generation: 4, lane: 0 },
  { name: "adamax", label: "AdaMax", year: 2014, generation: 4, lane: 1.33 },
  { name: "amsgrad", label: "AMSGrad", year: 2018, generation: 4, lane: 2.67 },
  { name: "adamw", label: "AdamW", year: 2017, generation: 4, lane: 4 },
];

export const LINEAGE_EDGES: readonly LineageEdge[] = [
  { from: "sgd", to: "momentum", adds: "a velocity: a leaky sum of past gradients" },
  { from: "momentum", to: "nesterov", adds: "the gradient at the look-ahead point" },
  { from: "sgd", to: "adagrad", adds: "per-coordinate steps η/√(Σ g²)" },
  { from: "adagrad", to: "rmsprop", adds: "a leaky average of g² instead of the sum" },
  { from: "rprop", to: "rmsprop", adds: "dividing by a running RMS makes sign-like steps work on minibatches" },
  { from: "adagrad", to: "adadelta", adds: "a leaky average of g², and the RMS of past updates as numerator (no η)" },
  { from: "rmsprop", to: "adam", adds: "a first moment (momentum) and bias correction of both averages" },
  { from: "momentum", to: "adam", adds: "the first moment m, an average of gradients" },
  { from: "adam", to: "adamax", adds: "the ∞-norm max(β₂u, |g|) instead of √v" },
  { from: "adam", to: "nadam", adds: "Nesterov's look-ahead on the first moment" },
  { from: "nesterov", to: "nadam", adds: "the look-ahead" },
  { from: "adam", to: "amsgrad", adds: "a running maximum of v (in Reddi's uncorrected form, steps never grow)" },
  { from: "adam", to: "adamw", adds: "weight decay applied to θ, outside the adaptive step" },
];

/** The ancestors of `name` on the map (itself included), nearest first. */
export function ancestors(name: OptimizerName): OptimizerName[] {
  const out: OptimizerName[] = [name];
  for (let i = 0; i < out.length; ++i) {
    for (const e of LINEAGE_EDGES) if (e.to === out[i] && !out.includes(e.from)) out.push(e.from);
  }
  return out;
}

/** The edges on the paths from the roots to `name`. */
export function ancestorEdges(name: OptimizerName): LineageEdge[] {
  const set = new Set(ancestors(name));
  return LINEAGE_EDGES.filter((e) => set.has(e.to) && set.has(e.from));
}

export interface AdamNoBiasHyper {
  readonly lr: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly eps: number;
}

export interface AdamNoBiasState extends OptimizerState {
  readonly m: Float64Array;
  readonly v: Float64Array;
}

/**
 * Adam without the bias corrections (Kingma & Ba §3 and §6.4 call it the
 * uncorrected form; it is RMSprop with an EWA of the gradient on top):
 *
 * $$m_t = \beta_1 m_{t-1} + (1-\beta_1) g_t,\quad v_t = \beta_2 v_{t-1} + (1-\beta_2) g_t^2,\quad
 *   \theta_t = \theta_{t-1} - \eta\, \frac{m_t}{\sqrt{v_t} + \varepsilon}$$
 *
 * Its first step is (1 − β₁)/√(1 − β₂) times Adam's (about 3.16 at the defaults).
 */
export function adamNoBiasCorrection(options: Partial<AdamNoBiasHyper> = {}): Optimizer<AdamNoBiasState, AdamNoBiasHyper> {
  rejectUnknownKeys("adamNoBiasCorrection", options, ["lr", "beta1", "beta2", "eps"]);
  const hyper: AdamNoBiasHyper = Object.freeze({
    lr: requireInRange("adamNoBiasCorrection", "lr", options.lr ?? 1e-3, 0, Infinity),
    beta1: requireInRange("adamNoBiasCorrection", "beta1", options.beta1 ?? 0.9, 0, 1, { hiOpen: true }),
    beta2: requireInRange("adamNoBiasCorrection", "beta2", options.beta2 ?? 0.999, 0, 1, { hiOpen: true }),
    eps: requireInRange("adamNoBiasCorrection", "eps", options.eps ?? 1e-8, 0, Infinity, { loOpen: true }),
  });
  return {
    name: "adamNoBiasCorrection",
    hyper,
    init(dim: number): AdamNoBiasState {
      return { t: 0, dim, m: new Float64Array(dim), v: new Float64Array(dim) };
    },
    step(params, grad, state) {
      if (params.length !== state.dim || grad.length !== state.dim) {
        throw new RangeError(`adamNoBiasCorrection: params (${params.length}), grad (${grad.length}) and state (${state.dim}) must have the same length`);
      }
      const { lr, beta1, beta2, eps } = hyper;
      const { m, v } = state;
      for (let i = 0; i < params.length; ++i) {
        m[i] = beta1 * m[i] + (1 - beta1) * grad[i];
        v[i] = beta2 * v[i] + (1 - beta2) * grad[i] * grad[i];
        params[i] -= (lr * m[i]) / (Math.sqrt(v[i]) + eps);
      }
      state.t++;
    },
    with(changes) {
      return adamNoBiasCorrection({ ...hyper, ...changes });
    },
  };
}
