// The patience-rule exercise grades the rule, not a way of writing it: the page
// says "an improvement larger than δ", the statement "a loss below best − δ".
// Both spellings must pass every case (visible and hidden); the two slips the
// statement warns about — counting an improvement of exactly δ, and restoring
// the lowest epoch instead of the last improving one — must each fail a case.
import { describe, expect, test } from "vitest";
import { runCase } from "../../exercises/check.js";
import { check } from "../../exercises/strategies/patience-rule.check.js";
import { cases as hidden } from "../../exercises/strategies/patience-rule.hidden.js";

type Improves = (v: number, best: number, minDelta: number) => boolean;

/** The patience rule with the improvement test `improves` and the restored epoch chosen by `restore`. */
function rule(improves: Improves, restore: "last-improvement" | "lowest" = "last-improvement") {
  return {
    patienceStop(validation: number[], patience: number, minDelta: number) {
      if (!Number.isInteger(patience) || patience < 1) throw new RangeError(`patience must be an integer ≥ 1, got ${patience}`);
      if (!(minDelta >= 0)) throw new RangeError(`minDelta must be ≥ 0, got ${minDelta}`);
      let best = Infinity;
      let bestEpoch = 0;
      let since = 0;
      let stopEpoch: number | null = null;
      for (let e = 0; e < validation.length; e++) {
        if (improves(validation[e], best, minDelta)) {
          best = validation[e];
          bestEpoch = e + 1;
          since = 0;
        } else if (++since >= patience) {
          stopEpoch = e + 1;
          break;
        }
      }
      if (restore === "lowest") {
        const seen = validation.slice(0, stopEpoch ?? validation.length);
        bestEpoch = seen.indexOf(Math.min(...seen)) + 1;
      }
      return { bestEpoch, stopEpoch };
    },
  };
}

const all = [...check.cases, ...hidden];
const failing = (submission: ReturnType<typeof rule>) => all.map((c) => runCase(c, submission)).filter((r) => !r.pass).map((r) => r.name);

describe("strategies/patience-rule cases", () => {
  test("“a loss below best − δ” passes every visible and hidden case", () => {
    expect(failing(rule((v, best, d) => v < best - d))).toEqual([]);
  });

  test("“an improvement larger than δ” (best − v > δ) passes every visible and hidden case", () => {
    expect(failing(rule((v, best, d) => best - v > d))).toEqual([]);
  });

  test("counting an improvement of exactly δ fails the hidden exact-δ case", () => {
    expect(failing(rule((v, best, d) => v <= best - d))).toContain("an improvement of exactly δ is no improvement");
  });

  test("restoring the lowest epoch instead of the last improving one fails a visible case", () => {
    const names = failing(rule((v, best, d) => v < best - d, "lowest"));
    expect(names.filter((n) => check.cases.some((c) => c.name === n)).length).toBeGreaterThan(0);
  });
});
