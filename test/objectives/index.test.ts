import { describe, expect, it } from "vitest";
import { SURFACES } from "../../lib/objectives/index.js";

describe("SURFACES", () => {
  it("SURFACES lists 2-D objectives with a start inside each domain", () => {
    expect(SURFACES.map((s) => s.objective.name)).toEqual(["ravine", "beale", "saddle", "rosenbrock", "himmelblau", "rastrigin"]);
    for (const { objective, start } of SURFACES) {
      expect(objective.dim).toBe(2);
      start.forEach((v, i) => {
        expect(v).toBeGreaterThan(objective.domain[i][0]);
        expect(v).toBeLessThan(objective.domain[i][1]);
      });
      expect(Number.isFinite(objective.value(Float64Array.from(start)))).toBe(true);
    }
  });
});
