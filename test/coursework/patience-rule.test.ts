// The patience-rule exercise grades the rule, not a way of writing it: the page
// says "an improvement larger than δ", the statement "a loss below best − δ".
// Both spellings must pass every case (visible and hidden); the two slips the
// statement warns about — counting an improvement of exactly δ, and restoring
// the lowest epoch instead of the last improving one — must each fail a case.
import { describe, expect, test } from "vitest";
import { runCase } from "../../exercises/check.js";
import { check } from "../../exercises/strategies/patience-rule.check.js";
import { cases as hidden, casesFor } from "../../exercises/strategies/patience-rule.hidden.js";
import { visibleCases, checkParams } from "../../exercises/check.js";
import * as reference from "../../exercises/strategies/patience-rule.js";
import type { Params } from "../../exercises/strategies/patience-rule.check.js";

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

// The same four claims for every student's variant (25 ids): the drawn δ and curves keep them true.
describe("strategies/patience-rule cases, per student (25 ids)", () => {
  const STUDENTS = Array.from({ length: 25 }, (_, k) => `student${k}`);
  const casesOf = (id: string) => ({ visible: visibleCases(check, id), hidden: casesFor(checkParams(check, id) as Params) });
  const failingFor = (id: string, submission: ReturnType<typeof rule> | typeof reference) => {
    const { visible, hidden } = casesOf(id);
    return [...visible, ...hidden].map((c) => runCase(c, submission)).filter((r) => !r.pass).map((r) => r.name);
  };

  test("the students' variants differ (δ, the exact-δ curve, the noisy curves)", () => {
    expect(new Set(STUDENTS.map((id) => JSON.stringify(checkParams(check, id)))).size).toBeGreaterThan(20);
    expect(new Set(STUDENTS.map((id) => (checkParams(check, id) as Params).delta)).size).toBe(3);
  });

  test("the reference solution passes every visible and hidden case of every student", () => {
    for (const id of STUDENTS) expect(failingFor(id, reference), id).toEqual([]);
  });

  test("“a loss below best − δ” and “an improvement larger than δ” pass every case of every student", () => {
    for (const id of STUDENTS) {
      expect(failingFor(id, rule((v, best, d) => v < best - d)), id).toEqual([]);
      expect(failingFor(id, rule((v, best, d) => best - v > d)), id).toEqual([]);
    }
  });

  test("counting an improvement of exactly δ fails the exact-δ case for every student", () => {
    for (const id of STUDENTS) expect(failingFor(id, rule((v, best, d) => v <= best - d)), id).toContain("an improvement of exactly δ is no improvement");
  });

  test("restoring the lowest epoch fails a visible case for every student", () => {
    for (const id of STUDENTS) {
      const visible = casesOf(id).visible.map((c) => c.name);
      expect(failingFor(id, rule((v, best, d) => v < best - d, "lowest")).filter((n) => visible.includes(n)).length, id).toBeGreaterThan(0);
    }
  });
});
