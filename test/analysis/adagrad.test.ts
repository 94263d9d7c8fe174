import { describe, expect, it } from "vitest";
import { adagrad, adagradEpsInside, bagOfWords, minimize, ravine, sgd, train, logisticRegression } from "../../lib/index.js";
import { adagradDistance, adagradStepsToTravel, capturing, documentFrequency, sparsityFacts, firstStep, longSlope, noisyRavine } from "../../lib/analysis/adagrad.js";

describe("noisyRavine(options)", () => {
  it("is the ravine without t, and adds the same noise at the same t", () => {
    const f = noisyRavine({ sigma: 2, seed: 3 });
    const x = Float64Array.of(1, -1);
    expect(Array.from(f.grad(x, new Float64Array(2)))).toEqual([0.2, -4]);
    const a = Array.from(f.grad(x, new Float64Array(2), 5));
    const b = Array.from(f.grad(x, new Float64Array(2), 5));
    expect(a).toEqual(b);
    expect(a).not.toEqual([0.2, -4]);
    expect(f.value(x, 5)).toBeCloseTo(2.1, 12);
  });
  it("makes Adagrad's sum grow linearly: s_t/t → 0.2²x₁² + σ² ≈ σ² near the minimum", () => {
    const t = minimize(noisyRavine({ sigma: 1 }), adagrad({ lr: 0.5 }), [-5, -2], { steps: 4000, record: ["s"] });
    const s = t.state!.s;
    const last = (4000 - 1) * 2;
    expect(s[last + 1] / 4000).toBeGreaterThan(0.8);
    expect(s[last + 1] / 4000).toBeLessThan(1.3);
  });
});

describe("longSlope()", () => {
  it("has the gradient x/√(1 + x²)", () => {
    const f = longSlope();
    const g = f.grad(Float64Array.of(3), new Float64Array(1));
    expect(g[0]).toBeCloseTo(3 / Math.sqrt(10), 14);
    expect(f.value(Float64Array.of(0))).toBe(0);
  });
});

describe("adagradDistance / adagradStepsToTravel", () => {
  it("sum η/√k: 1 + 1/√2 + 1/√3 for three steps of η = 1", () => {
    expect(adagradDistance(1, 3)).toBeCloseTo(1 + Math.SQRT1_2 + 1 / Math.sqrt(3), 14);
    expect(adagradStepsToTravel(1, 2.28)).toBe(3);
    expect(adagradStepsToTravel(1, 1.7)).toBe(2);
  });
  it("≈ 2η√t for large t", () => {
    expect(adagradDistance(0.5, 10000) / (2 * 0.5 * 100)).toBeCloseTo(1, 1);
  });
});

describe("capturing(optimizer)", () => {
  it("exposes the state of the last run and changes nothing", () => {
    const c = capturing(adagrad({ lr: 0.1 }));
    expect(c.state()).toBeNull();
    const a = minimize(ravine(), c.optimizer, [-5, -2], { steps: 5 });
    const b = minimize(ravine(), adagrad({ lr: 0.1 }), [-5, -2], { steps: 5 });
    expect(Array.from(a.x)).toEqual(Array.from(b.x));
    expect(c.state()!.t).toBe(5);
    expect(c.state()!.s[0]).toBeGreaterThan(0);
  });
  it("works inside train", () => {
    const data = bagOfWords([[0, 1], [1], [1, 2]], [1, 0, 1], ["a", "b", "c"]);
    const c = capturing(adagrad({ lr: 0.1 }));
    train(logisticRegression(3), data, c.optimizer, { epochs: 1, batchSize: 1 });
    const s = c.state()!.s;
    expect(s[0]).toBeGreaterThan(0);
    expect(s[1]).toBeGreaterThan(s[0]);
    void sgd;
  });
});

describe("documentFrequency(data)", () => {
  it("counts the examples containing each feature", () => {
    const data = bagOfWords([[0, 1, 1], [1], [2, 1]], [1, 0, 1], ["a", "b", "c", "d"]);
    expect(Array.from(documentFrequency(data))).toEqual([1, 3, 1, 0]);
  });
});

describe("sparsityFacts(data)", () => {
  it("the mean number of features per example", () => {
    const data = bagOfWords([[0, 1, 1], [1], [2, 1]], [1, 0, 1], ["a", "b", "c", "d"]);
    // Duplicates in a row count once: the rows hold 2, 1 and 2 distinct features.
    expect(sparsityFacts(data).featuresPerExample).toBeCloseTo(documentFrequency(data).reduce((a, b) => a + b, 0) / 3, 14);
  });
  it("more than half of the features occur in at most m examples, and at most half in fewer than m (so m is the smallest such count), for even and odd d", () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (const d of [1, 2, 5, 8, 13, 40]) {
      for (let trial = 0; trial < 20; ++trial) {
        const rows = Array.from({ length: 1 + Math.floor(rand() * 12) }, () => Array.from({ length: Math.floor(rand() * 5) }, () => Math.floor(rand() * d)));
        const data = bagOfWords(rows, rows.map(() => 0), Array.from({ length: d }, (_, i) => `w${i}`));
        const df = Array.from(documentFrequency(data));
        const m = sparsityFacts(data).medianDocumentFrequency;
        expect(df.filter((c) => c <= m).length).toBeGreaterThan(d / 2);
        expect(df.filter((c) => c < m).length).toBeLessThanOrEqual(d / 2);
      }
    }
  });
});

describe("firstStep(optimizer, g)", () => {
  it("torch's Adagrad moves every coordinate by η·|g|/(|g| + ε); D2L's by η·|g|/√(g² + ε)", () => {
    const a = firstStep(adagrad({ lr: 0.1, eps: 1e-10 }), [1e-3, 1]);
    expect(a[0]).toBeCloseTo((0.1 * 1e-3) / (1e-3 + 1e-10), 14);
    expect(a[1]).toBeCloseTo(0.1 / (1 + 1e-10), 14);
    const b = firstStep(adagradEpsInside({ lr: 0.1, eps: 1e-6 }), [1e-3, 1]);
    expect(b[0]).toBeCloseTo((0.1 * 1e-3) / Math.sqrt(1e-6 + 1e-6), 14);
  });
});
