// Claims of strategies.md checked as arithmetic: the hand-worked solution of
// exercise 2 (the patience rule on a fixed curve) and the "every ẑ is 0"
// remark about a batch-norm network normalizing one example with its own
// statistics. One test per claim, titled by the sentence it protects.
import { describe, expect, test } from "vitest";
import { earlyStopPoint } from "../../lib/analysis/strategies.js";
import { denseDataset } from "../../lib/datasets.js";
import { mlpBatchNorm } from "../../lib/models/mlp-batchnorm.js";
import { random } from "../../lib/random.js";

const curve = [0.6, 0.52, 0.49, 0.5, 0.48, 0.485, 0.49, 0.5, 0.51];

describe("strategies.md, exercise 2's solution", () => {
  test('"New minima at epochs 1, 2, 3 (0.49); epoch 4 (0.50) is one without improvement, but epoch 5 (0.48) improves"', () => {
    const newMinima = curve.map((v, i) => (v < Math.min(Infinity, ...curve.slice(0, i)) ? i + 1 : 0)).filter(Boolean);
    expect(newMinima).toEqual([1, 2, 3, 5]);
    expect(curve[2]).toBe(0.49);
    expect(curve[3]).toBe(0.5);
    expect(curve[4]).toBe(0.48);
  });
  test('"Epochs 6 (0.485) and 7 (0.49) make two without improvement: stop at epoch 7 and restore epoch 5"', () => {
    expect([curve[5], curve[6]]).toEqual([0.485, 0.49]);
    expect(earlyStopPoint(curve, 2)).toEqual({ bestEpoch: 5, stopEpoch: 7, bestLoss: 0.48 });
  });
  test('"With patience 1 it would have stopped at epoch 4 and kept 0.49, missing the better epoch 5"', () => {
    expect(earlyStopPoint(curve, 1)).toEqual({ bestEpoch: 3, stopEpoch: 4, bestLoss: 0.49 });
  });
});

describe("strategies.md, batch norm", () => {
  test('"normalized with its own statistics, one example has σ² = 0, every ẑ is 0, and the prediction no longer depends on the input"', () => {
    const model = mlpBatchNorm([5, 4, 3]);
    const params = model.init(random(1));
    const rng = random(2);
    const data = denseDataset(Float64Array.from({ length: 40 * 5 }, () => 3 * rng.normal()), Float64Array.from({ length: 40 }, (_, i) => i % 3), 5);
    model.mode = "train";
    const classes = new Set(Array.from({ length: 40 }, (_, i) => model.predict(params, data, i)));
    expect(classes.size).toBe(1);
  });
});
