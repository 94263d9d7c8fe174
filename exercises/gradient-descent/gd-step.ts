/**
 * Exercise gradient-descent/gd-step — one step of gradient descent.
 *
 * Move the parameters x against the gradient g with learning rate η:
 *
 *     x ← x − η·g        (every coordinate: x[i] ← x[i] − η·g[i])
 *
 * Update `x` in place (its entries, not a new array) and return nothing: the
 * library's optimizers work the same way, so a training loop can keep one
 * buffer for the whole run. Leave `g` unchanged.
 */
export function gdStep(x: Float64Array, g: Float64Array, lr: number): void {
  // BEGIN SOLUTION
  for (let i = 0; i < x.length; i++) {
    x[i] -= lr * g[i];
  }
  // END SOLUTION
}
