import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  gradientSpread,
  measureEpochTimes,
  perExampleSpread,
  polynomialFeatures,
  timeEpochs,
} from "../../lib/analysis/minibatch.js";
import { denseDataset, leastSquares, linearRegression, parseDenseCSV, random, sgd, standardize } from "../../lib/index.js";

const housing = standardize(
  parseDenseCSV(readFileSync(join(process.cwd(), "data/housing.csv"), "utf8"), { target: "MedHouseVal", ignore: ["row"] }),
  { target: true }
).data;
const model = linearRegression(housing.d);

describe("minibatch analysis", () => {
  it("perExampleSpread: σ² by hand on three examples", () => {
    // y = x, w = b = 0: ∇ℓᵢ = (−xᵢyᵢ, −yᵢ) = (−x², −x) for x = 1, 2, 3 → (−1,−1), (−4,−2), (−9,−3)
    // mean (−14/3, −2); deviations² summed: (11/3)²+1 + (2/3)²+0 + (13/3)²+1 = (121+4+169)/9 + 2 = 98/3 + 2
    const data = denseDataset(Float64Array.from([1, 2, 3]), Float64Array.from([1, 2, 3]), 1);
    const { sigma2, grad } = perExampleSpread(linearRegression(1), data, new Float64Array(2));
    expect(Array.from(grad)).toEqual([-14 / 3, -2]);
    expect(sigma2).toBeCloseTo((98 / 3 + 2) / 3, 12);
  });

  it("gradientSpread(...) measures ≈ (σ²/B)(n − B)/(n − 1), zero for the full batch", () => {
    const { rows } = gradientSpread(model, housing, new Float64Array(model.dim), [1, 10, 100, 1500], { samples: 2000, seed: 1 });
    for (const r of rows.slice(0, 3)) expect(Math.abs(r.measured / r.predicted - 1)).toBeLessThan(0.12);
    const many = gradientSpread(model, housing, new Float64Array(model.dim), [1, 10], { samples: 10, examples: 1000, seed: 1 }).rows;
    expect(many.map((r) => r.samples)).toEqual([1000, 100]);
    expect(rows[3].predicted).toBe(0);
    expect(rows[3].measured).toBeLessThan(1e-25);
  });

  it("timeEpochs(...) returns a positive time and trains like train would", () => {
    const params = new Float64Array(model.dim);
    const ms = timeEpochs(model, housing, sgd({ lr: 0.05 }), 10, 3, random(0), params);
    expect(ms).toBeGreaterThan(0);
    expect(model.loss(params, housing)).toBeLessThan(leastSquares(housing).loss * 1.1);
  });

  it("measureEpochTimes(...) yields progress and one timing per configuration", async () => {
    const progress: number[] = [];
    let last;
    for await (const p of measureEpochTimes(model, housing, [{ batchSize: 100, optimizer: sgd({ lr: 0.1 }) }], { rounds: 2, roundMs: 2 })) {
      progress.push(p.done);
      last = p;
    }
    expect(progress).toEqual([1, 2, 3]);
    expect(last!.timings).toHaveLength(1);
    expect(last!.timings[0].msPerEpoch).toBeGreaterThan(0);
  });

  it("polynomialFeatures(data, 3) on 5 inputs gives 55 standardized monomials", () => {
    const { data, stats } = polynomialFeatures(housing, 3);
    expect(data.d).toBe(55);
    expect(data.featureNames.slice(0, 3)).toEqual(["MedInc", "MedInc·MedInc", "MedInc·MedInc·MedInc"]);
    let mean = 0;
    for (let i = 0; i < data.n; ++i) mean += data.X[i * 55 + 20];
    expect(Math.abs(mean / data.n)).toBeLessThan(1e-12);
    const again = polynomialFeatures(housing, 3, stats).data;
    expect(again.X).toEqual(data.X);
  });
});

import { leastSquaresCurvature, timeToReach } from "../../lib/analysis/minibatch.js";

describe("leastSquaresCurvature and timeToReach", () => {
  it("leastSquaresCurvature on a hand example: H = mean of a aᵀ", () => {
    // x = ±1: a = (1, 1), (−1, 1) → H = [[1, 0], [0, 1]], λ_max = 1; ‖a‖² = 2 each
    const data = denseDataset(Float64Array.from([1, -1]), Float64Array.from([0, 0]), 1);
    expect(leastSquaresCurvature(data)).toEqual({ lambdaMax: expect.closeTo(1, 12), maxExample: 2, meanExample: 2 });
  });

  it("full-batch GD on housing is stable below 2/λ_max and not above", async () => {
    const { train } = await import("../../lib/train.js");
    const { lambdaMax } = leastSquaresCurvature(housing);
    const ok = train(model, housing, sgd({ lr: 1.9 / lambdaMax }), { batchSize: housing.n, epochs: 200, evalEvery: Infinity });
    const bad = train(model, housing, sgd({ lr: 2.1 / lambdaMax }), { batchSize: housing.n, epochs: 400, evalEvery: Infinity });
    expect(ok.diverged).toBe(false);
    expect(bad.diverged).toBe(true);
  });

  it("timeToReach(curve, target, ms) is the first epoch at or below target, times ms", () => {
    const curve = [{ epoch: 0, loss: 1 }, { epoch: 0.5, loss: 0.4 }, { epoch: 1, loss: 0.2 }];
    expect(timeToReach(curve, 0.5, 10)).toBe(5);
    expect(timeToReach(curve, 0.1, 10)).toBe(Infinity);
  });
});
