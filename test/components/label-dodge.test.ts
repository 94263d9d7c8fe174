// @vitest-environment jsdom
/**
 * End labels that do not collide (#21): `dodgeLabels` keeps labels at least a
 * gap apart, moving them as little as it can; the choosing page's "best of N"
 * chart, drawn with the page's own curves (test/fixtures/choosing-budget.json,
 * written from the built loader by scripts/data/choosing-budget-fixture.mjs),
 * has no two end labels in a panel closer than LABEL_GAP.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { dodgeLabels } from "../../src/components/label-dodge.js";
import { LABEL_GAP, TuningBudgetChart, type BudgetRow } from "../../src/components/charts/tuning-budget-chart.js";
import { OPTIMIZER_COLORS } from "../../src/components/optimizer-colors.js";
import { defaultContenders } from "../../lib/compare.js";

/** The smallest distance between consecutive values once sorted. */
function minSpacing(ys: readonly number[]): number {
  const s = [...ys].sort((a, b) => a - b);
  return Math.min(...s.slice(1).map((y, i) => y - s[i]));
}

describe("dodgeLabels", () => {
  it("pushes two labels at nearly the same height apart, symmetrically, to the gap", () => {
    const [a, b] = dodgeLabels([100, 100.4], 12);
    expect(b - a).toBeCloseTo(12, 9);
    expect((a + b) / 2).toBeCloseTo(100.2, 9);
  });
  it("keeps the input order of labels that were ordered, and leaves isolated labels where they are", () => {
    const out = dodgeLabels([50, 10, 51, 200], 12);
    expect(out[3]).toBe(200);
    expect(out[1]).toBe(10);
    expect(out[0]).toBeLessThan(out[2]);
    expect(out[2] - out[0]).toBeGreaterThanOrEqual(12 - 1e-9);
  });
  it.each([
    [[0, 0, 0, 0, 0]],
    [[5, 6, 7, 30, 31, 32, 33]],
    [[100, 99.9, 100.1, 88, 112]],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]],
  ])("spaces %j at least the gap apart", (wanted) => {
    expect(minSpacing(dodgeLabels(wanted, 12))).toBeGreaterThanOrEqual(12 - 1e-9);
  });
  it("stays inside the bounds when the labels fit, and still spaces them", () => {
    const out = dodgeLabels([0, 1, 2, 198, 199, 200], 12, [0, 200]);
    expect(Math.min(...out)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...out)).toBeLessThanOrEqual(200);
    expect(minSpacing(out)).toBeGreaterThanOrEqual(12 - 1e-9);
  });
  it("rejects a negative gap with a clear error", () => {
    expect(() => dodgeLabels([1, 2], -1)).toThrow(/gap must be a number ≥ 0, got -1/);
  });
});

describe("the choosing page's best-of-N chart", () => {
  const fixture = JSON.parse(readFileSync("test/fixtures/choosing-budget.json", "utf8")) as {
    tasks: { name: string; title: string }[];
    results: { task: string; contender: string; budget: number[]; initialTestLoss: number[] }[];
  };
  const contenders = defaultContenders();
  const families = [{ key: "sgd", title: "SGD" }, { key: "momentum", title: "momentum" }, { key: "adaptive", title: "Adagrad / RMSprop / Adadelta" }, { key: "adam", title: "Adam family" }];
  const labels = new Set(contenders.map((c) => c.label));

  /** The end labels' heights (pixels) per panel, as drawn. */
  function labelHeights(task: string, width: number): number[][] {
    const here = fixture.results.filter((r) => r.task === task);
    const rows: BudgetRow[] = here.flatMap((r) => {
      const c = contenders.find((c) => c.name === r.contender)!;
      return r.budget.map((loss, i) => ({ label: c.label, family: c.family, color: OPTIMIZER_COLORS[r.contender as keyof typeof OPTIMIZER_COLORS], n: i + 1, loss }));
    });
    const chart = TuningBudgetChart(rows, { width, task, families, ceiling: 2 * Math.max(...here.flatMap((r) => r.initialTestLoss)) });
    // The panel titles come first ("SGD" is a title and a label); the end labels are the last text mark.
    const mark = Array.from(chart.querySelectorAll('g[data-plot-mark="text"]')).at(-1);
    expect(Array.from(mark?.querySelectorAll("text") ?? [], (t) => t.textContent).every((t) => labels.has(t ?? "")), "the end labels are drawn").toBe(true);
    return Array.from(mark!.children, (panel) =>
      Array.from(panel.querySelectorAll("text"), (t) => Number(/translate\([^,]+,([^)]+)\)/.exec(t.getAttribute("transform") ?? "")![1])),
    );
  }

  for (const task of ["housing", "sentences", "digits"]) {
    for (const width of [640, 390]) {
      it(`has no two end labels closer than ${LABEL_GAP} px in a panel (${task}, ${width} px wide)`, () => {
        const panels = labelHeights(task, width);
        expect(panels.length).toBe(families.length);
        expect(panels.flat().length).toBe(fixture.results.filter((r) => r.task === task).length);
        for (const ys of panels) if (ys.length > 1) expect(minSpacing(ys)).toBeGreaterThanOrEqual(LABEL_GAP - 1e-6);
      });
    }
  }
});
