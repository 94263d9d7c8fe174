/**
 * The sandbox bundle (built by the data loader sandbox.js.ts). It plays one
 * of two roles, chosen by the first message it receives, and then ignores
 * every other message on its global scope:
 *
 * - `{role: "run", port}` — inside the cell's sandboxed iframe
 *   (sandbox/frame.ts), a fresh worker for each run of a reader's code: it says `{type: "ready"}` on
 *   the port, takes one `RunRequest` from it, evaluates the code with the
 *   library in scope, passes the result through the adapter and answers one
 *   `RunResponse` on the port. The iframe's opaque origin and
 *   Content-Security-Policy, which this worker inherits, are what keep the code
 *   off the network and out of storage; nothing here relies on deleting
 *   globals. The iframe terminates the worker when the run ends, at the
 *   page's request (or the page removes the iframe).
 * - `{role: "verify", id, transcript}` — at the page's origin, a fresh worker
 *   that never sees reader code: it replays an exercise's transcript against
 *   the checks (sandbox/exercise.ts) and posts the verdict.
 */
import * as lib from "../../lib/index.js";
import { adapt } from "../components/editor/sandbox/adapt.js";
import { evaluate } from "../components/editor/sandbox/evaluate.js";
import { verifyExercise } from "../components/editor/sandbox/exercise.js";
import type { RunRequest, RunResponse } from "../components/editor/sandbox/protocol.js";

type Answer = RunResponse extends infer R ? (R extends RunResponse ? Omit<R, "id"> : never) : never;

async function answer(request: RunRequest): Promise<Answer> {
  const { code, adapter, params = {} } = request;
  const start = performance.now();
  const evaluation = await evaluate(String(code), lib as unknown as Record<string, unknown>);
  if (!evaluation.ok) return { ok: false, error: evaluation.error, logs: evaluation.logs, ms: performance.now() - start };
  try {
    const value = adapt(adapter, evaluation.value, params);
    return { ok: true, value, logs: evaluation.logs, ms: performance.now() - start };
  } catch (error) {
    const e = error as Error;
    return { ok: false, error: { name: String(e?.name ?? "Error"), message: String(e?.message ?? error) }, logs: evaluation.logs, ms: performance.now() - start };
  }
}

/** One run on `port`: ready, one request, one response. */
function serveRun(port: MessagePort): void {
  port.onmessage = async (event: MessageEvent<RunRequest>) => {
    port.onmessage = null;
    const request = event.data;
    const response = { type: "result", id: request?.id, ...(await answer(request)) };
    try {
      port.postMessage(response);
    } catch (error) {
      port.postMessage({ type: "result", id: request?.id, ok: false, error: { name: "ShapeError", message: `The result could not be sent back to the page: ${(error as Error).message}` }, logs: response.logs, ms: response.ms });
    }
  };
  port.postMessage({ type: "ready" });
}

self.onmessage = (event: MessageEvent) => {
  self.onmessage = null; // only the first message chooses the role
  const data = event.data as { role?: unknown; port?: unknown; id?: unknown; transcript?: unknown; student?: unknown } | null;
  if (data?.role === "run" && data.port instanceof MessagePort) serveRun(data.port);
  else if (data?.role === "verify" && typeof data.id === "string") {
    try {
      self.postMessage({ type: "verdict", ok: true, value: verifyExercise(data.transcript, data.id, typeof data.student === "string" ? data.student : null) });
    } catch (error) {
      self.postMessage({ type: "verdict", ok: false, message: String((error as Error)?.message ?? error) });
    }
  }
};
