import { describe, expect, test } from "vitest";
import { fmt } from "../../src/components/tex.js";

describe("fmt(value, digits)", () => {
  test("keeps up to four significant digits without trailing zeros", () => {
    expect(fmt(0.25)).toBe("0.25");
    expect(fmt(1 / 3)).toBe("0.3333");
    expect(fmt(2)).toBe("2");
    expect(fmt(-12.5)).toBe("-12.5");
  });
  test("writes tiny and huge values with a power of ten", () => {
    expect(fmt(1e-8)).toBe("1 \\times 10^{-8}");
    expect(fmt(123456)).toBe("1.235 \\times 10^{5}");
  });
  test("names non-finite values", () => {
    expect(fmt(NaN)).toBe("\\text{NaN}");
    expect(fmt(Infinity)).toBe("\\infty");
    expect(fmt(0)).toBe("0");
  });
});
