/**
 * The page's side of the sandbox. Every run gets a fresh worker, started in
 * the cell's one sandboxed iframe (frame.ts; made on the first run, removed by
 * `dispose`), and its own MessageChannel; the worker is terminated when the
 * run ends, whether it answered, failed or ran out of time. So nothing a run
 * does survives into the next: no handler it installed, no timer it left, no
 * message it posted ahead.
 *
 * A run: start the worker and hand it one end of the channel; wait for
 * `{type: "ready"}` on our end (the time limit counts from there, so a slow
 * start on a busy machine is not charged to the code); send the request; take
 * the first answer, check its shape and size (validate.ts), and end the
 * worker. An `exercise` run's answer is a transcript of calls, which a
 * separate verifier turns into the verdict out of the code's reach (verify.ts).
 */
import { SandboxFrame, type Host } from "./frame.js";
import type { AdapterName, RunResponse } from "./protocol.js";
import { DEFAULT_LIMITS, validateResponse, type SizeLimits } from "./validate.js";
import { workerVerifier, type Verifier } from "./verify.js";

export type Spawn = (bundle: Blob, port: MessagePort) => Host;

export interface SandboxOptions {
  /** The bundle's URL (FileAttachment("workers/sandbox.js").href). */
  url: string;
  /** Default time limit per run, in ms. */
  timeout?: number;
  /** Size limits of a result the page accepts. */
  limits?: SizeLimits;
  /** How a run's container is made (tests pass a stand-in; the default is a fresh worker in this sandbox's one sandboxed iframe). */
  spawn?: Spawn;
  /** How an exercise's transcript becomes a verdict (the default: a fresh worker of the page's origin). */
  verify?: Verifier;
  /** Loads the bundle (the default fetches `url` once per page). */
  load?: (url: string) => Promise<Blob>;
}

/** How long a container may take to start before the run is reported as failed, in ms. */
export const BOOT_LIMIT = 20_000;

const bundles = new Map<string, Promise<Blob>>();

/** The bundle as a Blob of JavaScript, fetched once per page. */
export function loadBundle(url: string): Promise<Blob> {
  let bundle = bundles.get(url);
  if (!bundle) {
    bundle = fetch(url)
      .then((r) => {
        if (!r.ok) throw new Error(`HTTP ${r.status}`);
        return r.text();
      })
      .then((text) => new Blob([text], { type: "text/javascript" }));
    bundle.catch(() => bundles.delete(url));
    bundles.set(url, bundle);
  }
  return bundle;
}

const failure = (id: number, name: string, message: string, ms = 0): RunResponse => ({ id, ok: false, error: { name, message }, logs: [], ms });

export class Sandbox {
  readonly url: string;
  readonly timeout: number;
  readonly limits: SizeLimits;
  #spawn: Spawn;
  /** The sandboxed iframe of the default container, if any. */
  #frame: SandboxFrame | null = null;
  #verify: Verifier;
  #load: (url: string) => Promise<Blob>;
  #nextId = 1;
  /** The containers of runs in progress, to stop them all on `terminate`. */
  #live = new Set<() => void>();

  constructor({ url, timeout = 3000, limits = DEFAULT_LIMITS, spawn, verify, load = loadBundle }: SandboxOptions) {
    this.url = url;
    this.timeout = timeout;
    this.limits = limits;
    if (spawn) this.#spawn = spawn;
    else {
      const frame = (this.#frame = new SandboxFrame());
      this.#spawn = (bundle, port) => frame.start(bundle, port);
    }
    this.#verify = verify ?? workerVerifier(url);
    this.#load = load;
  }

  /** Stops every run in progress (each resolves as stopped). */
  terminate(): void {
    for (const stop of [...this.#live]) stop();
  }

  /** Stops every run in progress and removes the sandboxed iframe (a later run makes a new one). */
  dispose(): void {
    this.terminate();
    this.#frame?.remove();
  }

  async run(code: string, adapter: AdapterName = "data", params: Record<string, unknown> = {}, timeout = this.timeout): Promise<RunResponse> {
    const id = this.#nextId++;
    let bundle: Blob;
    try {
      bundle = await this.#load(this.url);
    } catch (error) {
      return failure(id, "SandboxError", `The sandbox could not be loaded (${(error as Error).message}). Reload the page to try again.`);
    }
    const response = await this.#once(bundle, id, code, adapter, params, timeout);
    if (adapter !== "exercise" || !response.ok) return response;
    try {
      return { ...response, value: await this.#verify(String(params.id), response.value, typeof params.student === "string" ? params.student : null) };
    } catch (error) {
      return failure(id, "CheckError", `Your code ran, but its checks could not be completed: ${(error as Error).message}.`, response.ms);
    }
  }

  #once(bundle: Blob, id: number, code: string, adapter: AdapterName, params: Record<string, unknown>, timeout: number): Promise<RunResponse> {
    return new Promise<RunResponse>((resolve) => {
      const channel = new MessageChannel();
      const port = channel.port1;
      let started = performance.now();
      let settled = false;
      let host: Host | null = null;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const done = (response: RunResponse) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        port.onmessage = null;
        port.close();
        host?.dispose();
        this.#live.delete(stop);
        resolve(response);
      };
      const stop = () => done(failure(id, "Stopped", "The run was stopped.", performance.now() - started));
      this.#live.add(stop);

      // If the page itself was busy (a heavy cell blocking the main thread),
      // the timer fires late and the answer may be waiting behind it: give the
      // run the time the page lost (at most one more time limit) before
      // declaring it stuck.
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
        done({
          id,
          ok: false,
          error: { name: "Timeout", message: `Stopped after ${(timeout / 1000).toLocaleString("en")} s: the code was still running (an endless loop, or too many steps?). The page is fine; edit the code and run it again.` },
          logs: [],
          ms: performance.now() - started,
        });
      };
      timer = setTimeout(() => done(failure(id, "SandboxError", `The sandbox did not start within ${BOOT_LIMIT / 1000} s. Reload the page to try again.`)), BOOT_LIMIT);

      let ready = false;
      port.onmessage = (event: MessageEvent) => {
        const data = event.data as { type?: unknown } | null;
        if (!ready) {
          if (data?.type !== "ready") return done(validateResponse(data, id, this.limits));
          ready = true;
          clearTimeout(timer);
          // The container's start-up (worker + bundle, and the iframe on a cell's first run), for bench/sandbox.bench.ts.
          performance.measure?.("descent:sandbox-startup", { start: spawned });
          started = performance.now();
          due = started + timeout;
          timer = setTimeout(onTimer, timeout);
          port.postMessage({ id, code, adapter, params });
          return;
        }
        done(validateResponse(data, id, this.limits));
      };
      const spawned = performance.now();
      try {
        host = this.#spawn(bundle, channel.port2);
      } catch (error) {
        return done(failure(id, "SandboxError", `The sandbox could not start: ${(error as Error).message}`));
      }
      void host.failure.then((message) => done(failure(id, "SandboxError", `The sandbox failed: ${message}`, performance.now() - started)));
    });
  }
}
