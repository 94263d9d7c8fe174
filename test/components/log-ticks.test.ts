import { describe, expect, it } from "vitest";
import { decadeTicks, logAxis, minorLogTicks } from "../../src/components/log-ticks.js";
import { tickNum } from "../../src/components/format.js";

describe("tickNum(value)", () => {
  it("writes powers of ten as 10ⁿ, with one minus sign, and other values as num does", () => {
    expect(tickNum(1e-5)).toBe("10⁻⁵");
    expect(tickNum(1e6)).toBe("10⁶");
    expect(tickNum(-1e-6)).toBe("−10⁻⁶");
    expect(tickNum(2e-5)).toBe("2×10⁻⁵");
    expect(tickNum(0.01)).toBe("0.01");
    expect(tickNum(-0.5)).toBe("−0.5");
    expect(tickNum(0)).toBe("0");
  });
});

describe("minorLogTicks(values, major)", () => {
  it("lists 2…9 × 10ᵉ inside the range, without the labelled ticks", () => {
    expect(minorLogTicks([1, 100], [1, 10, 100])).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 20, 30, 40, 50, 60, 70, 80, 90]);
  });
  it("includes the decades decadeTicks skipped, and stays empty past maxDecades (no barcode)", () => {
    expect(minorLogTicks([1, 100], [1, 100])).toContain(10);
    expect(minorLogTicks([1e-12, 1], decadeTicks([1e-12, 1]))).toEqual([]);
  });
});

describe("logAxis(values)", () => {
  it("is a log scale labelled at decadeTicks by tickNum", () => {
    const axis = logAxis([1e-8, 1]);
    expect(axis.type).toBe("log");
    expect(axis.ticks).toEqual(decadeTicks([1e-8, 1]));
    expect(axis.ticks.map(axis.tickFormat)).toEqual(axis.ticks.map(tickNum));
  });
});

describe("decadeTicks(values) labels every log axis with well-spread ticks", () => {
  /** At least three ticks, all inside [lo, hi], spanning at least half its log length, each label distinct. */
  function expectWellSpread(ticks: number[], lo: number, hi: number) {
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    for (const t of ticks) expect(t >= lo * 0.999 && t <= hi * 1.001, `${t} inside [${lo}, ${hi}]`).toBe(true);
    expect(Math.log(ticks[ticks.length - 1] / ticks[0])).toBeGreaterThanOrEqual(0.5 * Math.log(hi / lo));
    expect(new Set(ticks.map(tickNum)).size).toBe(ticks.length);
  }
  it.each([[0.6, 0.9], [0.95, 1.05], [2, 3], [1e-3, 1.5e-3], [0.31, 0.45], [1.1, 1.9], [0.2, 0.9], [3, 40], [0.05, 0.09]] as [number, number][])(
    "a range under about a decade, [%s, %s], gets three or more ticks over at least half of it",
    (lo, hi) => {
      const ticks = decadeTicks([lo, hi]);
      expectWellSpread(ticks, lo, hi);
      expect(ticks.length).toBeLessThanOrEqual(8);
    },
  );
  it("[0.6, 0.9] gets 0.6, 0.7, 0.8, 0.9 and [2, 3] steps of 0.2", () => {
    expect(decadeTicks([0.6, 0.9])).toEqual([0.6, 0.7, 0.8, 0.9]);
    expect(decadeTicks([2, 3])).toEqual([2, 2.2, 2.4, 2.6, 2.8, 3]);
  });
  it.each([[1, 10], [0.5, 5], [1e-5, 10], [1e-8, 1], [1e-12, 1e3], [0.9, 110]] as [number, number][])(
    "a multi-decade range, [%s, %s], gets 3 to 8 ticks (no barcode, no bare axis)",
    (lo, hi) => {
      const ticks = decadeTicks([lo, hi]);
      expectWellSpread(ticks, lo, hi);
      expect(ticks.length).toBeLessThanOrEqual(8);
    },
  );
  it("a single value gets that one tick; no positive value, none", () => {
    expect(decadeTicks([1, 1])).toEqual([1]);
    expect(decadeTicks([0, -1, NaN])).toEqual([]);
  });
});
