// The home hero's sentence about gradient descent on the ravine, checked against the run itself
// at every setting of the page's slider (η from 0.05 to 0.60 in steps of 0.01).
import { describe, expect, it } from "vitest";
import { minimize, ravine, sgd } from "../../lib/index.js";
import { ravineGdVerdict } from "../../src/components/ravine-verdict.js";

const etas = Array.from({ length: 56 }, (_, i) => Math.round((0.05 + 0.01 * i) * 100) / 100);
const runAt = (lr: number) => minimize(ravine(), sgd({ lr }), [-5, -2], { steps: 40 });
/** x₂ after each step (the trajectory stores x₁, x₂ per step). */
const x2s = (run: ReturnType<typeof runAt>) => Array.from({ length: run.steps + 1 }, (_, k) => run.x[2 * k + 1]);

describe("ravineGdVerdict (src/index.md's hero sentence)", () => {
  it("says 'slides … without crossing' only when x₂ never changes sign, and 'zig-zags' only when it changes sign every step", () => {
    for (const lr of etas) {
      const run = runAt(lr);
      const text = ravineGdVerdict(lr, run);
      const x2 = x2s(run).filter((v) => v !== 0);
      const flips = x2.slice(1).filter((v, k) => Math.sign(v) !== Math.sign(x2[k])).length;
      if (text.includes("slides")) expect(flips, `η = ${lr}`).toBe(0);
      if (text.includes("zig-zags")) expect(flips, `η = ${lr}`).toBe(x2.length - 1);
    }
  });
  it("says 'reaches the valley floor in one step' only when x₂ is 0 after one step, and 'never settles' only when |x₂| stays the same", () => {
    for (const lr of etas) {
      const run = runAt(lr);
      const text = ravineGdVerdict(lr, run);
      const x2 = x2s(run);
      if (text.includes("one step")) expect(x2[1], `η = ${lr}`).toBe(0);
      if (text.includes("never settles")) expect(Math.abs(x2.at(-1)!), `η = ${lr}`).toBeCloseTo(Math.abs(x2[0]), 9);
    }
  });
  it("says 'diverges' only when |x₂| grows, and names the stop step when the run was stopped", () => {
    for (const lr of etas) {
      const run = runAt(lr);
      const text = ravineGdVerdict(lr, run);
      const x2 = x2s(run).filter(Number.isFinite);
      if (text.includes("diverges")) expect(Math.abs(x2.at(-1)!), `η = ${lr}`).toBeGreaterThan(Math.abs(x2[0]));
      if (run.diverged) expect(text).toContain(`stopped at step ${run.divergedAt}`);
    }
  });
  it("covers every branch over the slider's range", () => {
    const texts = etas.map((lr) => ravineGdVerdict(lr, runAt(lr)));
    for (const word of ["slides", "one step", "zig-zags", "never settles", "grows by", "stopped at step"]) {
      expect(texts.some((t) => t.includes(word)), word).toBe(true);
    }
  });
});
