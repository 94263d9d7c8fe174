import { describe, expect, test } from "vitest";
import { lab } from "d3";
import { OPTIMIZER_COLORS } from "../../src/components/optimizer-colors.js";

/** WCAG 2.1 relative luminance and contrast ratio of two #rrggbb colors. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const v = parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};

describe("OPTIMIZER_COLORS", () => {
  // The light theme ("air"): page #ffffff, panels #f6f6f6; the dark theme
  // ("near-midnight"): page #1e1e1e, sidebar and panels #161616.
  for (const [theme, background] of [["light", "#ffffff"], ["light", "#f6f6f6"], ["dark", "#1e1e1e"], ["dark", "#161616"]]) {
    test(`every series keeps ≥ 3:1 contrast on the ${theme} background ${background}`, () => {
      const weak = Object.entries(OPTIMIZER_COLORS).filter(([, color]) => contrast(color, background) < 3);
      expect(weak).toEqual([]);
    });
  }
  test("the contrast helper reproduces known ratios (black on white 21:1, #767676 on white 4.54:1)", () => {
    expect(contrast("#000000", "#ffffff")).toBeCloseTo(21, 6);
    expect(contrast("#767676", "#ffffff")).toBeCloseTo(4.54, 2);
  });
  test("any two series stay ≥ 15 CIELAB units apart (ΔE*ab), so the narrow contrast band keeps them distinguishable", () => {
    const entries = Object.entries(OPTIMIZER_COLORS);
    const close: string[] = [];
    for (let i = 0; i < entries.length; ++i)
      for (let j = i + 1; j < entries.length; ++j) {
        const [a, b] = [lab(entries[i][1]), lab(entries[j][1])];
        const d = Math.hypot(a.l - b.l, a.a - b.a, a.b - b.b);
        if (d < 15) close.push(`${entries[i][0]}/${entries[j][0]} ${d.toFixed(1)}`);
      }
    expect(close).toEqual([]);
  });
  test("every optimizer has its own color", () => {
    const colors = Object.values(OPTIMIZER_COLORS);
    expect(new Set(colors).size).toBe(colors.length);
  });
});
