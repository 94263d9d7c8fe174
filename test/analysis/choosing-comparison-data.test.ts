/**
 * The chapter's build-time JSON (src/data/choosing-comparison.json.ts) must be
 * what lib computes today: one optimizer is recomputed fresh and compared, so
 * a loader output cached from an older lib is caught. The built JSON itself is
 * checked after the build, in test/e2e/choosing-data.e2e.test.ts.
 */
import { describe, expect, it } from "vitest";
import { fairContender } from "../../lib/analysis/fair-comparison.js";
import { defaultContenders } from "../../lib/compare.js";
import { CHOOSING_OPTIONS, choosingComparison, choosingTasks, compact } from "../../scripts/choosing-comparison.js";

const housing = choosingTasks().find((t) => t.name === "housing")!;
const adam = defaultContenders().find((c) => c.name === "adam")!;
const revive = (text: string) => JSON.parse(text, (_k, v) => (v === null ? Infinity : v));

describe("src/data/choosing-comparison.json", () => {
  it("the loader's computation for Adam on housing equals a fresh fairContender run", () => {
    const fresh = compact(fairContender(housing, adam, CHOOSING_OPTIONS));
    const viaLoader = revive(JSON.stringify(choosingComparison([housing], CHOOSING_OPTIONS, [adam])));
    expect(viaLoader.results).toEqual([fresh]);
    expect(fresh.interior).toBe(true);
  });
});
