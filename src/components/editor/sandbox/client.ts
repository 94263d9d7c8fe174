/**
 * The page's side of the sandbox: sends code to a worker and waits for the
 * answer, with a time limit. Code stuck in a loop cannot be interrupted inside
 * a worker, so on time-out the worker is terminated (the page never notices)
 * and the next run starts a fresh one. The time limit counts from when the
 * worker has loaded (it says so with a `{ready: true}` message), so a slow
 * start on a busy machine is not taken for a stuck run.
 */
import type { AdapterName, RunResponse } from "./protocol.js";

export interface SandboxOptions {
  /** The bundled worker's URL (FileAttachment("workers/sandbox.js").href). */
  url: string;
  /** Default time limit per run, in ms. */
  timeout?: number;
}

/** How long a worker may take to load before runs are sent to it anyway, in ms. */
const BOOT_LIMIT = 20_000;

export class Sandbox {
  readonly url: string;
  readonly timeout: number;
  #worker: Worker | null = null;
  /** Settles when the current worker has loaded (its first message, `{ready: true}`) or failed to. */
  #ready: Promise<void> = Promise.resolve();
  #nextId = 1;

  constructor({ url, timeout = 3000 }: SandboxOptions) {
    this.url = url;
    this.timeout = timeout;
  }

  #start(): Worker {
    if (!this.#worker) {
      const worker = new Worker(this.url, { type: "module" });
      this.#ready = new Promise<void>((resolve) => {
        const settle = () => {
          clearTimeout(fallback);
          worker.removeEventListener("message", onMessage);
          worker.removeEventListener("error", settle);
          resolve();
        };
        const onMessage = (event: MessageEvent<{ ready?: boolean }>) => {
          if (event.data?.ready) settle();
        };
        // A worker that never says it is ready still gets its runs, and their time limits, after this.
        const fallback = setTimeout(settle, BOOT_LIMIT);
        worker.addEventListener("message", onMessage);
        worker.addEventListener("error", settle);
      });
      this.#worker = worker;
    }
    return this.#worker;
  }

  /** Stops the worker (and whatever it runs). */
  terminate(): void {
    this.#worker?.terminate();
    this.#worker = null;
  }

  run(code: string, adapter: AdapterName = "data", params: Record<string, unknown> = {}, timeout = this.timeout): Promise<RunResponse> {
    const worker = this.#start();
    const ready = this.#ready;
    const id = this.#nextId++;
    let started = performance.now();
    return new Promise<RunResponse>((resolve) => {
      const done = (response: RunResponse) => {
        settled = true;
        clearTimeout(timer);
        worker.removeEventListener("message", onMessage);
        worker.removeEventListener("error", onError);
        resolve(response);
      };
      const onMessage = (event: MessageEvent<RunResponse>) => {
        if (event.data?.id === id) done(event.data);
      };
      const onError = (event: ErrorEvent) => {
        event.preventDefault();
        this.terminate();
        done({ id, ok: false, error: { name: "Error", message: `The sandbox failed: ${event.message || "unknown error"}` }, logs: [], ms: performance.now() - started });
      };
      // If the page itself was busy (a heavy cell blocking the main thread),
      // the timer fires late and the worker's answer may be waiting behind it:
      // give the run the time the page lost (at most one more time limit)
      // before declaring it stuck.
      let due = Infinity;
      let extended = false;
      const onTimer = () => {
        const late = performance.now() - due;
        if (!extended && late > 100) {
          extended = true;
          const extra = Math.min(late, timeout);
          due = performance.now() + extra;
          timer = setTimeout(onTimer, extra);
          return;
        }
        this.terminate();
        done({
          id,
          ok: false,
          error: { name: "Timeout", message: `Stopped after ${(timeout / 1000).toLocaleString("en")} s: the code was still running (an endless loop, or too many steps?). The page is fine; edit the code and run it again.` },
          logs: [],
          ms: performance.now() - started,
        });
      };
      let timer: ReturnType<typeof setTimeout> | undefined;
      let settled = false;
      worker.addEventListener("message", onMessage);
      worker.addEventListener("error", onError);
      void ready.then(() => {
        if (settled) return; // the worker failed while loading
        started = performance.now();
        due = started + timeout;
        timer = setTimeout(onTimer, timeout);
        worker.postMessage({ id, code, adapter, params });
      });
    });
  }
}
