/**
 * A multilayer perceptron with batch normalization (Ioffe & Szegedy, 2015)
 * after every hidden linear layer, before the ReLU; softmax and cross-entropy
 * at the end. `mlpBatchNorm([64, 32, 10])` is the digits network of `mlp` with
 * batch norm added.
 *
 * For each hidden layer l and each unit o, over the examples i of a batch B:
 *
 * $$z_{io} = \sum_j W_{oj} a_{ij},\quad \mu_o = \frac1{|B|}\sum_i z_{io},\quad
 *   \sigma_o^2 = \frac1{|B|}\sum_i (z_{io} - \mu_o)^2,\quad
 *   \hat z_{io} = \frac{z_{io} - \mu_o}{\sqrt{\sigma_o^2 + \varepsilon}},\quad
 *   a'_{io} = \operatorname{relu}(\gamma_o \hat z_{io} + \beta_o)$$
 *
 * The hidden layers have no bias (β replaces it: a bias before the
 * normalization would be subtracted again by μ). The backward pass through the
 * normalization, with δ = ∂ℓ/∂(γẑ + β) and d = γδ:
 *
 * $$\frac{\partial \ell}{\partial \beta_o} = \sum_i \delta_{io},\quad
 *   \frac{\partial \ell}{\partial \gamma_o} = \sum_i \delta_{io} \hat z_{io},\quad
 *   \frac{\partial \ell}{\partial z_{io}} = \frac{1}{|B|\sqrt{\sigma_o^2+\varepsilon}}
 *   \Bigl(|B|\, d_{io} - \sum_k d_{ko} - \hat z_{io} \sum_k d_{ko} \hat z_{ko}\Bigr)$$
 *
 * **Training and evaluation, as torch.nn.BatchNorm1d.** Every training step
 * (`grad`) normalizes with the batch's own μ and σ² and then updates running
 * averages of them, with momentum ρ = 0.1 and the *unbiased* batch variance:
 *
 * $$\bar\mu_o \leftarrow (1-\rho)\,\bar\mu_o + \rho\,\mu_o,\qquad
 *   \bar\sigma^2_o \leftarrow (1-\rho)\,\bar\sigma^2_o + \rho\,\tfrac{|B|}{|B|-1}\sigma^2_o$$
 *
 * starting from μ̄ = 0, σ̄² = 1. In eval mode (`mode = "eval"`, the default for
 * `loss`, `accuracy` and `predict`) every example is normalized with μ̄ and σ̄²,
 * so a prediction depends on that example alone — a deployable network. In
 * train mode (`mode = "train"`) they normalize with the statistics of the
 * examples being evaluated, as the training forward pass does (what gradient
 * checks need); one example alone then has σ² = 0 and ẑ = 0 in every unit, so
 * its prediction no longer depends on its input. Only `grad` moves the running
 * averages.
 *
 * The running averages are buffers that belong to a parameter vector, as
 * torch keeps them in the module's state: the model keeps them per `params`
 * array (a WeakMap), a fresh array starts from μ̄ = 0, σ̄² = 1, and
 * `copyBuffers(from, to)` carries them over to a copy (`train` does that when
 * early stopping keeps the best parameters). `runningStats(params)` shows them.
 *
 * Parameters, layer after layer: hidden layers `W_l` (`out × in`), `γ_l`
 * (`out`), `β_l` (`out`); the output layer `W_L`, `b_L`. Initialization: weights
 * as torch.nn.Linear (uniform in ±1/√in), γ = 1, β = 0, b uniform ±1/√in.
 * Buffers grow to the largest batch seen and are reused, so after the first
 * call of a given size nothing is allocated.
 */
import type { DenseDataset } from "../datasets.js";
import type { Random } from "../random.js";
import { requireInRange, requireInteger } from "../validate.js";
import { checkBatch, type Classifier } from "./model.js";

/** The running averages of one parameter vector: per hidden layer, μ̄ and σ̄² of each unit; `steps` taken. */
export interface RunningStats {
  readonly mean: Float64Array[];
  readonly variance: Float64Array[];
  steps: number;
}

export interface MLPBatchNorm extends Classifier<DenseDataset> {
  readonly sizes: readonly number[];
  readonly eps: number;
  /** The running averages' momentum ρ (torch's `momentum`, 0.1). */
  readonly momentum: number;
  /** "eval": loss, accuracy and predict normalize with the running averages; "train": with the evaluated examples' own statistics. */
  mode: "train" | "eval";
  /** The running averages kept for `params` (fresh ones — μ̄ = 0, σ̄² = 1 — if it has never been trained). */
  runningStats(params: Float64Array): RunningStats;
  /** Copies the running averages of `from` to `to` (a copy of the parameters). */
  copyBuffers(from: Float64Array, to: Float64Array): void;
  /**
   * The class with the largest logit for example `i`, passed through the
   * network alone: with the running averages in eval mode, with its own
   * (zero-variance) statistics in train mode.
   */
  predict(params: Float64Array, data: DenseDataset, i: number): number;
  /** Offsets of each layer's blocks in the parameter vector (γ, β are -1 for the output layer; b is -1 for hidden ones). */
  readonly layout: readonly { W: number; gamma: number; beta: number; b: number }[];
}

