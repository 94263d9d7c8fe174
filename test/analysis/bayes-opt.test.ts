import { describe, expect, it } from "vitest";
import { bayesOpt, expectedImprovement, gpPosterior, normalCdf, normalPdf, randomSearch1d } from "../../lib/analysis/bayes-opt.js";

describe("gpPosterior(xs, ys, query, options)", () => {
  it("one observation: mean k(x*, x₁)/(s² + σₙ²)·y₁ and variance s² − k²/(s² + σₙ²) (closed form)", () => {
    const l = 0.7, s2 = 2, noise = 0.1;
    const post = gpPosterior([0.3], [1.5], [0.3, 1.0, 5], { lengthScale: l, signalVar: s2, noiseVar: noise });
    for (const [q, x] of [0.3, 1.0, 5].entries()) {
      const k = s2 * Math.exp(-((x - 0.3) ** 2) / (2 * l * l));
      expect(post.mean[q]).toBeCloseTo((k / (s2 + noise)) * 1.5, 12);
      expect(post.sd[q]).toBeCloseTo(Math.sqrt(s2 - (k * k) / (s2 + noise)), 12);
    }
  });
  it("interpolates noise-free data and reverts to the prior far away", () => {
    const post = gpPosterior([0, 1, 2], [1, -1, 0.5], [0, 1, 2, 50], { lengthScale: 0.5, noiseVar: 1e-10 });
    expect(post.mean[0]).toBeCloseTo(1, 6);
    expect(post.mean[1]).toBeCloseTo(-1, 6);
    expect(post.sd[2]).toBeLessThan(1e-4);
    expect(post.mean[3]).toBeCloseTo(0, 12);
    expect(post.sd[3]).toBeCloseTo(1, 12);
  });
  it("rejects bad options by name", () => {
    expect(() => gpPosterior([0], [1], [0], { lengthScale: 0 })).toThrow(/lengthScale/);
    expect(() => gpPosterior([0], [1, 2], [0], { lengthScale: 1 })).toThrow(/same length/);
  });
});

describe("expectedImprovement(mean, sd, best)", () => {
  it("matches the closed forms: sd·φ(0) when mean = best, the plain gain when sd = 0", () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.959963985)).toBeCloseTo(0.975, 6);
    expect(normalPdf(0)).toBeCloseTo(1 / Math.sqrt(2 * Math.PI), 14);
    expect(expectedImprovement(1, 0.3, 1)).toBeCloseTo(0.3 / Math.sqrt(2 * Math.PI), 7);
    expect(expectedImprovement(0.5, 0, 1)).toBe(0.5);
    expect(expectedImprovement(2, 0, 1)).toBe(0);
    // E[max(best − Y, 0)] by quadrature for Y ~ N(0.2, 0.5²), best = 0.
    let q = 0;
    for (let y = -5; y < 0; y += 1e-4) q += -y * normalPdf((y - 0.2) / 0.5) / 0.5 * 1e-4;
    expect(expectedImprovement(0.2, 0.5, 0)).toBeCloseTo(q, 5);
  });
});

describe("bayesOpt(f, candidates, options)", () => {
  it("finds the minimum of a smooth 1-D function within a small budget, better than random search's median", () => {
    const f = (x: number) => (x - 0.37) ** 2;
    const cands = Array.from({ length: 201 }, (_, i) => -2 + (4 * i) / 200);
    const runs = Array.from({ length: 9 }, (_, s) => bayesOpt(f, cands, { budget: 8, seed: s, lengthScale: 0.5 }).bestSoFar[7]);
    const rs = Array.from({ length: 9 }, (_, s) => randomSearch1d(f, cands, 8, s)[7]);
    const median = (a: number[]) => [...a].sort((x, y) => x - y)[4];
    expect(median(runs)).toBeLessThan(1e-3);
    expect(median(runs)).toBeLessThan(median(rs));
    const r = bayesOpt(f, cands, { budget: 5, seed: 1, lengthScale: 0.5 });
    expect(r.xs.length).toBe(5);
    expect(r.rounds.length).toBe(3);
    expect(() => bayesOpt(f, cands, { budget: 0, seed: 0, lengthScale: 1 })).toThrow(/budget/);
  });
});
