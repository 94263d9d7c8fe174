// A "likely mistake" is named only where it can be told apart from the right
// answer, at the pass tolerance.
import { describe, expect, test } from "vitest";
import { diagnose, runCase } from "../../exercises/check.js";
import { adamCase } from "../../exercises/adam/adam-step.check.js";

/** Adam with v bias-corrected but not m (the mistake the hidden β₁ = 0 case cannot see). */
const vOnly = {
  adamStep(x: Float64Array, g: Float64Array, state: { t: number; m: Float64Array; v: Float64Array }, h: { lr: number; beta1: number; beta2: number; eps: number }): void {
    state.t += 1;
    for (let i = 0; i < x.length; i++) {
      state.m[i] = h.beta1 * state.m[i] + (1 - h.beta1) * g[i];
      state.v[i] = h.beta2 * state.v[i] + (1 - h.beta2) * g[i] * g[i];
      x[i] -= (h.lr * state.m[i]) / (Math.sqrt(state.v[i] / (1 - h.beta2 ** state.t)) + h.eps);
    }
  },
};
/** The same slip with a step 1 + 10⁻⁸ times too long: wrong at β₁ = 0 too (beyond the pass tolerance), but not by that slip. */
const vOnlyLonger = {
  adamStep(x: Float64Array, g: Float64Array, state: { t: number; m: Float64Array; v: Float64Array }, h: { lr: number; beta1: number; beta2: number; eps: number }): void {
    vOnly.adamStep(x, g, state, { ...h, lr: h.lr * (1 + 1e-8) });
  },
};

describe("diagnoses", () => {
  test("diagnose(got, mistakes, tol, expected) skips a mistake equal to the right answer", () => {
    const right = [[1, 2]];
    const mistakes = [{ message: "same as right", values: [[1, 2]] }, { message: "really wrong", values: [[1, 3]] }];
    expect(diagnose([[1, 2]], mistakes, undefined, right)).toBeNull();
    expect(diagnose([[1, 3]], mistakes, undefined, right)).toBe("really wrong");
    expect(diagnose([[1, 2 + 1e-6]], mistakes, undefined, right)).toBeNull(); // outside the pass tolerance of both
  });

  test("“You corrected v but not m” is named where β₁ ≠ 0", () => {
    const r = runCase({ name: "β₁ = 0.9", run: (s) => adamCase(s as never, 81, 3, { lr: 0.1, beta1: 0.9, beta2: 0.999, eps: 1e-8 }, 30, "quadratic") }, vOnly);
    expect(r.pass).toBe(false);
    expect(r.message).toMatch(/You corrected v but not m/);
  });

  test("with β₁ = 0 that slip is the right rule: the case passes and no diagnosis names it", () => {
    const beta0 = { name: "β₁ = 0", run: (s: unknown) => adamCase(s as never, 182, 4, { lr: 0.01, beta1: 0, beta2: 0.99, eps: 1e-8 }, 20, "gradients") };
    expect(runCase(beta0, vOnly).pass).toBe(true);
    const wrong = runCase(beta0, vOnlyLonger);
    expect(wrong.pass).toBe(false);
    expect(wrong.message).not.toMatch(/You corrected v but not m/);
  });
});
