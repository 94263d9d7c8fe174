// The bundle's two roles, run in Node with a stand-in for the worker's `self`:
// a run answers one request on its port; a verify worker replays a transcript.
import { beforeAll, describe, expect, test, vi } from "vitest";
import type { RunRequest } from "../../src/components/editor/sandbox/protocol.js";

type Self = { postMessage(m: unknown): void; onmessage: ((e: { data: unknown }) => void) | null };

async function fresh(): Promise<Self & { sent: unknown[] }> {
  const sent: unknown[] = [];
  const fakeSelf = { sent, postMessage: (m: unknown) => sent.push(m), onmessage: null };
  (globalThis as unknown as { self: unknown }).self = fakeSelf;
  vi.resetModules();
  await import("../../src/workers/sandbox-worker.js");
  return fakeSelf;
}

/** One run through the "run" role: ready on the port, then the answer to `request`. */
async function ask(request: Omit<RunRequest, "id">): Promise<Record<string, unknown>> {
  const worker = await fresh();
  const { port1, port2 } = new MessageChannel();
  const messages: Record<string, unknown>[] = [];
  const answered = new Promise<void>((resolve) => {
    port1.onmessage = (e) => {
      messages.push(e.data);
      if (e.data.type === "ready") port1.postMessage({ id: 7, ...request });
      else resolve();
    };
  });
  worker.onmessage!({ data: { role: "run", port: port2 } });
  await answered;
  port1.close();
  expect(messages[0]).toEqual({ type: "ready" });
  return messages[1];
}

describe("the sandbox bundle", () => {
  beforeAll(() => {
    (globalThis as unknown as { self: unknown }).self = { postMessage() {}, onmessage: null };
  });

  test("run: answers a request on its port with the adapted result and the same id", async () => {
    const response = await ask({ code: "return minimize(ravine(), sgd({lr: 0.4}), [-5, -2], {steps: 3}).steps;", adapter: "data" });
    expect(response).toMatchObject({ type: "result", id: 7, ok: true, value: 3 });
  });

  test("run: answers an error with the line it happened on", async () => {
    const response = await ask({ code: "const f = ravine();\nreturn sgd({lr: -1});", adapter: "data" });
    expect(response).toMatchObject({ ok: false, error: { name: "RangeError", location: { line: 2 } } });
  });

  test("run: answers a wrong shape with a ShapeError", async () => {
    expect(await ask({ code: "return 3;", adapter: "optimizer" })).toMatchObject({ ok: false, error: { name: "ShapeError" } });
  });

  test("run: an exercise answers a transcript of calls, not a verdict", async () => {
    const response = await ask({ code: "return {gdStep: (x, g, lr) => { for (let i = 0; i < x.length; i++) x[i] -= lr * g[i]; }};", adapter: "exercise", params: { id: "gradient-descent/gd-step" } });
    expect(response).toMatchObject({ ok: true, value: { id: "gradient-descent/gd-step", exports: { gdStep: 0 } } });
    expect(response.value).not.toHaveProperty("passed");
  });

  test("verify: replays a transcript and posts the verdict; only the first message counts", async () => {
    const worker = await fresh();
    worker.onmessage!({ data: { role: "verify", id: "gradient-descent/gd-step", transcript: { id: "gradient-descent/gd-step", exports: {}, cases: [] } } });
    expect(worker.sent).toHaveLength(1);
    expect(worker.sent[0]).toMatchObject({ type: "verdict", ok: true, value: { passed: 0 } });
    expect(worker.onmessage).toBeNull();
  });
});
