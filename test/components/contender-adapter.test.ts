import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { adaptContender } from "../../src/components/editor/sandbox/contender.js";
import { fairContender } from "../../lib/analysis/fair-comparison.js";
import { sentencesTask } from "../../lib/compare.js";
import { sgd } from "../../lib/optimizers/index.js";

const sentences = JSON.parse(readFileSync(join(process.cwd(), "data", "sentences.json"), "utf8"));
const options = { seeds: [0], halfDecades: 1, maxExtend: 3 };

describe("the contender adapter (Choosing an optimizer)", () => {
  it("tunes the reader's optimizer with the chapter's protocol: the library's SGD gives the library's result", () => {
    const r = adaptContender({ factory: (lr: number) => sgd({ lr }), lr0: 1, name: "mine" }, { sentences, options });
    const lib = fairContender(sentencesTask(sentences), { name: "yours", label: "mine", family: "adam", lr0: 1, make: (lr) => sgd({ lr }) }, options);
    expect(r.label).toBe("mine");
    expect(r.testLoss).toEqual(lib.testLoss);
    expect(r.selected.map((s) => s.k)).toEqual(lib.selected.map((s) => s.k));
  });
  it("a step that adds weight decay into g in place is measured as the same rule on a local copy (the adapter hands step a copy)", () => {
    const make = (inPlace: boolean) => (lr: number) => ({
      name: "wd",
      init: (dim: number) => ({ t: 0, dim }),
      step(x: Float64Array, g: Float64Array, s: { t: number }) {
        s.t++;
        const d = inPlace ? g : Float64Array.from(g);
        for (let i = 0; i < x.length; i++) d[i] += 0.01 * x[i];
        for (let i = 0; i < x.length; i++) x[i] -= lr * d[i];
      },
    });
    const [a, b] = [true, false].map((inPlace) => adaptContender({ factory: make(inPlace), lr0: 1 }, { sentences, options }));
    expect(Number.isFinite(a.testLoss.median)).toBe(true);
    expect(a.testLoss).toEqual(b.testLoss);
    expect(a.selected).toEqual(b.selected);
  });
  it("names lr0 and its allowed range when it is not a positive number", () => {
    expect(() => adaptContender({ factory: () => sgd({ lr: 1 }), lr0: -1 }, { sentences, options })).toThrow(/lr0 must be a finite number > 0/);
    expect(() => adaptContender({ lr0: 1 }, { sentences, options })).toThrow(/factory/);
  });
});
