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
  it("names lr0 and its allowed range when it is not a positive number", () => {
    expect(() => adaptContender({ factory: () => sgd({ lr: 1 }), lr0: -1 }, { sentences, options })).toThrow(/lr0 must be a finite number > 0/);
    expect(() => adaptContender({ lr0: 1 }, { sentences, options })).toThrow(/factory/);
  });
});
