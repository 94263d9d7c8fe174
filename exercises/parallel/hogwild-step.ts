/**
 * Exercise parallel/hogwild-step — one lock-free (Hogwild!) update, in three
 * parts, on sparse least squares.
 *
 * A sparse example touches k parameters: their indices cols[0 … k−1], their
 * values vals[0 … k−1] (the example's nonzero inputs), and its target b. Its
 * loss is
 *
 *     ℓ(x) = ½ (Σₘ vals[m]·x[cols[m]] − b)².
 *
 * A Hogwild! worker (Niu et al. 2011) does not lock anything:
 *
 * 1. `readCoordinates(x, cols)` — it reads the k parameters it needs and
 *    returns a new Float64Array `read` with read[m] = x[cols[m]] (a copy: the
 *    shared x will change while the worker computes).
 * 2. `sparseGradient(read, vals, b)` — it computes the gradient of ℓ at what
 *    it read, on its k coordinates only, as a new Float64Array of length k:
 *
 *        g[m] = r · vals[m],    r = Σₘ vals[m]·read[m] − b.
 *
 * 3. `writeUpdate(x, cols, g, lr)` — it writes its update into the shared x,
 *    in place, coordinate by coordinate: x[cols[m]] −= lr · g[m]. It
 *    subtracts from the *current* value, which other workers may have changed
 *    since the read, so their updates stay in. Nothing else in x changes.
 *
 * The check runs two workers interleaved: A reads, B reads, computes and
 * writes, then A writes its stale gradient — the staleness of the chapter.
 */
export function readCoordinates(x: ArrayLike<number>, cols: ArrayLike<number>): Float64Array {
  // BEGIN SOLUTION
  return Float64Array.from(cols, (j) => x[j]);
  // END SOLUTION
}

export function sparseGradient(read: ArrayLike<number>, vals: ArrayLike<number>, b: number): Float64Array {
  // BEGIN SOLUTION
  let r = -b;
  for (let m = 0; m < vals.length; m++) r += vals[m] * read[m];
  return Float64Array.from(vals, (v) => r * v);
  // END SOLUTION
}

export function writeUpdate(x: Float64Array, cols: ArrayLike<number>, g: ArrayLike<number>, lr: number): void {
  // BEGIN SOLUTION
  for (let m = 0; m < cols.length; m++) x[cols[m]] -= lr * g[m];
  // END SOLUTION
}
