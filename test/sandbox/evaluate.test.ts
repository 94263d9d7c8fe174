import { describe, expect, test } from "vitest";
import { evaluate, locationInStack, syntaxError } from "../../src/components/editor/sandbox/evaluate.js";

describe("evaluate(code, scope)", () => {
  test("returns what the code returns, with the scope's names in view", async () => {
    const result = await evaluate("const y = double(x);\nreturn y + 1;", { x: 20, double: (v: number) => 2 * v });
    expect(result).toEqual({ ok: true, value: 41, logs: [] });
  });

  test("allows await at the top level", async () => {
    const result = await evaluate("return await Promise.resolve(7);", {});
    expect(result.ok && result.value).toBe(7);
  });

  test("collects console output", async () => {
    const result = await evaluate('console.log("step", 1, [2, 3]);\nreturn null;', {});
    expect(result.logs).toEqual(["step 1 [2,3]"]);
  });

  test("reports a syntax error with its line and column", async () => {
    const result = await evaluate("const a = 1;\nconst b = ;\nreturn a;", {});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.name).toBe("SyntaxError");
    expect(result.error.location).toEqual({ line: 2, column: 11 });
  });

  test("reports a runtime error with the line of the reader's code that threw", async () => {
    const result = await evaluate("const a = 1;\n\nconst b = a.missing.field;\nreturn b;", {});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.name).toBe("TypeError");
    expect(result.error.location?.line).toBe(3);
  });

  test("reports a thrown non-Error value", async () => {
    const result = await evaluate('throw "oops";', {});
    expect(!result.ok && result.error.message).toBe("threw oops");
  });
});

describe("syntaxError(code) and locationInStack(stack)", () => {
  test("syntaxError is null for valid code with a top-level return", () => {
    expect(syntaxError("return 1")).toBeNull();
  });
  test("locationInStack subtracts the two wrapper lines", () => {
    expect(locationInStack("TypeError: x\n    at eval (eval at run (file.js:1:1), <anonymous>:5:9)")).toEqual({ line: 3, column: 9 });
    expect(locationInStack("Error\n    at somewhere (file.js:10:2)")).toBeUndefined();
  });
});
