/**
 * A multilayer perceptron classifier: fully connected layers of the given
 * sizes, ReLU between them, softmax and cross-entropy at the end.
 * `mlp([64, 32, 10])` is the 8×8 digits network.
 *
 * $$\mathbf a_0 = \mathbf x,\quad \mathbf a_{l} = \operatorname{relu}(W_l \mathbf a_{l-1} + \mathbf b_l),\quad
 *   \ell = \frac1{|\mathcal B|}\sum_{i\in\mathcal B} -\log \operatorname{softmax}(W_L \mathbf a_{L-1} + \mathbf b_L)_{y_i}$$
 *
 * Parameters, layer after layer: `W_l` (`out × in`, row-major), then `b_l`.
 * Initialization as torch.nn.Linear: every weight and bias uniform in
 * `[−1/√in, 1/√in)`. Examples go through one at a time, forward then back, into
 * scratch buffers allocated once, so `grad` allocates nothing.
 */
import type { DenseDataset } from "../datasets.js";
import type { Random } from "../random.js";
import { requireInteger } from "../validate.js";
import { checkBatch, type Classifier } from "./model.js";

export interface MLP extends Classifier<DenseDataset> {
  readonly sizes: readonly number[];
  /** The class with the largest logit for example `i`. */
  predict(params: Float64Array, data: DenseDataset, i: number): number;
}

/** An MLP softmax classifier with layer sizes `[inputs, hidden..., classes]`. */
export function mlp(sizes: readonly number[]): MLP {
  if (!Array.isArray(sizes) || sizes.length < 2) {
    throw new RangeError(`mlp: sizes must list at least 2 layer sizes [inputs, ..., classes], got ${JSON.stringify(sizes)}`);
  }
  sizes.forEach((s, l) => requireInteger("mlp", `sizes[${l}]`, s, 1));
  if (sizes[sizes.length - 1] < 2) throw new RangeError(`mlp: the last size (classes) must be at least 2, got ${sizes[sizes.length - 1]}`);
  const L = sizes.length - 1;
  const wOff: number[] = [];
  const bOff: number[] = [];
  let dim = 0;
  for (let l = 0; l < L; ++l) {
    wOff.push(dim);
    dim += sizes[l] * sizes[l + 1];
    bOff.push(dim);
    dim += sizes[l + 1];
  }
  const inputs = sizes[0];
  const classes = sizes[L];
  const acts = sizes.map((s) => new Float64Array(s));
  const deltas = sizes.map((s) => new Float64Array(s));

  function check(data: DenseDataset): void {
    if (data.d !== inputs) throw new RangeError(`mlp: data has d = ${data.d} features, the network expects ${inputs}`);
    if (data.classes !== undefined && data.classes !== classes) {
      throw new RangeError(`mlp: data has ${data.classes} classes, the network outputs ${classes}`);
    }
  }

  /** Forward pass of example `i`; the logits end in acts[L]. */
  function forward(params: Float64Array, data: DenseDataset, i: number): void {
    const a0 = acts[0];
    const row = i * inputs;
    for (let j = 0; j < inputs; ++j) a0[j] = data.X[row + j];
    for (let l = 0; l < L; ++l) {
      const nIn = sizes[l];
      const nOut = sizes[l + 1];
      const a = acts[l];
      const z = acts[l + 1];
      const w = wOff[l];
      const bo = bOff[l];
      for (let o = 0; o < nOut; ++o) {
        let s = params[bo + o];
        const r = w + o * nIn;
        for (let j = 0; j < nIn; ++j) s += params[r + j] * a[j];
        z[o] = l < L - 1 && s < 0 ? 0 : s;
      }
    }
  }

  /** −log softmax(logits)[label]; leaves softmax(logits) in deltas[L] when `probs`. */
  function crossEntropy(c: number, probs: boolean): number {
    const z = acts[L];
    let max = -Infinity;
    for (let c = 0; c < classes; ++c) if (z[c] > max) max = z[c];
    let sum = 0;
    for (let c = 0; c < classes; ++c) sum += Math.exp(z[c] - max);
    const logSum = max + Math.log(sum);
    if (probs) {
      const p = deltas[L];
      for (let c = 0; c < classes; ++c) p[c] = Math.exp(z[c] - logSum);
    }
    return logSum - z[c];
  }

  function label(data: DenseDataset, i: number): number {
    const c = data.y[i];
    if (!(Number.isInteger(c) && c >= 0 && c < classes)) {
      throw new RangeError(`mlp: y[${i}] must be a class in [0, ${classes - 1}], got ${c}`);
    }
    return c;
  }

  function argmax(): number {
    const z = acts[L];
    let best = 0;
    for (let c = 1; c < classes; ++c) if (z[c] > z[best]) best = c;
    return best;
  }

  return {
    name: "mlp",
    sizes: [...sizes],
    dim,
    init(rng: Random): Float64Array {
      const params = new Float64Array(dim);
      for (let l = 0; l < L; ++l) {
        const bound = 1 / Math.sqrt(sizes[l]);
        const end = bOff[l] + sizes[l + 1];
        for (let p = wOff[l]; p < end; ++p) params[p] = rng.between(-bound, bound);
      }
      return params;
    },
    loss(params, data, indices, start, end): number {
      check(data);
      const [a, b] = checkBatch("mlp.loss", dim, params, data.n, indices, start, end);
      let sum = 0;
      for (let k = a; k < b; ++k) {
        const i = indices ? indices[k] : k;
        forward(params, data, i);
        sum += crossEntropy(label(data, i), false);
      }
      return sum / (b - a);
    },
    grad(params, data, indices, out, start, end): number {
      check(data);
      const [a, b] = checkBatch("mlp.grad", dim, params, data.n, indices, start, end);
      if (out.length !== dim) throw new RangeError(`mlp.grad: out has length ${out.length}, expected dim = ${dim}`);
      out.fill(0);
      let sum = 0;
      for (let k = a; k < b; ++k) {
        const i = indices[k];
        const c = label(data, i);
        forward(params, data, i);
        sum += crossEntropy(c, true);
        deltas[L][c] -= 1; // ∂ℓ/∂z = softmax(z) − onehot(y)
        for (let l = L - 1; l >= 0; --l) {
          const nIn = sizes[l];
          const nOut = sizes[l + 1];
          const aIn = acts[l];
          const dOut = deltas[l + 1];
          const dIn = deltas[l];
          const w = wOff[l];
          const bo = bOff[l];
          if (l > 0) dIn.fill(0);
          for (let o = 0; o < nOut; ++o) {
            const g = dOut[o];
            if (g === 0) continue;
            out[bo + o] += g;
            const r = w + o * nIn;
            for (let j = 0; j < nIn; ++j) out[r + j] += g * aIn[j];
            if (l > 0) for (let j = 0; j < nIn; ++j) dIn[j] += params[r + j] * g;
          }
          if (l > 0) for (let j = 0; j < nIn; ++j) if (aIn[j] <= 0) dIn[j] = 0; // ReLU'
        }
      }
      const m = b - a;
      for (let p = 0; p < dim; ++p) out[p] /= m;
      return sum / m;
    },
    predict(params, data, i): number {
      check(data);
      forward(params, data, i);
      return argmax();
    },
    accuracy(params, data, indices): number {
      check(data);
      const [a, b] = checkBatch("mlp.accuracy", dim, params, data.n, indices, undefined, undefined);
      let right = 0;
      for (let k = a; k < b; ++k) {
        const i = indices ? indices[k] : k;
        forward(params, data, i);
        if (argmax() === data.y[i]) right++;
      }
      return right / (b - a);
    },
  };
}
