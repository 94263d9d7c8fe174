/**
 * The chapter's build-time JSON (src/data/choosing-comparison.json.ts) must be
 * what lib computes today: one optimizer is recomputed fresh and compared, so
 * a loader output cached from an older lib is caught.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fairContender } from "../../lib/analysis/fair-comparison.js";
import { defaultContenders } from "../../lib/compare.js";
import { CHOOSING_OPTIONS, choosingComparison, choosingTasks, compact } from "../../scripts/choosing-comparison.js";

const CACHE = join(process.cwd(), "src", ".observablehq", "cache", "data", "choosing-comparison.json");
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
  it.runIf(existsSync(CACHE))("the built JSON (Framework's cache) matches a fresh computation of Adam on housing", () => {
    const built = revive(readFileSync(CACHE, "utf8"));
    expect(built.options).toEqual(CHOOSING_OPTIONS);
    expect(built.results.find((r: { task: string; contender: string }) => r.task === "housing" && r.contender === "adam")).toEqual(compact(fairContender(housing, adam, CHOOSING_OPTIONS)));
  });
  it.runIf(existsSync(CACHE))("the tuning-budget curve never counts a run as worse than learning nothing (capped at the initial test loss)", () => {
    const built = revive(readFileSync(CACHE, "utf8"));
    for (const r of built.results) {
      const nothing = r.initialTestLoss.reduce((a: number, b: number) => a + b, 0) / r.initialTestLoss.length;
      for (const b of r.budget) expect(b, `${r.task}/${r.contender}`).toBeLessThanOrEqual(nothing * (1 + 1e-5));
    }
  });
  it.runIf(existsSync(CACHE))("every optimizer's validation-selected η is inside its grid, on every problem and seed", () => {
    const built = revive(readFileSync(CACHE, "utf8"));
    for (const r of built.results) {
      for (const s of r.selected) {
        expect(s.k, `${r.task}/${r.contender}/seed ${s.seed}`).toBeGreaterThan(r.ks[0]);
        expect(s.k, `${r.task}/${r.contender}/seed ${s.seed}`).toBeLessThan(r.ks.at(-1));
      }
    }
  });
});
