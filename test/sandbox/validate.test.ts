// What the page accepts from the sandbox: the protocol's shape, within size limits.
import { describe, expect, test } from "vitest";
import { measure, validateResponse } from "../../src/components/editor/sandbox/validate.js";

const result = (value: unknown, extra: Record<string, unknown> = {}) => ({ type: "result", id: 3, ok: true, value, logs: [], ms: 2, ...extra });

describe("validateResponse(data, id, limits)", () => {
  test("passes a well-formed result through", () => {
    expect(validateResponse(result({ x: [1, 2] }), 3)).toEqual({ id: 3, ok: true, value: { x: [1, 2] }, logs: [], ms: 2 });
  });

  test("refuses an answer for another run", () => {
    expect(validateResponse(result(1, { id: 4 }), 3)).toMatchObject({ ok: false, error: { message: /another run/ } });
  });

  test("refuses a forged 10⁵-point result beyond the cell's limit, counting typed arrays element by element", () => {
    const points = Array.from({ length: 1e5 }, (_, i) => ({ x: i, y: i }));
    expect(validateResponse(result(points), 3, { maxValues: 100_000, maxDepth: 64 })).toMatchObject({ ok: false, error: { name: "ShapeError" } });
    expect(validateResponse(result(new Float64Array(100_001)), 3, { maxValues: 100_000, maxDepth: 64 }).ok).toBe(false);
    expect(validateResponse(result(new Float64Array(99_000)), 3, { maxValues: 100_000, maxDepth: 64 }).ok).toBe(true);
  });

  test("refuses a 100k-deep value without overflowing the stack", () => {
    let deep: unknown = 0;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(validateResponse(result(deep), 3)).toMatchObject({ ok: false, error: { message: /nested more than 64 levels/ } });
  });

  test("an error needs a name and a message; a bad location is dropped; long text is cut", () => {
    expect(validateResponse({ type: "result", id: 3, ok: false, error: { name: 1 }, logs: [], ms: 0 }, 3)).toMatchObject({ ok: false, error: { name: "SandboxError" } });
    const r = validateResponse({ type: "result", id: 3, ok: false, error: { name: "TypeError", message: "x".repeat(10_000), location: { line: -1, column: 2 } }, logs: ["a".repeat(5_000)], ms: 0 }, 3);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.location).toBeUndefined();
    expect(r.error.message.length).toBeLessThanOrEqual(5_001);
    expect(r.logs[0].length).toBeLessThanOrEqual(2_001);
  });

  test("measure counts values and stops early past the limit", () => {
    expect(measure({ a: [1, 2, 3], b: new Float64Array(10) })).toEqual({ values: 1 + 1 + 3 + 10, tooDeep: false });
  });
});
