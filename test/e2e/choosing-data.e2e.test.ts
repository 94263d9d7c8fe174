/**
 * The choosing chapter's build-time JSON, as built (dist/_file/data/choosing-comparison.*.json):
 * it equals what lib computes today for one optimizer (a loader output cached from an older lib
 * is caught), its tuning-budget curve is capped at the untrained loss, and every selected η is
 * inside its grid. Runs after the build (it needs dist/), so it never skips.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fairContender } from "../../lib/analysis/fair-comparison.js";
import { defaultContenders } from "../../lib/compare.js";
import { CHOOSING_OPTIONS, choosingTasks, compact } from "../../scripts/choosing-comparison.js";
import { distDir } from "./setup.js";

const revive = (text: string) => JSON.parse(text, (_k, v) => (v === null ? Infinity : v));

function builtJson() {
  const folder = join(distDir, "_file", "data");
  const files = readdirSync(folder).filter((f) => /^choosing-comparison\.[0-9a-f]+\.json$/.test(f));
  expect(files, `one choosing-comparison JSON in ${folder}`).toHaveLength(1);
  return revive(readFileSync(join(folder, files[0]), "utf8"));
}

describe("the built choosing-comparison JSON", () => {
  const built = builtJson();
  it("matches a fresh computation of Adam on housing", () => {
    const housing = choosingTasks().find((t) => t.name === "housing")!;
    const adam = defaultContenders().find((c) => c.name === "adam")!;
    expect(built.options).toEqual(CHOOSING_OPTIONS);
    expect(built.results.find((r: { task: string; contender: string }) => r.task === "housing" && r.contender === "adam")).toEqual(compact(fairContender(housing, adam, CHOOSING_OPTIONS)));
  });
  it("its tuning-budget curve never counts a run as worse than learning nothing (capped at the initial test loss)", () => {
    for (const r of built.results) {
      const nothing = r.initialTestLoss.reduce((a: number, b: number) => a + b, 0) / r.initialTestLoss.length;
      for (const b of r.budget) expect(b, `${r.task}/${r.contender}`).toBeLessThanOrEqual(nothing * (1 + 1e-5));
    }
  });
  it("every optimizer's validation-selected η is inside its grid, on every problem and seed", () => {
    for (const r of built.results) {
      for (const s of r.selected) {
        expect(s.k, `${r.task}/${r.contender}/seed ${s.seed}`).toBeGreaterThan(r.ks[0]);
        expect(s.k, `${r.task}/${r.contender}/seed ${s.seed}`).toBeLessThan(r.ks.at(-1));
      }
    }
  });
});
