import { describe, expect, test } from "vitest";
import { ravine } from "../../lib/index.js";
import { nesterovStepPoints, nesterovStepText } from "../../src/components/charts/nesterov-step-diagram.js";

// On the ravine f = 0.1·x1² + 2·x2², ∇f = (0.2·x1, 4·x2). From θ = (−3, 1), v = (−0.5, 0.8), η = 0.1, γ = 0.9:
//   jump −γv = (0.45, −0.72); look-ahead θ − γv = (−2.55, 0.28); ∇f there = (−0.51, 1.12)
//   Nesterov: (−2.55 + 0.051, 0.28 − 0.112) = (−2.499, 0.168)
//   momentum: ∇f(θ) = (−0.6, 4); θ − η∇f(θ) = (−2.94, 0.6); then the jump: (−2.49, −0.12)
const state = { theta: [-3, 1], v: [-0.5, 0.8], lr: 0.1, gamma: 0.9 };

describe("nesterovStepPoints(objective, state)", () => {
  test("gives the look-ahead, Nesterov's and momentum's new θ by hand", () => {
    const p = nesterovStepPoints(ravine(), state);
    const close = (got: number[], want: number[]) => got.forEach((v, i) => expect(v).toBeCloseTo(want[i], 12));
    close(p.theta, [-3, 1]);
    close(p.look, [-2.55, 0.28]);
    close(p.nesterov, [-2.499, 0.168]);
    close(p.gradEnd, [-2.94, 0.6]);
    close(p.momentum, [-2.49, -0.12]);
  });
});

describe("nesterovStepText(points, state)", () => {
  test("names the diagram and says where each method looks and lands", () => {
    const text = nesterovStepText(nesterovStepPoints(ravine(), state), state);
    expect(text.label).toContain("θ = (−3, 1)");
    expect(text.label).toContain("η = 0.1, γ = 0.9");
    expect(text.summary).toContain("look-ahead point θ − γv = (−2.55, 0.28)");
    expect(text.summary).toContain("landing at (−2.5, 0.168)");
    expect(text.summary).toContain("landing at (−2.49, −0.12)");
    expect(text.rows.map((r) => r.point)).toHaveLength(5);
  });
});
