import { describe, expect, test } from "vitest";
import { adapt } from "../../src/components/editor/sandbox/adapt.js";
import { ShapeError } from "../../src/components/editor/sandbox/adapters.js";
import { ewa } from "../../lib/index.js";

describe("adapt('apply', value, {input})", () => {
  test("calls the returned function with the page's data and passes its plain result on", () => {
    const input = [20, 22, 21];
    const value = adapt("apply", (xs: number[]) => [{ label: "ewa", values: Array.from(ewa(xs, 0.5)) }], { input });
    expect(value).toEqual([{ label: "ewa", values: [10, 16, 18.5] }]);
  });

  test("explains what to return when the code returns something else", () => {
    expect(() => adapt("apply", undefined, { input: 1 })).toThrow(/returned nothing/);
    expect(() => adapt("apply", [1, 2], { input: 1 })).toThrow(ShapeError);
    expect(() => adapt("apply", [1, 2], { input: 1 })).toThrow(/must return a function.*an array/);
  });

  test("rejects a function that returns nothing, a promise, or something that is not plain data", () => {
    expect(() => adapt("apply", () => undefined, { input: 1 })).toThrow(/function returned nothing/);
    expect(() => adapt("apply", async () => 1, { input: 1 })).toThrow(/promise/);
    expect(() => adapt("apply", () => () => 1, { input: 1 })).toThrow(/not plain data/);
  });

  test("an error inside the reader's function reaches the caller", () => {
    expect(() => adapt("apply", (xs: number[]) => xs.map((x) => (x as unknown as { y: { z: number } }).y.z), { input: [1] })).toThrow(TypeError);
  });
});
