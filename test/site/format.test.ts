import { describe, expect, test } from "vitest";
import { num, numberParts, point, setting, superscript } from "../../src/components/format.js";
import { fmt } from "../../src/components/tex.js";

describe("num(value, digits)", () => {
  test.each([
    [0.5, "0.5"],
    [-0.25, "−0.25"],
    [1 / 3, "0.333"],
    [12345, "12300"],
    [0.0001, "0.0001"],
    [0.000001, "1×10⁻⁶"],
    [1e-8, "1×10⁻⁸"],
    [-3.2e-5, "−3.2×10⁻⁵"],
    [-1234567, "−1.23×10⁶"],
    [99999.5, "1×10⁵"],
    [0.00009999, "0.0001"],
    [0, "0"],
    [Infinity, "∞"],
    [-Infinity, "−∞"],
    [NaN, "NaN"],
  ])("num(%s) is %s", (value, text) => {
    expect(num(value)).toBe(text);
  });

  test("uses one minus sign (U+2212) and never an e-notation, over many magnitudes", () => {
    for (let k = -15; k <= 15; k++) {
      for (const v of [3.21 * 10 ** k, -7 * 10 ** k]) {
        const text = num(v);
        expect(text, `${v}`).not.toMatch(/[-e]/);
        if (v < 0) expect(text.startsWith("−"), `${v}`).toBe(true);
      }
    }
  });

  test("digits sets the significant digits", () => {
    expect(num(Math.PI, 5)).toBe("3.1416");
    expect(num(2 / 3e7, 2)).toBe("6.7×10⁻⁸");
  });
});

test("superscript(n)", () => {
  expect(superscript(-12)).toBe("⁻¹²");
});

test("point(values) formats each coordinate", () => {
  expect(point([-5, 2e-6])).toBe("(−5, 2×10⁻⁶)");
});

test("numberParts chooses scientific on the rounded value", () => {
  expect(numberParts(99999.5, 3)).toEqual({ mantissa: 1, exponent: 5 });
  expect(numberParts(0.5, 3)).toEqual({ mantissa: 0.5, exponent: null });
});

test("tex's fmt follows the same style in TeX", () => {
  expect(fmt(-3.2e-5)).toBe("-3.2 \\times 10^{-5}");
  expect(fmt(0.25)).toBe("0.25");
  expect(fmt(99999.5, 3)).toBe("1 \\times 10^{5}");
});

describe("setting: a hyperparameter's value as the course writes it", () => {
  test("writes eps = 1e-8 as 1×10⁻⁸, a learning rate with its digits, and booleans as words", () => {
    expect(setting(1e-8)).toBe("1×10⁻⁸");
    expect(setting(0.001)).toBe("0.001");
    expect(setting(0.123456789)).toBe("0.123456789");
    expect(setting(false)).toBe("false");
  });
});
