/**
 * The contracts every part of Descent shares: pages, components, tests,
 * exercises and a student's own code all speak these types.
 */

/** A learning-rate schedule: the learning rate at the 1-based step `t`. */
export type Schedule = (t: number) => number;

/** A learning rate is a constant or a schedule of the step. */
export type LearningRate = number | Schedule;

/**
 * The state of an optimizer: explicit data returned by `init` and passed to
 * `step`, never hidden in a closure. `t` counts the steps taken so far (it is 1
 * during the first step), `dim` is the number of parameters; an optimizer adds
 * its own named Float64Array buffers (`momentumBuffer`, `expAvg`, ...).
 */
export interface OptimizerState {
  t: number;
  readonly dim: number;
}

/**
 * An optimizer: validated hyperparameters plus a pure update rule.
 *
 * `step` updates `params` in place from `grad`, advances `state.t` and
 * allocates nothing. Code that runs a reader's step may see it overwrite
 * `grad` (to add weight decay in place, say), so `minimize` (lib/run.ts),
 * the playground's sparse race (lib/analysis/sparse-race.ts) and the
 * contender cell of "Choosing an optimizer" hand `step` a copy of the
 * gradient (lib/gradient-copy.ts). `train` hands over its own buffer, which a sparse
 * model (logisticRegression) clears only where it wrote last time: an
 * optimizer run there must leave `grad` unchanged, as the library's do. It throws a RangeError when `params`, `grad` and `state`
 * disagree on the dimension.
 */
export interface Optimizer<S extends OptimizerState = OptimizerState, H extends object = Record<string, unknown>> {
  readonly name: string;
  readonly hyper: Readonly<H>;
  init(dim: number): S;
  step(params: Float64Array, grad: Float64Array, state: S): void;
  /**
   * Optional. For an optimizer that needs the gradient somewhere other than at
   * `params` (the look-ahead Nesterov needs it at θ − γu): writes that point
   * into `out` (same length as `params`, not `params` itself) and returns
   * `out`. A runner that finds this method evaluates the gradient at the
   * returned point, not at `params`, before each `step`; `step` still updates
   * `params`. Allocates nothing and does not change `state`.
   */
  gradientPoint?(params: Float64Array, state: S, out: Float64Array): Float64Array;
  /** A new optimizer of the same kind with some hyperparameters changed (validated again). */
  with(changes: Partial<H>): Optimizer<S, H>;
}

/**
 * A differentiable test function. `grad` writes the exact gradient into `out`
 * and returns it. `t`, the 1-based step, matters only for online problems whose
 * loss changes from step to step (Reddi et al.'s counterexample); others ignore it.
 */
export interface Objective {
  readonly name: string;
  readonly dim: number;
  value(x: Float64Array, t?: number): number;
  grad(x: Float64Array, out: Float64Array, t?: number): Float64Array;
  /** The exact Hessian, row-major `dim × dim`, where a page needs curvature. */
  hessian?(x: Float64Array, out: Float64Array): Float64Array;
  /** The box to draw, one [lo, hi] interval per coordinate. */
  readonly domain: ReadonlyArray<readonly [number, number]>;
  /** The known global (or, for a saddle, the stationary) points. */
  readonly minima: ReadonlyArray<ReadonlyArray<number>>;
  /** The smallest value of the function, where it is known. */
  readonly minValue?: number;
}
