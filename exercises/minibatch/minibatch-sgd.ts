/**
 * Exercise minibatch/minibatch-sgd — minibatch SGD on least squares, by hand.
 *
 * The data: n examples with d inputs each, stored row by row in X (example
 * i's inputs are X[i·d], …, X[i·d + d − 1]), and their targets y[i]. The model
 * is linear, ŷ = xᵀw + b, with the parameters in one array
 * params = [w₁, …, w_d, b] (the bias last), and example i's loss is
 *
 *     ℓᵢ = ½ (xᵢᵀw + b − yᵢ)².
 *
 * 1. `minibatchGradient(X, y, d, params, batch)` returns the mean gradient of
 *    the losses of the examples whose indices are listed in `batch`:
 *
 *        g = (1/|B|) Σ_{i ∈ B} rᵢ · (xᵢ, 1),    rᵢ = xᵢᵀw + b − yᵢ,
 *
 *    as a new Float64Array of length d + 1 (the last entry is the bias's).
 *
 * 2. `sgdEpoch(X, y, d, params, lr, batchSize, order)` runs one epoch of
 *    minibatch SGD: cut `order` (a list of example indices, e.g. a shuffled
 *    0 … n − 1) into consecutive batches of `batchSize` indices — the last
 *    batch may be smaller — and for each batch in turn update the parameters
 *    in place, params ← params − lr · g, with g the batch's mean gradient at
 *    the current parameters. Return the number of steps taken.
 */
export function minibatchGradient(X: ArrayLike<number>, y: ArrayLike<number>, d: number, params: ArrayLike<number>, batch: ArrayLike<number>): Float64Array {
  // BEGIN SOLUTION
  const g = new Float64Array(d + 1);
  for (let k = 0; k < batch.length; k++) {
    const i = batch[k];
    let r = params[d] - y[i];
    for (let j = 0; j < d; j++) r += X[i * d + j] * params[j];
    for (let j = 0; j < d; j++) g[j] += r * X[i * d + j];
    g[d] += r;
  }
  for (let j = 0; j <= d; j++) g[j] /= batch.length;
  return g;
  // END SOLUTION
}

export function sgdEpoch(X: ArrayLike<number>, y: ArrayLike<number>, d: number, params: Float64Array, lr: number, batchSize: number, order: ArrayLike<number>): number {
  // BEGIN SOLUTION
  let steps = 0;
  for (let s = 0; s < order.length; s += batchSize) {
    const batch = Array.from({ length: Math.min(batchSize, order.length - s) }, (_, k) => order[s + k]);
    const g = minibatchGradient(X, y, d, params, batch);
    for (let j = 0; j <= d; j++) params[j] -= lr * g[j];
    steps++;
  }
  return steps;
  // END SOLUTION
}
