/**
 * The cost of the training loop: `train` on the housing regression set (1,500
 * rows × 5 inputs, linear regression, plain SGD), in ms per epoch at batch sizes
 * 1, 10 and 100, against the same epoch written as one hand-fused loop (shuffle,
 * gradient and update inline, no interfaces) measured side by side in the same run.
 * Median of several runs after a warm-up; full-loss evaluation is excluded from
 * both, as in `train`'s own `time`.
 */
import { readFileSync } from "node:fs";
import { parseDenseCSV, standardize, type DenseDataset } from "../lib/datasets.js";
import { linearRegression } from "../lib/models/linear-regression.js";
import { sgd } from "../lib/optimizers/index.js";
import { random } from "../lib/random.js";
import { train } from "../lib/train.js";

const EPOCHS = 10;
const RUNS = 9;
const SETTINGS = [
  { batchSize: 1, lr: 0.005 },
  { batchSize: 10, lr: 0.05 },
  { batchSize: 100, lr: 0.4 },
];

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[s.length >> 1];
}

/** One epoch of minibatch SGD on linear regression, fused: the loop a C programmer would write. */
function fusedEpoch(X: Float64Array, y: Float64Array, n: number, d: number, w: Float64Array, g: Float64Array, order: Int32Array, batchSize: number, lr: number): void {
  for (let s = 0; s < n; s += batchSize) {
    const end = Math.min(s + batchSize, n);
    g.fill(0);
    for (let k = s; k < end; ++k) {
      const i = order[k];
      const row = i * d;
      let r = w[d] - y[i];
      for (let j = 0; j < d; ++j) r += X[row + j] * w[j];
      for (let j = 0; j < d; ++j) g[j] += r * X[row + j];
      g[d] += r;
    }
    const step = lr / (end - s);
    for (let j = 0; j <= d; ++j) w[j] -= step * g[j];
  }
}

/** `epochs` fused epochs from train's initialization and shuffling streams; returns the ms spent. */
function fused(data: DenseDataset, batchSize: number, lr: number, epochs: number, seed: number): { ms: number; params: Float64Array } {
  const { n, d, X, y } = data;
  const rng = random(seed);
  const w = new Float64Array(d + 1);
  for (let j = 0; j < d; ++j) w[j] = 0.01 * rng.normal();
  const g = new Float64Array(d + 1);
  const order = Int32Array.from({ length: n }, (_, i) => i);
  const shuffler = random((seed ^ 0x2545f491) >>> 0);
  let ms = 0;
  for (let e = 0; e < epochs; ++e) {
    const t0 = performance.now();
    shuffler.shuffle(order);
    fusedEpoch(X, y, n, d, w, g, order, batchSize, lr);
    ms += performance.now() - t0;
  }
  return { ms, params: w };
}

export async function run(): Promise<void> {
  const csv = readFileSync(new URL("../data/housing.csv", import.meta.url), "utf8");
  const { data } = standardize(parseDenseCSV(csv, { target: "MedHouseVal", ignore: ["row"] }), { target: true });
  const model = linearRegression(data.d);
  console.log(`train: linear regression on data/housing.csv (${data.n} × ${data.d}), SGD, ms per epoch (median of ${RUNS} runs of ${EPOCHS} epochs)`);
  console.log("batch  train (ms/epoch)  fused loop (ms/epoch)  ratio  ns/example train  ns/example fused  same params");
  for (const { batchSize, lr } of SETTINGS) {
    const options = { batchSize, epochs: EPOCHS, evalEvery: Infinity };
    for (let w = 0; w < 10; ++w) {
      train(model, data, sgd({ lr }), { ...options, seed: w });
      fused(data, batchSize, lr, EPOCHS, w);
    }
    const a: number[] = [];
    const b: number[] = [];
    let same = true;
    for (let r = 0; r < RUNS; ++r) {
      const t = train(model, data, sgd({ lr }), { ...options, seed: r });
      const f = fused(data, batchSize, lr, EPOCHS, r);
      a.push(t.time / EPOCHS);
      b.push(f.ms / EPOCHS);
      for (let j = 0; j < f.params.length; ++j) if (Math.abs(f.params[j] - t.params[j]) > 1e-9) same = false;
    }
    const ta = median(a);
    const tb = median(b);
    console.log(
      `${String(batchSize).padStart(5)}  ${ta.toFixed(4).padStart(16)}  ${tb.toFixed(4).padStart(21)}  ${(ta / tb).toFixed(2).padStart(5)}  ${((ta * 1e6) / data.n).toFixed(1).padStart(16)}  ${((tb * 1e6) / data.n).toFixed(1).padStart(16)}  ${same ? "yes" : "NO"}`
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
