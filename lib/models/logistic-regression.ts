/**
 * Logistic regression over sparse features (a bag of words), for Adagrad's
 * home ground: most words are rare, so most coordinates get a gradient only now
 * and then.
 *
 * $$\ell(\mathbf w, b) = \frac1{|\mathcal B|}\sum_{i\in\mathcal B} \log\bigl(1 + e^{z_i}\bigr) - y_i z_i,
 *   \qquad z_i = \mathbf x_i^\top\mathbf w + b,\quad y_i\in\{0, 1\}$$
 *
 * with gradient $\frac1{|\mathcal B|}\sum_i (\sigma(z_i) - y_i)\,(\mathbf x_i, 1)$.
 * Parameters: `[w_0, ..., w_{d-1}, b]`, initialized to zero.
 *
 * **Sparse cost.** `grad` costs time proportional to the batch's nonzeros, not
 * to the vocabulary: the model remembers the last `out` buffer it wrote and the
 * coordinates it touched, and on the next call zeroes only those before
 * accumulating (a new buffer is zeroed in full once). So between two calls with
 * the same `out`, leave its other coordinates at zero.
 */
import type { SparseDataset } from "../datasets.js";
import type { Random } from "../random.js";
import { requireInteger } from "../validate.js";
import { checkBatch, type Classifier } from "./model.js";

export interface LogisticRegression extends Classifier<SparseDataset> {
  readonly d: number;
  /** The coordinates of `out` written by the last `grad` call (bias included), for inspection and tests. */
  touched(): Int32Array;
}

/** The numerically stable log(1 + e^z). */
function softplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** Logistic regression with `d` sparse inputs and a bias. */
export function logisticRegression(d: number): LogisticRegression {
  requireInteger("logisticRegression", "d", d, 1);
  const dim = d + 1;
  let lastOut: Float64Array | null = null;
  let touched = new Int32Array(64);
  let touchedCount = 0;

  function check(data: SparseDataset): void {
    if (data.d !== d) throw new RangeError(`logisticRegression: data has d = ${data.d} features, the model expects ${d}`);
  }

  function logit(params: Float64Array, data: SparseDataset, i: number): number {
    const { indptr, indices, values } = data;
    let z = params[d];
    if (values) for (let p = indptr[i]; p < indptr[i + 1]; ++p) z += params[indices[p]] * values[p];
    else for (let p = indptr[i]; p < indptr[i + 1]; ++p) z += params[indices[p]];
    return z;
  }

  return {
    name: "logisticRegression",
    d,
    dim,
    init(_rng: Random): Float64Array {
      return new Float64Array(dim);
    },
    touched: () => touched.slice(0, touchedCount),
    loss(params, data, indices, start, end): number {
      check(data);
      const [a, b] = checkBatch("logisticRegression.loss", dim, params, data.n, indices, start, end);
      let sum = 0;
      for (let k = a; k < b; ++k) {
        const i = indices ? indices[k] : k;
        const z = logit(params, data, i);
        sum += softplus(z) - data.y[i] * z;
      }
      return sum / (b - a);
    },
    grad(params, data, indices, out, start, end): number {
      check(data);
      const [a, b] = checkBatch("logisticRegression.grad", dim, params, data.n, indices, start, end);
      if (out.length !== dim) throw new RangeError(`logisticRegression.grad: out has length ${out.length}, expected dim = ${dim}`);
      if (out !== lastOut) {
        out.fill(0);
        lastOut = out;
      } else {
        for (let k = 0; k < touchedCount; ++k) out[touched[k]] = 0;
      }
      const { indptr, indices: cols, values, y } = data;
      let nnz = 1;
      for (let k = a; k < b; ++k) nnz += indptr[indices[k] + 1] - indptr[indices[k]];
      if (nnz > touched.length) touched = new Int32Array(Math.max(nnz, 2 * touched.length));
      touchedCount = 0;
      touched[touchedCount++] = d;
      const m = b - a;
      let sum = 0;
      for (let k = a; k < b; ++k) {
        const i = indices[k];
        const z = logit(params, data, i);
        sum += softplus(z) - y[i] * z;
        const g = (sigmoid(z) - y[i]) / m;
        out[d] += g;
        for (let p = indptr[i]; p < indptr[i + 1]; ++p) {
          const j = cols[p];
          out[j] += values ? g * values[p] : g;
          touched[touchedCount++] = j;
        }
      }
      return sum / m;
    },
    accuracy(params, data, indices): number {
      check(data);
      const [a, b] = checkBatch("logisticRegression.accuracy", dim, params, data.n, indices, undefined, undefined);
      let right = 0;
      for (let k = a; k < b; ++k) {
        const i = indices ? indices[k] : k;
        if ((logit(params, data, i) > 0 ? 1 : 0) === data.y[i]) right++;
      }
      return right / (b - a);
    },
  };
}