/** An MLP softmax classifier with batch normalization in every hidden layer. */
export function mlpBatchNorm(sizes: readonly number[], { eps = 1e-5, momentum = 0.1 }: { eps?: number; momentum?: number } = {}): MLPBatchNorm {
  if (!Array.isArray(sizes) || sizes.length < 2) {
    throw new RangeError(`mlpBatchNorm: sizes must list at least 2 layer sizes [inputs, ..., classes], got ${JSON.stringify(sizes)}`);
  }
  sizes.forEach((s, l) => requireInteger("mlpBatchNorm", `sizes[${l}]`, s, 1));
  if (sizes[sizes.length - 1] < 2) throw new RangeError(`mlpBatchNorm: the last size (classes) must be at least 2, got ${sizes[sizes.length - 1]}`);
  requireInRange("mlpBatchNorm", "eps", eps, 0, Infinity, { loOpen: true });
  requireInRange("mlpBatchNorm", "momentum", momentum, 0, 1);
  const L = sizes.length - 1;
  const layout: { W: number; gamma: number; beta: number; b: number }[] = [];
  let dim = 0;
  for (let l = 0; l < L; ++l) {
    const W = dim;
    dim += sizes[l] * sizes[l + 1];
    if (l < L - 1) {
      const gamma = dim;
      dim += sizes[l + 1];
      const beta = dim;
      dim += sizes[l + 1];
      layout.push({ W, gamma, beta, b: -1 });
    } else {
      const b = dim;
      dim += sizes[l + 1];
      layout.push({ W, gamma: -1, beta: -1, b });
    }
  }
  const inputs = sizes[0];
  const classes = sizes[L];

  // Per layer, batch-major buffers: a[l] (inputs to layer l), zhat[l] (normalized pre-activations of hidden layer l).
  let capacity = 0;
  let acts: Float64Array[] = [];
  let zhat: Float64Array[] = [];
  let deltas: Float64Array[] = [];
  const invStd = sizes.map((s) => new Float64Array(s));
  const sum1 = sizes.map((s) => new Float64Array(s));
  const sum2 = sizes.map((s) => new Float64Array(s));
  const batchMean = sizes.map((s) => new Float64Array(s));
  const batchVar = sizes.map((s) => new Float64Array(s));
  const buffers = new WeakMap<Float64Array, RunningStats>();

  function runningStats(params: Float64Array): RunningStats {
    let stats = buffers.get(params);
    if (!stats) {
      stats = {
        mean: sizes.slice(1, L).map((s) => new Float64Array(s)),
        variance: sizes.slice(1, L).map((s) => new Float64Array(s).fill(1)),
        steps: 0,
      };
      buffers.set(params, stats);
    }
    return stats;
  }

  function ensure(m: number): void {
    if (m <= capacity) return;
    capacity = Math.max(m, 2 * capacity);
    acts = sizes.map((s) => new Float64Array(capacity * s));
    zhat = sizes.map((s) => new Float64Array(capacity * s));
    deltas = sizes.map((s) => new Float64Array(capacity * s));
  }

  function check(data: DenseDataset): void {
    if (data.d !== inputs) throw new RangeError(`mlpBatchNorm: data has d = ${data.d} features, the network expects ${inputs}`);
    if (data.classes !== undefined && data.classes !== classes) {
      throw new RangeError(`mlpBatchNorm: data has ${data.classes} classes, the network outputs ${classes}`);
    }
  }

  function label(data: DenseDataset, i: number): number {
    const c = data.y[i];
    if (!(Number.isInteger(c) && c >= 0 && c < classes)) throw new RangeError(`mlpBatchNorm: y[${i}] must be a class in [0, ${classes - 1}], got ${c}`);
    return c;
  }

  /**
   * Forward pass of the batch indices[a..b) (all rows when indices is undefined); logits end in acts[L].
   * With `running`, hidden units are normalized with the running averages instead of the batch's statistics.
   */
  function forward(params: Float64Array, data: DenseDataset, indices: ArrayLike<number> | undefined, a: number, b: number, running: RunningStats | null): number {
    const m = b - a;
    ensure(m);
    const a0 = acts[0];
    for (let k = 0; k < m; ++k) {
      const i = indices ? indices[a + k] : a + k;
      const row = i * inputs;
      for (let j = 0; j < inputs; ++j) a0[k * inputs + j] = data.X[row + j];
    }
    for (let l = 0; l < L; ++l) {
      const nIn = sizes[l];
      const nOut = sizes[l + 1];
      const x = acts[l];
      const z = acts[l + 1];
      const { W } = layout[l];
      for (let k = 0; k < m; ++k) {
        for (let o = 0; o < nOut; ++o) {
          let s = 0;
          const r = W + o * nIn;
          for (let j = 0; j < nIn; ++j) s += params[r + j] * x[k * nIn + j];
          z[k * nOut + o] = s;
        }
      }
      if (l < L - 1) {
        const { gamma, beta } = layout[l];
        const zh = zhat[l + 1];
        const inv = invStd[l + 1];
        for (let o = 0; o < nOut; ++o) {
          let mu: number;
          let v: number;
          if (running) {
            mu = running.mean[l][o];
            v = running.variance[l][o];
          } else {
            mu = 0;
            for (let k = 0; k < m; ++k) mu += z[k * nOut + o];
            mu /= m;
            v = 0;
            for (let k = 0; k < m; ++k) v += (z[k * nOut + o] - mu) ** 2;
            v /= m;
            batchMean[l + 1][o] = mu;
            batchVar[l + 1][o] = v;
          }
          const is = 1 / Math.sqrt(v + eps);
          inv[o] = is;
          const g = params[gamma + o];
          const be = params[beta + o];
          for (let k = 0; k < m; ++k) {
            const h = (z[k * nOut + o] - mu) * is;
            zh[k * nOut + o] = h;
            const y = g * h + be;
            z[k * nOut + o] = y > 0 ? y : 0;
          }
        }
      } else {
        const { b: bias } = layout[l];
        for (let k = 0; k < m; ++k) for (let o = 0; o < nOut; ++o) z[k * nOut + o] += params[bias + o];
      }
    }
    return m;
  }

  /** −log softmax of row k's logits at class c; with `probs`, writes softmax into deltas[L] row k. */
  function crossEntropy(k: number, c: number, probs: boolean): number {
    const z = acts[L];
    const off = k * classes;
    let max = -Infinity;
    for (let q = 0; q < classes; ++q) if (z[off + q] > max) max = z[off + q];
    let sum = 0;
    for (let q = 0; q < classes; ++q) sum += Math.exp(z[off + q] - max);
    const logSum = max + Math.log(sum);
    if (probs) for (let q = 0; q < classes; ++q) deltas[L][off + q] = Math.exp(z[off + q] - logSum);
    return logSum - z[off + c];
  }

  /** After a training forward pass of m examples: the running averages move toward the batch's statistics. */
  function updateRunning(stats: RunningStats, m: number): void {
    for (let l = 0; l < L - 1; ++l) {
      const mean = stats.mean[l];
      const variance = stats.variance[l];
      for (let o = 0; o < sizes[l + 1]; ++o) {
        mean[o] = (1 - momentum) * mean[o] + momentum * batchMean[l + 1][o];
        variance[o] = (1 - momentum) * variance[o] + momentum * batchVar[l + 1][o] * (m / (m - 1));
      }
    }
    stats.steps++;
  }

  /** The forward pass `loss`, `accuracy` and `predict` use: running averages in eval mode, the batch's statistics in train mode. */
  function evaluate(params: Float64Array, data: DenseDataset, indices: ArrayLike<number> | undefined, a: number, b: number): number {
    return forward(params, data, indices, a, b, net.mode === "eval" ? runningStats(params) : null);
  }

  function argmax(k: number): number {
    const z = acts[L];
    let best = 0;
    for (let q = 1; q < classes; ++q) if (z[k * classes + q] > z[k * classes + best]) best = q;
    return best;
  }

  const net: MLPBatchNorm = {
    name: "mlpBatchNorm",
    sizes: [...sizes],
    eps,
    momentum,
    mode: "eval",
    layout,
    dim,
    runningStats,
    copyBuffers(from: Float64Array, to: Float64Array): void {
      const stats = runningStats(from);
      buffers.set(to, { mean: stats.mean.map((a) => a.slice()), variance: stats.variance.map((a) => a.slice()), steps: stats.steps });
    },
    init(rng: Random): Float64Array {
      const params = new Float64Array(dim);
      for (let l = 0; l < L; ++l) {
        const bound = 1 / Math.sqrt(sizes[l]);
        const { W, gamma, b } = layout[l];
        for (let p = W; p < W + sizes[l] * sizes[l + 1]; ++p) params[p] = rng.between(-bound, bound);
        if (gamma >= 0) params.fill(1, gamma, gamma + sizes[l + 1]);
        if (b >= 0) for (let p = b; p < b + sizes[l + 1]; ++p) params[p] = rng.between(-bound, bound);
      }
      return params;
    },
    loss(params, data, indices, start, end): number {
      check(data);
      const [a, b] = checkBatch("mlpBatchNorm.loss", dim, params, data.n, indices, start, end);
      const m = evaluate(params, data, indices, a, b);
      let sum = 0;
      for (let k = 0; k < m; ++k) sum += crossEntropy(k, label(data, indices ? indices[a + k] : a + k), false);
      return sum / m;
    },
    grad(params, data, indices, out, start, end): number {
      check(data);
      const [a, b] = checkBatch("mlpBatchNorm.grad", dim, params, data.n, indices, start, end);
      // The training step: normalizes with the batch's statistics and moves the running averages of `params`
      // (every call does — a gradient check or an analysis that calls grad moves them too).
      if (out.length !== dim) throw new RangeError(`mlpBatchNorm.grad: out has length ${out.length}, expected dim = ${dim}`);
      if (b - a < 2 && L > 1) throw new RangeError(`mlpBatchNorm.grad: a training batch needs at least 2 examples (batch norm's variance of 1 example is 0), got ${b - a}`);
      const m = forward(params, data, indices, a, b, null);
      updateRunning(runningStats(params), m);
      out.fill(0);
      let sum = 0;
      const dL = deltas[L];
      for (let k = 0; k < m; ++k) {
        const c = label(data, indices[a + k]);
        sum += crossEntropy(k, c, true);
        dL[k * classes + c] -= 1;
        for (let q = 0; q < classes; ++q) dL[k * classes + q] /= m; // ∂(mean loss)/∂logits
      }
      for (let l = L - 1; l >= 0; --l) {
        const nIn = sizes[l];
        const nOut = sizes[l + 1];
        const x = acts[l];
        const dOut = deltas[l + 1];
        const { W } = layout[l];
        if (l === L - 1) {
          const { b: bias } = layout[l];
          for (let k = 0; k < m; ++k) for (let o = 0; o < nOut; ++o) out[bias + o] += dOut[k * nOut + o];
        } else {
          // dOut holds ∂ℓ/∂a' (post-ReLU); turn it into ∂ℓ/∂z through ReLU and the normalization.
          const { gamma, beta } = layout[l];
          const y = acts[l + 1];
          const zh = zhat[l + 1];
          const inv = invStd[l + 1];
          const s1 = sum1[l + 1];
          const s2 = sum2[l + 1];
          for (let o = 0; o < nOut; ++o) {
            const g = params[gamma + o];
            let sd = 0;
            let sdz = 0;
            let dBeta = 0;
            let dGamma = 0;
            for (let k = 0; k < m; ++k) {
              const idx = k * nOut + o;
              const delta = y[idx] > 0 ? dOut[idx] : 0;
              dBeta += delta;
              dGamma += delta * zh[idx];
              const d = delta * g;
              dOut[idx] = d;
              sd += d;
              sdz += d * zh[idx];
            }
            out[beta + o] += dBeta;
            out[gamma + o] += dGamma;
            s1[o] = sd;
            s2[o] = sdz;
          }
          for (let k = 0; k < m; ++k) {
            for (let o = 0; o < nOut; ++o) {
              const idx = k * nOut + o;
              dOut[idx] = (inv[o] / m) * (m * dOut[idx] - s1[o] - zh[idx] * s2[o]);
            }
          }
        }
        const dIn = deltas[l];
        if (l > 0) dIn.fill(0, 0, m * nIn);
        for (let k = 0; k < m; ++k) {
          for (let o = 0; o < nOut; ++o) {
            const g = dOut[k * nOut + o];
            if (g === 0) continue;
            const r = W + o * nIn;
            for (let j = 0; j < nIn; ++j) out[r + j] += g * x[k * nIn + j];
            if (l > 0) for (let j = 0; j < nIn; ++j) dIn[k * nIn + j] += params[r + j] * g;
          }
        }
      }
      return sum / m;
    },
    accuracy(params, data, indices): number {
      check(data);
      const [a, b] = checkBatch("mlpBatchNorm.accuracy", dim, params, data.n, indices, undefined, undefined);
      const m = evaluate(params, data, indices, a, b);
      let right = 0;
      for (let k = 0; k < m; ++k) if (argmax(k) === data.y[indices ? indices[a + k] : a + k]) right++;
      return right / m;
    },
    predict(params, data, i): number {
      check(data);
      if (!(Number.isInteger(i) && i >= 0 && i < data.n)) throw new RangeError(`mlpBatchNorm.predict: i must be an example index in [0, ${data.n - 1}], got ${i}`);
      evaluate(params, data, [i], 0, 1);
      return argmax(0);
    },
  };
  return net;
}
