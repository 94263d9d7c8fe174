import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { sparseRace } from "../../lib/analysis/sparse-race.js";
import { sentencesTask } from "../../lib/compare.js";
import { quadratic } from "../../lib/objectives/index.js";
import { minimize } from "../../lib/run.js";
import type { Optimizer, OptimizerState } from "../../lib/types.js";

const sentences = JSON.parse(readFileSync(join(process.cwd(), "data", "sentences.json"), "utf8"));
const task = sentencesTask(sentences);

/** SGD with weight decay written the reviewer's two ways: into `g` in place, or into a local copy. */
function sgdWd(lr: number, wd: number, inPlace: boolean): Optimizer<OptimizerState, object> {
  return {
    name: inPlace ? "in place" : "copy",
    hyper: { lr, wd },
    init: (dim: number) => ({ t: 0, dim }),
    step(x: Float64Array, g: Float64Array, s: OptimizerState) {
      s.t += 1;
      const d = inPlace ? g : Float64Array.from(g);
      for (let i = 0; i < x.length; ++i) d[i] += wd * x[i];
      for (let i = 0; i < x.length; ++i) x[i] -= lr * d[i];
    },
  } as unknown as Optimizer<OptimizerState, object>;
}

describe("a step that writes into its gradient", () => {
  test("sparse race: weight decay added into g in place trains exactly as the same rule on a local copy", () => {
    const race = sparseRace(
      task,
      [true, false].map((inPlace) => ({ name: String(inPlace), label: String(inPlace), make: () => sgdWd(1, 0.01, inPlace) })),
      { seeds: [0] }
    );
    const [a, b] = race.entries;
    expect(Number.isFinite(a.train.median)).toBe(true);
    expect(a.train.values).toEqual(b.train.values);
    expect(a.test.values).toEqual(b.test.values);
  });

  test("minimize: the recorded effective learning rate uses the gradient as evaluated, not as the step left it", () => {
    const f = quadratic([[1, 0], [0, 4]]);
    const [a, b] = [true, false].map((inPlace) => minimize(f, sgdWd(0.1, 0.5, inPlace), [1, 1], { steps: 5 }));
    expect(a.x).toEqual(b.x);
    expect(a.effectiveLr).toEqual(b.effectiveLr);
    // (x_{t−1} − x_t)/g = η(1 + wd·x/g): not η, since the decay is part of the step.
    expect(a.effectiveLr[0]).toBeCloseTo(0.1 * (1 + 0.5 / 1), 12);
  });
});
