// The worker's message protocol, run in Node with a stand-in for the worker's `self`.
import { beforeAll, describe, expect, test } from "vitest";
import type { RunRequest, RunResponse } from "../../src/components/editor/sandbox/protocol.js";

const sent: RunResponse[] = [];
// Like a browser worker's global, it starts with network APIs that the worker must remove.
const fakeSelf: { postMessage(r: RunResponse): void; onmessage?: (e: { data: RunRequest }) => Promise<void>; fetch?: unknown; XMLHttpRequest?: unknown } = {
  postMessage: (r) => sent.push(r),
  fetch: () => "network",
  XMLHttpRequest: class {},
};

async function ask(request: RunRequest): Promise<RunResponse> {
  await fakeSelf.onmessage!({ data: request });
  return sent.at(-1)!;
}

describe("the sandbox worker", () => {
  beforeAll(async () => {
    (globalThis as unknown as { self: unknown }).self = fakeSelf;
    await import("../../src/workers/sandbox-worker.js");
  });

  test("answers a request with the adapted result and the same id", async () => {
    const response = await ask({ id: 7, code: "return minimize(ravine(), sgd({lr: 0.4}), [-5, -2], {steps: 3}).steps;", adapter: "data" });
    expect(response).toMatchObject({ id: 7, ok: true, value: 3 });
  });

  test("answers an error with the line it happened on", async () => {
    const response = await ask({ id: 8, code: "const f = ravine();\nreturn sgd({lr: -1});", adapter: "data" });
    expect(response.ok).toBe(false);
    if (response.ok) return;
    expect(response.error).toMatchObject({ name: "RangeError", location: { line: 2 } });
    expect(response.error.message).toMatch(/lr/);
  });

  test("answers a wrong shape with a ShapeError", async () => {
    const response = await ask({ id: 9, code: "return 3;", adapter: "optimizer" });
    expect(!response.ok && response.error.name).toBe("ShapeError");
  });

  test("has removed the network APIs before running code", async () => {
    const response = await ask({ id: 10, code: "return typeof self.fetch + ' ' + typeof self.XMLHttpRequest;", adapter: "data" });
    expect(response).toMatchObject({ ok: true, value: "undefined undefined" });
  });
});
