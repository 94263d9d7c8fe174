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
  it("rejects bad settings by name", () => {
    expect(() => deepNoiseExperiment(tr, te, { initScale: 0 })).toThrow(/initScale/);
    expect(() => deepNoiseExperiment(tr, te, { etas: [-1], seeds: 1, epochs: 1 })).toThrow(/etas/);
  });
});
