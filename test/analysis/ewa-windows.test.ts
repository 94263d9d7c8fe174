import { describe, expect, it } from "vitest";
import { correctedVariance, ewaWindows, rampLag, uncorrectedVariance } from "../../lib/analysis/ewa-windows.js";
import { ewa } from "../../lib/ewa.js";
import { random } from "../../lib/random.js";

describe("ewa.md exercise 5", () => {
  it("m₁/√v₁ = 0.1/√0.001 = √10 ≈ 3.16: more than three times the intended step", () => {
    expect(0.1 / Math.sqrt(0.001)).toBeCloseTo(Math.sqrt(10), 14);
    expect(0.1 / Math.sqrt(0.001)).toBeGreaterThan(3);
  });
});

describe("ewaWindows(beta)", () => {
  it("β = 0.9: 1/e age −1/ln 0.9 ≈ 9.49, rule 10, mean age 9, noise-equivalent 19", () => {
    const w = ewaWindows(0.9);
    expect(w.oneOverE).toBeCloseTo(9.4912, 4);
    expect(w.ruleOfThumb).toBeCloseTo(10, 12);
    expect(w.meanAge).toBeCloseTo(9, 12);
    expect(w.noiseEquivalent).toBeCloseTo(19, 12);
    expect(0.9 ** w.oneOverE).toBeCloseTo(1 / Math.E, 14);
  });
  it("the mean age is Σ k(1 − β)β^k", () => {
    const b = 0.8;
    let s = 0;
    for (let k = 0; k < 2000; ++k) s += k * (1 - b) * b ** k;
    expect(ewaWindows(b).meanAge).toBeCloseTo(s, 12);
  });
  it("rejects β outside [0, 1)", () => {
    expect(() => ewaWindows(1)).toThrow(/beta/);
  });
});

describe("rampLag(beta, n)", () => {
  it("tends to β/(1 − β), corrected or not", () => {
    for (const b of [0.5, 0.9, 0.95]) {
      expect(rampLag(b, 3000)).toBeCloseTo(b / (1 - b), 8);
      expect(rampLag(b, 3000, true)).toBeCloseTo(b / (1 - b), 8);
    }
  });
  it("matches the library's ewa on a ramp", () => {
    const ramp = Float64Array.from({ length: 100 }, (_, i) => i + 1);
    expect(rampLag(0.9, 100)).toBeCloseTo(100 - ewa(ramp, 0.9)[99], 10);
  });
});

describe("correctedVariance(beta, t)", () => {
  it("is 1 at t = 1 (v̂₁ = θ₁) and falls to (1 − β)/(1 + β)", () => {
    expect(correctedVariance(0.9, 1)).toBeCloseTo(1, 14);
    expect(correctedVariance(0.9, 5000)).toBeCloseTo(0.1 / 1.9, 12);
    expect(uncorrectedVariance(0.9, 1)).toBeCloseTo(0.01, 14);
  });
  it("matches a Monte Carlo estimate over 20 000 seeded noise series (within 5%)", () => {
    const rng = random(7), b = 0.9, N = 20000, T = 8, acc = new Float64Array(T);
    for (let s = 0; s < N; ++s) {
      const c = ewa(Array.from({ length: T }, () => rng.normal()), b, { biasCorrection: true });
      for (let t = 0; t < T; ++t) acc[t] += c[t] ** 2;
    }
    for (let t = 0; t < T; ++t) expect(acc[t] / N / correctedVariance(b, t + 1)).toBeGreaterThan(0.95), expect(acc[t] / N / correctedVariance(b, t + 1)).toBeLessThan(1.05);
  });
});
