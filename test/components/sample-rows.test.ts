import { describe, expect, test } from "vitest";
import { sampleRows } from "../../src/components/charts/sample-rows.js";

describe("sampleRows(rows, max)", () => {
  const range = (n: number) => Array.from({ length: n }, (_, i) => i);
  test("keeps short tables whole", () => {
    expect(sampleRows(range(5), 40)).toEqual({ rows: [0, 1, 2, 3, 4], every: 1 });
  });
  test("samples long tables evenly, first and last kept, never more than max", () => {
    // n = 101, max = 11: every ⌈100/10⌉ = 10th row → 0, 10, …, 100
    expect(sampleRows(range(101), 11)).toEqual({ rows: range(11).map((i) => i * 10), every: 10 });
    for (const n of [41, 99, 100, 1000, 1234]) {
      const { rows } = sampleRows(range(n), 40);
      expect(rows.length).toBeLessThanOrEqual(40);
      expect(rows[0]).toBe(0);
      expect(rows[rows.length - 1]).toBe(n - 1);
    }
  });
  test("rejects a max below 2", () => {
    expect(() => sampleRows(range(5), 1)).toThrow(/max must be at least 2, got 1/);
  });
});
