/**
 * The common interface of the models that `train` fits: a parameter vector of
 * length `dim`, a mean loss over a set of examples and its gradient.
 *
 * A batch is given as indices into the dataset, `indices[start..end)`, so the
 * training loop passes slices of one shuffled order without copying anything;
 * `grad` writes into a caller-owned `out` and uses scratch buffers allocated
 * once per model, so a step allocates nothing.
 */
import type { Dataset } from "../datasets.js";
import type { Random } from "../random.js";

export interface Model<D extends Dataset = Dataset> {
  readonly name: string;
  /** The number of parameters. */
  readonly dim: number;
  /** Fresh parameters drawn with `rng` (the model's usual initialization). */
  init(rng: Random): Float64Array;
  /**
   * The mean loss over the examples `indices[start..end)` (all examples when
   * `indices` is omitted).
   */
  loss(params: Float64Array, data: D, indices?: ArrayLike<number>, start?: number, end?: number): number;
  /**
   * Writes into `out` the gradient of the mean loss over `indices[start..end)`
   * (default: the whole `indices`) and returns that mean loss, computed on the
   * way at no extra cost (it is the loss *before* the step).
   */
  grad(params: Float64Array, data: D, indices: ArrayLike<number>, out: Float64Array, start?: number, end?: number): number;
  /**
   * Models with buffers besides their parameters (batch norm's running
   * averages, kept per parameter vector) copy them from `from` to `to`, a
   * copy of the parameters; `train` calls it when it keeps a copy.
   */
  copyBuffers?(from: Float64Array, to: Float64Array): void;
}

/** A model that predicts a class, with its accuracy. */
export interface Classifier<D extends Dataset = Dataset> extends Model<D> {
  /** The fraction of the examples `indices` (default: all) whose class is predicted correctly. */
  accuracy(params: Float64Array, data: D, indices?: ArrayLike<number>): number;
}

/** Checks the shared arguments of `loss` and `grad`; returns the resolved [start, end). */
export function checkBatch(
  owner: string,
  dim: number,
  params: Float64Array,
  n: number,
  indices: ArrayLike<number> | undefined,
  start: number | undefined,
  end: number | undefined
): [number, number] {
  if (params.length !== dim) throw new RangeError(`${owner}: params has length ${params.length}, expected dim = ${dim}`);
  const length = indices ? indices.length : n;
  const a = start ?? 0;
  const b = end ?? length;
  if (!(Number.isInteger(a) && Number.isInteger(b) && 0 <= a && a <= b && b <= length)) {
    throw new RangeError(`${owner}: batch range [${a}, ${b}) must lie in [0, ${length}]`);
  }
  if (a === b) throw new RangeError(`${owner}: the batch is empty (range [${a}, ${b}))`);
  return [a, b];
}
