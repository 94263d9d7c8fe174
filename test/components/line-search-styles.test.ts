import { describe, expect, it } from "vitest";
import * as lineSearch from "../../src/components/charts/line-search-chart.js";
const { searchStyles } = lineSearch;

describe("line-search chart styles", () => {
  it("golden section, Newton–Raphson and secant keep their colours and symbols when backtracking is absent (learning-rate's two line-search charts)", () => {
    const all = searchStyles(["backtracking trials", "golden-section evaluations", "Newton–Raphson iterates", "secant iterates"]);
    const three = searchStyles(["golden-section evaluations", "Newton–Raphson iterates", "secant iterates"]);
    expect(three.colors).toEqual(all.colors.slice(1));
    expect(three.symbols).toEqual(all.symbols.slice(1));
    expect(new Set(all.colors).size).toBe(4);
  });
  it("labels of other kinds get distinct spare styles", () => {
    const s = searchStyles(["exact", "Polyak"]);
    expect(s.colors[0]).not.toBe(s.colors[1]);
  });
});

describe("line-search chart numbering", () => {
  it("numbers backtracking's trials only, never golden section's crowded evaluations (learning-rate's second chart at 390 px)", () => {
    const { numberedSearch } = lineSearch;
    expect(numberedSearch(["backtracking trials", "golden-section evaluations"])).toBe("backtracking trials");
    expect(numberedSearch(["golden-section evaluations", "Newton–Raphson iterates", "secant iterates"])).toBeNull();
  });
});
