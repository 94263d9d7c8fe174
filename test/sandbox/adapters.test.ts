import { describe, expect, test } from "vitest";
import { adapt } from "../../src/components/editor/sandbox/adapt.js";
import { ShapeError } from "../../src/components/editor/sandbox/adapters.js";
import { sgd } from "../../lib/index.js";

describe("adapt(name, value, params)", () => {
  test("data: passes plain data through and rejects functions and nothing", () => {
    expect(adapt("data", { a: [1, 2] })).toEqual({ a: [1, 2] });
    expect(() => adapt("data", () => 1)).toThrow(ShapeError);
    expect(() => adapt("data", undefined)).toThrow(/returned nothing/);
  });

  test("schedule: samples (t) => lr at t = 1…steps", () => {
    const { values } = adapt("schedule", (t: number) => 1 / t, { steps: 4 }) as { values: Float64Array };
    expect(Array.from(values)).toEqual([1, 0.5, 1 / 3, 0.25]);
  });

  test("schedule: names the step where the value is bad", () => {
    expect(() => adapt("schedule", (t: number) => (t === 3 ? NaN : 1), { steps: 5 })).toThrow(/at t = 3 it returned number NaN/);
    expect(() => adapt("schedule", 0.1, {})).toThrow(/must be a function/);
  });

  test("optimizer: runs the reader's optimizer and the comparisons on each surface", () => {
    const mine = sgd({ lr: 0.1 });
    const { runs } = adapt("optimizer", mine, { surfaces: ["ravine"], steps: 10, compare: [{ name: "sgd", hyper: { lr: 0.1 } }] }) as {
      runs: { label: string; trajectory: { x: Float64Array } }[];
    };
    expect(runs.map((r) => r.label)).toEqual(["sgd", "sgd"]);
    expect(Array.from(runs[0].trajectory.x)).toEqual(Array.from(runs[1].trajectory.x));
  });

  test("optimizer: explains what an optimizer is when given something else", () => {
    expect(() => adapt("optimizer", { init: () => ({}) }, {})).toThrow(/init\(dim\) → state and step/);
  });

  test("objective: samples a 2-D objective for contours and rejects other dimensions", () => {
    const spec = { name: "bowl", dim: 2, value: (x: Float64Array) => x[0] ** 2 + x[1] ** 2, grad: (x: Float64Array) => [2 * x[0], 2 * x[1]], domain: [[-1, 1], [-1, 1]] };
    const result = adapt("objective", spec, { compare: [{ name: "sgd", hyper: { lr: 0.1 } }], steps: 5 }) as { grid: { values: Float64Array }; runs: unknown[] };
    expect(result.grid.values.length).toBe(120 * 90);
    expect(result.runs).toHaveLength(1);
    expect(() => adapt("objective", { ...spec, dim: 1, domain: [[-1, 1]], value: (x: Float64Array) => x[0] ** 2, grad: (x: Float64Array) => [2 * x[0]] }, {})).toThrow(/must have dim 2/);
  });
});
