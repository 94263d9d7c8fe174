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
