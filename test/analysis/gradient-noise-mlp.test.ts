import { describe, expect, it } from "vitest";
import { denseDataset } from "../../lib/datasets.js";
import { deepNoiseExperiment } from "../../lib/analysis/gradient-noise-mlp.js";
import { scaleWeightMatrices } from "../../lib/analysis/strategies.js";
import { mlp, random, sgd, train } from "../../lib/index.js";

function blobs(seed: number, n: number) {
  const rng = random(seed);
  const y = Float64Array.from({ length: n }, (_, i) => i % 3);
  const X = Float64Array.from({ length: n * 4 }, (_, k) => rng.normal() + (Math.floor(k / 4) % 3 === k % 4 ? 2 : 0));
  return denseDataset(X, y, 4);
}

describe("deepNoiseExperiment", () => {
  const tr = blobs(1, 60);
  const te = blobs(2, 30);
  const opts = { depth: 2, width: 5, epochs: 2, batchSize: 10, etas: [0, 0.3], seeds: 3 };
  const { results } = deepNoiseExperiment(tr, te, opts);

  it("η = 0 is plain SGD from the scaled initialization, seed by seed", () => {
    const model = mlp([4, 5, 5, 3]);
    for (let s = 0; s < 3; s++) {
      const init = scaleWeightMatrices(model, model.init(random(s)), 0.5);
      const r = train(model, tr, sgd({ lr: 0.1 }), { epochs: 2, batchSize: 10, evalEvery: Infinity, init, seed: s });
      expect(results[0].runs[s].lossPerEpoch).toEqual(Array.from(r.lossPerEpoch));
    }
  });
  it("noise changes the runs, and the summaries are the median and range of the seeds", () => {
    expect(results[1].runs[0].lossPerEpoch).not.toEqual(results[0].runs[0].lossPerEpoch);
    for (const r of results) {
      const finals = r.runs.map((x) => x.lossPerEpoch.at(-1)!).sort((a, b) => a - b);
      expect(r.finalLoss.median).toBe(finals[1]);
      expect(r.finalLoss.min).toBe(finals[0]);
      expect(r.finalLoss.max).toBe(finals[2]);
    }
  });
  it("lastLoss is the median and range over the seeds of each run's mean loss over its last epochs", () => {
    const three = deepNoiseExperiment(tr, te, { ...opts, epochs: 4 });
    expect(three.settings.lastEpochs).toBe(3);
    for (const r of three.results) {
      const means = r.runs.map((x) => (x.lossPerEpoch[1] + x.lossPerEpoch[2] + x.lossPerEpoch[3]) / 3).sort((a, b) => a - b);
      expect(r.lastLoss.median).toBeCloseTo(means[1], 14);
      expect(r.lastLoss.min).toBeCloseTo(means[0], 14);
      expect(r.lastLoss.max).toBeCloseTo(means[2], 14);
    }
    // with 2 epochs the default averages both; lastEpochs 1 is the final loss
    expect(deepNoiseExperiment(tr, te, opts).settings.lastEpochs).toBe(2);
    expect(deepNoiseExperiment(tr, te, { ...opts, lastEpochs: 1 }).results.map((r) => r.lastLoss)).toEqual(results.map((r) => r.finalLoss));
  });
  it("rejects bad settings by name", () => {
    expect(() => deepNoiseExperiment(tr, te, { ...opts, lastEpochs: 3 })).toThrow(/lastEpochs/);
    expect(() => deepNoiseExperiment(tr, te, { ...opts, lastEpochs: 0 })).toThrow(/lastEpochs/);
    expect(() => deepNoiseExperiment(tr, te, { initScale: 0 })).toThrow(/initScale/);
    expect(() => deepNoiseExperiment(tr, te, { etas: [-1], seeds: 1, epochs: 1 })).toThrow(/etas/);
  });
});
