import { describe, expect, test } from "vitest";
import { adamFirstStep, escapeSteps, gdEscapeSteps } from "../../lib/arena/escape.js";
import { minimize } from "../../lib/run.js";
import { saddle } from "../../lib/objectives/saddle.js";
import { adam } from "../../lib/optimizers/adam.js";

describe("saddle escape", () => {
  test("gdEscapeSteps(η, y₀) matches gradient descent measured", () => {
    // ln(1000)/ln(1.2) = 37.89 → 38
    expect(gdEscapeSteps(0.1, 1e-3)).toBe(38);
    for (const [lr, y0] of [[0.1, 1e-3], [0.05, 1e-6], [0.3, 1e-9], [0.01, 0.5]]) {
      expect(escapeSteps("sgd", { lr }, y0)).toBe(gdEscapeSteps(lr, y0));
    }
  });
  test("nobody leaves the ridge y₀ = 0", () => {
    expect(gdEscapeSteps(0.1, 0)).toBe(Infinity);
    for (const name of ["sgd", "momentum", "adam", "rmsprop", "adagrad", "adadelta"] as const) {
      expect(escapeSteps(name, { lr: 0.1 }, 0, { steps: 300 })).toBeNull();
    }
  });
  test("Adam's first step is η·g/(|g| + ε)", () => {
    const t = minimize(saddle(), adam({ lr: 0.03 }), [-1, 1e-3], { steps: 1 });
    expect(t.x[3] - t.x[1]).toBeCloseTo(-adamFirstStep(0.03, -2e-3), 15);
    expect(adamFirstStep(0.03, -2e-3)).toBeCloseTo(-0.03, 6);
  });
  test("Adam's escape time hardly depends on y₀, gradient descent's grows like ln(1/|y₀|)", () => {
    const a = escapeSteps("adam", { lr: 0.1 }, 1e-3)!;
    const b = escapeSteps("adam", { lr: 0.1 }, 1e-20)!;
    expect(b - a).toBeLessThanOrEqual(5);
    expect(gdEscapeSteps(0.1, 1e-20) - gdEscapeSteps(0.1, 1e-3)).toBeGreaterThan(200);
  });
});
