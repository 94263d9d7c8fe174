import { describe, expect, it } from "vitest";
import { createEwa, effectiveWindow, ewa, ewaWeights } from "../lib/ewa.js";
import { random } from "../lib/random.js";

describe("ewa", () => {
  it("ewa(values, beta) follows v_t = β·v_{t−1} + (1 − β)·θ_t from v_0 = 0", () => {
    // β = 0.5: v1 = 0.5·0 + 0.5·4 = 2; v2 = 0.5·2 + 0.5·8 = 5; v3 = 0.5·5 + 0.5·0 = 2.5
    expect(Array.from(ewa([4, 8, 0], 0.5))).toEqual([2, 5, 2.5]);
  });

  it("ewa(values, beta, { biasCorrection: true }) divides by 1 − β^t", () => {
    // v̂1 = 2/(1 − 0.5) = 4; v̂2 = 5/(1 − 0.25) = 20/3; v̂3 = 2.5/(1 − 0.125) = 20/7
    const out = ewa([4, 8, 0], 0.5, { biasCorrection: true });
    [4, 20 / 3, 20 / 7].forEach((e, i) => expect(out[i]).toBeCloseTo(e, 14));
  });

  it("ewa(constant series, beta, { biasCorrection: true }) is the constant exactly", () => {
    for (const beta of [0, 0.5, 0.9, 0.99, 0.999]) {
      for (const c of [1, 3.7, -2.2, 1e-3, 12345.678]) {
        const out = ewa(new Float64Array(3000).fill(c), beta, { biasCorrection: true });
        expect(out.every((v) => v === c)).toBe(true);
      }
    }
  });

  it("ewaWeights(beta, t) are (1 − β)β^k and sum to 1 − β^t", () => {
    expect(Array.from(ewaWeights(0.5, 3))).toEqual([0.5, 0.25, 0.125]);
    for (const beta of [0.5, 0.9, 0.98]) {
      for (const t of [1, 10, 100]) {
        const sum = ewaWeights(beta, t).reduce((a, b) => a + b, 0);
        expect(sum).toBeCloseTo(1 - beta ** t, 14);
      }
    }
  });

  it("ewa(values, beta) is the weighted sum Σ (1 − β)β^k·θ_{t−k}", () => {
    const rng = random(3);
    const values = Float64Array.from({ length: 100 }, () => rng.normal());
    const w = ewaWeights(0.9, 100);
    let direct = 0;
    for (let k = 0; k < 100; ++k) direct += w[k] * values[99 - k];
    expect(ewa(values, 0.9)[99]).toBeCloseTo(direct, 13);
  });

  it("createEwa(beta) streams the same values as ewa and counts t", () => {
    const rng = random(4);
    const values = Array.from({ length: 50 }, () => rng.uniform());
    const biased = ewa(values, 0.9), corrected = ewa(values, 0.9, { biasCorrection: true });
    const s = createEwa(0.9);
    expect(s.t).toBe(0);
    expect(s.value).toBe(0);
    expect(s.corrected).toBeNaN();
    values.forEach((x, i) => {
      const r = s.update(x);
      expect(r.value).toBe(biased[i]);
      expect(r.corrected).toBe(corrected[i]);
    });
    expect(s.t).toBe(50);
    expect(s.corrected).toBe(corrected[49]);
    s.reset();
    expect([s.t, s.value]).toEqual([0, 0]);
  });

  it("effectiveWindow(beta) is 1/(1 − β), where a sample's weight has fallen to ≈ 1/e", () => {
    expect(effectiveWindow(0.9)).toBeCloseTo(10, 12);
    expect(effectiveWindow(0.98)).toBeCloseTo(50, 12);
    // (1 − ε)^(1/ε) → 1/e, with error ≈ ε/(2e)
    let previous = Infinity;
    for (const eps of [0.1, 0.01, 0.001, 1e-4, 1e-5]) {
      const k = Math.round(effectiveWindow(1 - eps));
      const w = ewaWeights(1 - eps, k + 1);
      const ratio = w[k] / w[0]; // β^k = (1 − ε)^(1/ε)
      const error = Math.abs(ratio - 1 / Math.E);
      expect(error).toBeLessThan(eps / 2);
      expect(error).toBeLessThan(previous);
      previous = error;
    }
  });

  it("ewa functions throw on a beta outside [0, 1)", () => {
    expect(() => ewa([1], 1)).toThrow(/ewa: beta must be a finite number in \[0, 1\), got 1/);
    expect(() => createEwa(-0.1)).toThrow(/createEwa: beta must be a finite number in \[0, 1\), got -0.1/);
    expect(() => ewaWeights(0.9, -1)).toThrow(/ewaWeights: t/);
    expect(() => effectiveWindow(NaN)).toThrow(/effectiveWindow: beta/);
    expect(() => ewa([1], 0.5, { bias: true } as never)).toThrow(/unknown option "bias"/);
  });
});
