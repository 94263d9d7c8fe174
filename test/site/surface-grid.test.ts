import { describe, expect, test } from "vitest";
import { ravine } from "../../lib/index.js";
import { objective } from "../../lib/objectives/objective.js";
import { surfaceGrid } from "../../src/components/surface-grid.js";

const bowl = (a: number) =>
  objective({ name: "mine", dim: 2, value: (x) => a * x[0] ** 2 + x[1] ** 2, grad: (x) => [2 * a * x[0], 2 * x[1]], domain: [[-1, 1], [-1, 1]] });

describe("surfaceGrid(objective, x, y, nx, ny)", () => {
  test("samples the value at the cell centres, row 0 at the bottom", () => {
    const grid = surfaceGrid(bowl(1), [-1, 1], [-1, 1], 2, 2);
    // centres at ±0.5: every value 0.25 + 0.25
    expect(Array.from(grid.values)).toEqual([0.5, 0.5, 0.5, 0.5]);
  });

  test("reuses the grid of a surface rebuilt with the same definition", () => {
    expect(surfaceGrid(ravine(), [-6, 2], [-3, 3])).toBe(surfaceGrid(ravine(), [-6, 2], [-3, 3]));
  });

  test("never hands one surface's grid to another that shares its name", () => {
    const first = surfaceGrid(bowl(1), [-1, 1], [-1, 1], 8, 8);
    const second = surfaceGrid(bowl(3), [-1, 1], [-1, 1], 8, 8);
    expect(second).not.toBe(first);
    expect(second.max).toBeGreaterThan(first.max);
  });
});
