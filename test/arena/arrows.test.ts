import { describe, expect, test } from "vitest";
import { angleBetween, arrowPath, describeArrows } from "../../src/components/arena/arrows.js";

describe("the map's arrows (src/components/arena/arrows.ts)", () => {
  test("an arrow within the limit ends at its tip and is not cut", () => {
    const a = arrowPath(10, 20, 30, -40, 100);
    expect(a.cut).toBe(false);
    expect(a.d.startsWith("M10,20L40,-20")).toBe(true);
  });
  test("an arrow longer than the limit is cut to it and marked", () => {
    const a = arrowPath(0, 0, 300, 400, 50);
    expect(a.cut).toBe(true);
    expect(a.d.startsWith("M0,0L30,40")).toBe(true);
    // shaft, head, and the two strokes of the break mark
    expect(a.d.match(/M/g)!.length).toBe(4);
  });
  test("a zero or non-finite vector draws nothing", () => {
    expect(arrowPath(0, 0, 0, 0, 50).d).toBe("");
    expect(arrowPath(0, 0, NaN, 1, 50).d).toBe("");
  });
  test("angleBetween: same direction 0°, opposite 180°, undefined for a zero vector", () => {
    expect(angleBetween([1, 0], [2, 0])).toBeCloseTo(0, 12);
    expect(angleBetween([1, 0], [-3, 0])).toBeCloseTo(180, 12);
    expect(angleBetween([0, 1], [1, 0])).toBeCloseTo(90, 12);
    expect(angleBetween([0, 0], [1, 0])).toBeNull();
  });
  test("the description gives both arrows, the length ratio and the angle", () => {
    const text = describeArrows("Momentum", { step: 3, position: [1, 2], gradient: [-1, 0], gradientStep: [0.1, 0], update: [0, 0.2] }, false, { gradient: false, update: true });
    expect(text).toBe("Momentum at (1, 2): plain gradient step −η∇f (0.1, 0), next update (0, 0.2) (drawn cut short), 2 × as long, 90° apart.");
    expect(describeArrows("Adam", { step: 9, position: [0, 0], gradient: [1, 1], gradientStep: [-1, -1], update: null }, false, { gradient: false, update: false })).toMatch(/no update after the last step\.$/);
    expect(describeArrows("Adam", { step: 9, position: [0, 0], gradient: [1, 1], gradientStep: [-1, -1], update: null }, true, { gradient: false, update: false })).toBe("Adam has diverged.");
  });
});
