/**
 * The playground's build-time rivals for the race on sparse data
 * (src/data/playground-sparse.json.ts → scripts/playground-sparse.ts): a
 * rival's η per seed is the one the fair comparison of "Choosing an optimizer"
 * selects, and its race ends at the test loss that comparison ranks.
 */
import { describe, expect, it } from "vitest";
import { fairContender } from "../../lib/analysis/fair-comparison.js";
import { defaultContenders } from "../../lib/compare.js";
import { CHOOSING_OPTIONS, choosingTasks } from "../../scripts/choosing-comparison.js";
import { playgroundSparse, SPARSE_RIVALS } from "../../scripts/playground-sparse.js";

const sentences = choosingTasks().find((t) => t.name === "sentences")!;

describe("src/data/playground-sparse.json", () => {
  it("Adagrad races at the η the chapter's protocol selects per seed, and ends at the test loss it ranks", () => {
    const data = playgroundSparse(sentences, ["adagrad"]);
    const fair = fairContender(sentences, defaultContenders().find((c) => c.name === "adagrad")!, CHOOSING_OPTIONS);
    expect(data.seeds).toEqual(CHOOSING_OPTIONS.seeds);
    const [entry] = data.race.entries;
    expect(entry.lrs).toEqual(fair.selected.map((s) => s.lr));
    expect(entry.test.values).toEqual(fair.selected.map((s) => s.testLoss));
    expect(data.fair).toEqual([{ name: "adagrad", testLoss: fair.testLoss }]);
    expect(fair.interior).toBe(true);
  });
  it("every rival is a contender of the fair comparison", () => {
    const names = defaultContenders().map((c) => c.name);
    expect(SPARSE_RIVALS.every((n) => names.includes(n))).toBe(true);
  });
});
