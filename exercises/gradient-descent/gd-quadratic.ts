/**
 * Exercise gradient-descent/gd-quadratic — gradient descent on a quadratic.
 *
 * The quadratic f(x) = ½·xᵀAx − bᵀx (A symmetric) has the gradient
 * ∇f(x) = Ax − b. Starting from x₀, take `steps` steps of gradient descent
 * with learning rate η,
 *
 *     x_{t+1} = x_t − η·(A·x_t − b),
 *
 * and return every iterate: an array of steps + 1 points, x₀ first. Each point
 * is an array (or Float64Array) of numbers; do not modify x0.
 *
 * Work it out with loops (a matrix–vector product is two nested loops);
 * the tests compare your iterates with the library's `minimize(quadratic(A, b),
 * sgd({lr}), x0, {steps})`.
 */
export function gradientDescent(A: number[][], b: number[], x0: number[], lr: number, steps: number): number[][] {
  // BEGIN SOLUTION
  const n = x0.length;
  let x = x0.slice();
  const path = [x.slice()];
  for (let t = 0; t < steps; t++) {
    const next = new Array<number>(n);
    for (let i = 0; i < n; i++) {
      let grad = -b[i];
      for (let j = 0; j < n; j++) grad += A[i][j] * x[j];
      next[i] = x[i] - lr * grad;
    }
    x = next;
    path.push(x.slice());
  }
  return path;
  // END SOLUTION
}
