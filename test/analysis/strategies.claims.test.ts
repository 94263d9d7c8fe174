// Claims of strategies.md checked as arithmetic: the hand-worked solution of
// exercise 2 (the patience rule on a fixed curve), the "every ẑ is 0"
// remark about a batch-norm network normalizing one example with its own
// statistics, and the early-stopping sentences that hold over the whole range
// of the page's patience and δ controls. One test per claim, titled by the
// sentence it protects.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { compareSpreads, seedSpread } from "../../lib/analysis/seed-spread.js";
import { earlyStopPoint } from "../../lib/analysis/strategies.js";
import { denseDataset, parseSentencesJSON, trainTestSplit } from "../../lib/datasets.js";
import { logisticRegression } from "../../lib/models/logistic-regression.js";
import { adagrad } from "../../lib/optimizers/adagrad.js";
import { train } from "../../lib/train.js";
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

describe("strategies.md, early stopping over the controls' whole range", () => {
  // the page's experiment: 20 % of the training sentences held out (split seed 1), Adagrad η = 0.5,
  // 30 epochs in batches of 16, shuffling seeds 2, 3, 4; the controls: patience 1 … 15, δ ∈ {0, 0.001, 0.005, 0.02}
  // computed once, when the first of these tests runs (not while vitest collects the tests)
  let measured: ReturnType<typeof measure> | undefined;
  const run = () => (measured ??= measure());
  function measure() {
    const sentences = parseSentencesJSON(JSON.parse(readFileSync(join(process.cwd(), "data", "sentences.json"), "utf8")));
    const logreg = logisticRegression(sentences.train.d);
    const split = trainTestSplit(sentences.train, 0.2, 1);
    const options = { epochs, batchSize: 16, evalEvery: Infinity, validation: split.test };
    const full = seeds.map((seed) => train(logreg, split.train, adagrad({ lr: 0.5 }), { ...options, seed }).params);
    const stopped = settings.map(({ patience, minDelta }) =>
      seeds.map((seed) => train(logreg, split.train, adagrad({ lr: 0.5 }), { ...options, seed, earlyStopping: { patience, minDelta } }))
    );
    return {
      fullLoss: full.map((p) => logreg.loss(p, sentences.test)),
      fullAcc: seedSpread(full.map((p) => logreg.accuracy(p, sentences.test))),
      stopped: stopped.map((runs) => runs.map((r) => ({ epochs: r.epochs, loss: logreg.loss(r.params, sentences.test), accuracy: logreg.accuracy(r.params, sentences.test) }))),
    };
  }
  const epochs = 30;
  const seeds = [2, 3, 4];
  const settings = [0, 0.001, 0.005, 0.02].flatMap((minDelta) => Array.from({ length: 15 }, (_, k) => ({ patience: k + 1, minDelta })));

  test('"at every patience and δ the controls offer, on each of the seeds in the table below, it trains fewer epochs and ends at a lower test loss than the full run"', () => {
    const { fullLoss, stopped } = run();
    expect(stopped).toHaveLength(60);
    for (const runs of stopped) {
      runs.forEach((r, k) => {
        expect(r.epochs).toBeLessThan(epochs);
        expect(r.loss).toBeLessThan(fullLoss[k]);
      });
      // and below every seed of the full runs, so the table's verdict reads "lower on every seed"
      expect(compareSpreads(seedSpread(runs.map((r) => r.loss)), seedSpread(fullLoss))).toBe("lower");
    }
  }, 300_000); // 60 settings × 3 seeds of training: a minute under load, so more than the default limit
  test('"It does not buy a higher test accuracy: that stays within the full runs\' range (within the noise of the seeds)"', () => {
    const { fullAcc, stopped } = run();
    for (const runs of stopped) expect(compareSpreads(seedSpread(runs.map((r) => r.accuracy)), fullAcc)).toBe("overlap");
  });
});
