import { describe, expect, it } from "vitest";
import { descentLemmaProfile, guaranteedDecrease } from "../../lib/analysis/descent-lemma.js";
import { quadratic, doubleWell } from "../../lib/objectives/index.js";
import { eulerOrder } from "../../lib/analysis/gradient-flow.js";

describe("descentLemmaProfile(objective, x, L, etaMax)", () => {
  it("draws the bound f − η(1 − Lη/2)‖g‖² above the actual f on the bowl, lowest at 1/L and back to f at 2/L", () => {
    const bowl = quadratic([[2.5, 1.5], [1.5, 2.5]]);
    const d = descentLemmaProfile(bowl, [-4, 1.5], 4, 0.6, 60);
    // g = A(−4, 1.5) = (−7.75, −2.25): ‖g‖² = 60.0625 + 5.0625 = 65.125; f0 = ½xᵀAx = ½(31 + 3.375)·… = 13.8125
    expect(d.gradNormSq).toBeCloseTo(65.125, 12);
    expect(d.f0).toBeCloseTo(13.8125, 12);
    expect(d.bestEta).toBe(0.25);
    expect(d.zeroEta).toBe(0.5);
    expect(d.bestDecrease).toBeCloseTo(65.125 / 8, 12);
    for (const r of d.rows) expect(r.actual).toBeLessThanOrEqual(r.bound + 1e-12);
    const at = (eta: number) => d.rows.find((r) => Math.abs(r.eta - eta) < 1e-12)!;
    expect(at(0.5).bound).toBeCloseTo(d.f0, 12);
    expect(at(0.25).bound).toBeCloseTo(d.f0 - d.bestDecrease, 12);
    // No other sampled step has a lower bound than η = 1/L.
    for (const r of d.rows) expect(r.bound).toBeGreaterThanOrEqual(at(0.25).bound - 1e-12);
  });
  it("guaranteedDecrease is η(1 − Lη/2)‖g‖², zero at 2/L and negative beyond", () => {
    expect(guaranteedDecrease(9, 4, 0.25)).toBeCloseTo(9 / 8, 14);
    expect(guaranteedDecrease(9, 4, 0.5)).toBe(0);
    expect(guaranteedDecrease(9, 4, 0.6)).toBeLessThan(0);
  });
  it("rejects a non-positive L or etaMax", () => {
    expect(() => descentLemmaProfile(doubleWell(), [2], 0, 1)).toThrow(/L must be/);
    expect(() => descentLemmaProfile(doubleWell(), [2], 1, -1)).toThrow(/etaMax/);
  });
});

describe("eulerOrder(objective, x0, etas, tEnd)", () => {
  it("measures slope ≈ 1 on the double well for small η (Euler is first order)", () => {
    const etas = Array.from({ length: 5 }, (_, i) => 0.001 * 2 ** (i / 2));
    const o = eulerOrder(doubleWell(), [2], etas, 1.5);
    expect(o.slope).toBeGreaterThan(0.9);
    expect(o.slope).toBeLessThan(1.15);
    for (let i = 1; i < o.rows.length; ++i) expect(o.rows[i].gap).toBeGreaterThan(o.rows[i - 1].gap);
  });
});
