/**
 * The sandbox worker: runs readers' code cells off the main thread, so the
 * page stays responsive, with the whole library in scope. Bundled by the data
 * loader sandbox.js.ts. The page terminates it when a run exceeds its time
 * limit. Network and storage APIs are removed before any code runs: a shared
 * link's code can compute, not phone home.
 */
import * as lib from "../../lib/index.js";
import { adapt } from "../components/editor/sandbox/adapt.js";
import { evaluate } from "../components/editor/sandbox/evaluate.js";
import type { RunRequest, RunResponse } from "../components/editor/sandbox/protocol.js";

const scope = self as unknown as Record<string, unknown>;
for (const name of ["fetch", "XMLHttpRequest", "WebSocket", "EventSource", "importScripts", "indexedDB", "caches", "Worker", "SharedWorker", "BroadcastChannel"]) {
  try {
    Object.defineProperty(scope, name, { value: undefined, configurable: false, writable: false });
  } catch {
    // not present in this browser
  }
}

self.onmessage = async (event: MessageEvent<RunRequest>) => {
  const { id, code, adapter, params = {} } = event.data;
  const start = performance.now();
  const evaluation = await evaluate(code, lib as unknown as Record<string, unknown>);
  let response: RunResponse;
  if (!evaluation.ok) {
    response = { id, ok: false, error: evaluation.error, logs: evaluation.logs, ms: performance.now() - start };
  } else {
    try {
      const value = adapt(adapter, evaluation.value, params);
      response = { id, ok: true, value, logs: evaluation.logs, ms: performance.now() - start };
    } catch (error) {
      const e = error as Error;
      response = { id, ok: false, error: { name: e.name ?? "Error", message: e.message ?? String(error) }, logs: evaluation.logs, ms: performance.now() - start };
    }
  }
  try {
    self.postMessage(response);
  } catch (error) {
    self.postMessage({ id, ok: false, error: { name: "ShapeError", message: `The result could not be sent back to the page: ${(error as Error).message}` }, logs: evaluation.logs, ms: performance.now() - start });
  }
};

// Tell the page the worker has loaded: its time limits count from here, so a
// slow start (a large bundle on a busy machine) is not charged to the reader's code.
self.postMessage({ ready: true });
