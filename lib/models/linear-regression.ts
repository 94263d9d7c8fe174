/**
 * Linear regression with the squared loss, D2L's convention:
 *
 * $$\ell(\mathbf w, b) = \frac1{|\mathcal B|}\sum_{i\in\mathcal B} \tfrac12\,(\mathbf x_i^\top\mathbf w + b - y_i)^2$$
 *
 * the mean of ½(ŷ − y)², as in D2L's `squared_loss` used by `train_ch11` (the
 * 11.5 minibatch experiments). Its concise twin `train_concise_ch11` back-propagates
 * torch's `MSELoss` (no ½, so gradients are twice as large at the same learning
 * rate) and reports the loss divided by 2, which is the number here.
 *
 * Parameters: `[w_0, ..., w_{d-1}, b]`. Initialization as D2L: `w ~ N(0, 0.01²)`, `b = 0`.
 */
import type { DenseDataset } from "../datasets.js";
import type { Random } from "../random.js";
import { requireInteger } from "../validate.js";
import { checkBatch, type Model } from "./model.js";

export interface LinearRegression extends Model<DenseDataset> {
  readonly d: number;
}

function checkData(d: number, data: DenseDataset): void {
  if (data.d !== d) throw new RangeError(`linearRegression: data has d = ${data.d} features, the model expects ${d}`);
}

/** A linear model with `d` inputs and a bias, under the loss mean ½(ŷ − y)². */
export function linearRegression(d: number): LinearRegression {
  requireInteger("linearRegression", "d", d, 1);
  const dim = d + 1;
  return {
    name: "linearRegression",
    d,
    dim,
    init(rng: Random): Float64Array {
      const params = new Float64Array(dim);
      for (let j = 0; j < d; ++j) params[j] = 0.01 * rng.normal();
      return params;
    },
    loss(params, data, indices, start, end): number {
      checkData(d, data);
      const [a, b] = checkBatch("linearRegression.loss", dim, params, data.n, indices, start, end);
      const { X, y } = data;
      const bias = params[d];
      let sum = 0;
      for (let k = a; k < b; ++k) {
        const i = indices ? indices[k] : k;
        const row = i * d;
        let r = bias - y[i];
        for (let j = 0; j < d; ++j) r += X[row + j] * params[j];
        sum += r * r;
      }
      return (0.5 * sum) / (b - a);
    },
    grad(params, data, indices, out, start, end): number {
      checkData(d, data);
      const [a, b] = checkBatch("linearRegression.grad", dim, params, data.n, indices, start, end);
      if (out.length !== dim) throw new RangeError(`linearRegression.grad: out has length ${out.length}, expected dim = ${dim}`);
      const { X, y } = data;
      const bias = params[d];
      out.fill(0);
      let sum = 0;
      for (let k = a; k < b; ++k) {
        const i = indices[k];
        const row = i * d;
        let r = bias - y[i];
        for (let j = 0; j < d; ++j) r += X[row + j] * params[j];
        sum += r * r;
        for (let j = 0; j < d; ++j) out[j] += r * X[row + j];
        out[d] += r;
      }
      const m = b - a;
      for (let j = 0; j <= d; ++j) out[j] /= m;
      return (0.5 * sum) / m;
    },
  };
}

/** The least-squares fit: the minimum of the loss above, its R² and its parameters. */
export interface LeastSquaresFit {
  readonly weights: Float64Array;
  readonly bias: number;
  /** `[...weights, bias]`, the layout of `linearRegression(d)`'s parameters. */
  readonly params: Float64Array;
  /** The minimum mean ½(ŷ − y)². */
  readonly loss: number;
  /** The coefficient of determination 1 − SS_res / SS_tot. */
  readonly r2: number;
}

/**
 * Ordinary least squares with a bias, by the normal equations solved with
 * Gaussian elimination and partial pivoting (fine for the few, standardized
 * features of the course's sets). The reference line of the loss plots.
 */
export function leastSquares(data: DenseDataset): LeastSquaresFit {
  const { n, d, X, y } = data;
  const m = d + 1;
  // Augmented normal equations [AᵀA | Aᵀy] with A = [X, 1].
  const M = new Float64Array(m * (m + 1));
  const row = new Float64Array(m);
  for (let i = 0; i < n; ++i) {
    for (let j = 0; j < d; ++j) row[j] = X[i * d + j];
    row[d] = 1;
    for (let p = 0; p < m; ++p) {
      for (let q = 0; q < m; ++q) M[p * (m + 1) + q] += row[p] * row[q];
      M[p * (m + 1) + m] += row[p] * y[i];
    }
  }
  for (let c = 0; c < m; ++c) {
    let pivot = c;
    for (let r = c + 1; r < m; ++r) if (Math.abs(M[r * (m + 1) + c]) > Math.abs(M[pivot * (m + 1) + c])) pivot = r;
    if (Math.abs(M[pivot * (m + 1) + c]) < 1e-12) throw new RangeError(`leastSquares: the features are linearly dependent (column ${c})`);
    for (let q = 0; q <= m; ++q) {
      const t = M[c * (m + 1) + q];
      M[c * (m + 1) + q] = M[pivot * (m + 1) + q];
      M[pivot * (m + 1) + q] = t;
    }
    for (let r = 0; r < m; ++r) {
      if (r === c) continue;
      const f = M[r * (m + 1) + c] / M[c * (m + 1) + c];
      for (let q = c; q <= m; ++q) M[r * (m + 1) + q] -= f * M[c * (m + 1) + q];
    }
  }
  const params = new Float64Array(m);
  for (let c = 0; c < m; ++c) params[c] = M[c * (m + 1) + m] / M[c * (m + 1) + c];
  let mean = 0;
  for (let i = 0; i < n; ++i) mean += y[i];
  mean /= n;
  let ssRes = 0;
  let ssTot = 0;
  for (let i = 0; i < n; ++i) {
    let r = params[d] - y[i];
    for (let j = 0; j < d; ++j) r += X[i * d + j] * params[j];
    ssRes += r * r;
    ssTot += (y[i] - mean) ** 2;
  }
  return { weights: params.slice(0, d), bias: params[d], params, loss: (0.5 * ssRes) / n, r2: 1 - ssRes / ssTot };
}
