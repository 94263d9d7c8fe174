/**
 * The sandbox's container: ONE hidden iframe per editor cell (made on the
 * cell's first run, removed when the cell is disposed), with
 * `sandbox="allow-scripts"` (no `allow-same-origin`, so its origin is opaque:
 * no cookies, localStorage, IndexedDB, CacheStorage, file system or locks, and
 * no access to the page) and a Content-Security-Policy that allows no request
 * of any kind. Its only script (a nonce'd inline bootstrap) turns the bundle it
 * is sent once into a blob: URL of its own origin and then starts a FRESH
 * (classic) worker from it for every run; a worker from a blob: URL inherits
 * its creator's policy, so the reader's code runs with
 *
 *   connect-src 'none'   no fetch, XMLHttpRequest, WebSocket, EventSource,
 *                        WebTransport, WebSocketStream
 *   script-src 'nonce-…' 'unsafe-eval'
 *                        no import() or importScripts of any URL (http:,
 *                        data:, blob:), while `new Function` — how the code
 *                        cell itself is run — still works
 *   worker-src blob:     the bundle's worker starts; a nested worker can only
 *                        come from a blob of the same opaque origin and
 *                        inherits the same policy
 *   font-src 'none', img-src 'none', default-src 'none'
 *                        no FontFace loads or other fetches
 *
 * DESIGN. Reader code runs only in a run's worker, never in the iframe's
 * document: the iframe holds nothing but the bootstrap, the bundle's blob: URL
 * and the table of live workers, and it never reads what a worker says. Per
 * run the page makes a MessageChannel, transfers one end into the iframe with
 * `{type: "run", run, port}`, and the bootstrap starts a new worker and hands
 * it that port. When the run ends — answered, failed, timed out or stopped —
 * the page posts `{type: "kill", run}` and the bootstrap terminates that
 * worker (which ends its timers and nested workers) and acknowledges with
 * `{type: "killed"}`. If no acknowledgement comes within KILL_LIMIT, the page
 * removes the whole iframe (which ends every worker in it) and makes a new one
 * on the next run. So nothing the code can touch survives a run: the worker
 * is new every time, the opaque origin keeps no storage, and the page accepts
 * only the messages of the current run's own channel (client.ts). Keeping the
 * iframe saves the per-run cost of a new opaque-origin document (a renderer
 * process, on a busy machine more than a second), which made the page sluggish.
 */

/** The policy of the sandbox's document, with the bootstrap's nonce. */
export function sandboxPolicy(nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}' 'unsafe-eval'`,
    "worker-src blob:",
    "connect-src 'none'",
    "font-src 'none'",
    "img-src 'none'",
    "style-src 'none'",
    "media-src 'none'",
    "object-src 'none'",
    "frame-src 'none'",
    "manifest-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

/**
 * The bootstrap. Messages from the parent page only:
 * - `{type: "bundle", bundle}` (first, once): keeps a blob: URL of the bundle;
 * - `{type: "run", run, port}`: starts a new worker for run number `run` and
 *   hands it `port`; reports a worker that fails (to start, or with an error
 *   outside the run's answer) as `{type: "sandbox-error", run, message}`;
 * - `{type: "kill", run}`: terminates that run's worker, answers
 *   `{type: "killed", run, live}` (`live`: workers still running).
 * It never reads what a worker posts on its global scope (the worker's only
 * way out is its run's port); it only counts those messages (`strays`) so the
 * browser tests can see that a worker is gone after its run.
 */
const BOOTSTRAP = `
var url = null, workers = new Map(), strays = 0;
function liveWorkers() { return workers.size; }
function send(message) { parent.postMessage(message, "*"); }
addEventListener("message", function (event) {
  if (event.source !== parent) return;
  var data = event.data || {};
  if (data.type === "bundle") {
    if (url === null && data.bundle instanceof Blob) url = URL.createObjectURL(data.bundle);
    return;
  }
  var run = data.run;
  if (typeof run !== "number") return;
  if (data.type === "run") {
    if (!(data.port instanceof MessagePort) || workers.has(run)) return;
    try {
      if (url === null) throw new Error("the sandbox has no bundle");
      var worker = new Worker(url);
      workers.set(run, worker);
      worker.onerror = function (e) {
        if (e && e.preventDefault) e.preventDefault();
        send({ type: "sandbox-error", run: run, message: String((e && e.message) || "the worker failed to start") });
      };
      worker.onmessage = function () { strays++; };
      worker.postMessage({ role: "run", port: data.port }, [data.port]);
    } catch (e) {
      send({ type: "sandbox-error", run: run, message: String((e && e.message) || e) });
    }
  } else if (data.type === "kill") {
    var w = workers.get(run);
    if (w) { w.onerror = null; w.onmessage = null; w.terminate(); workers.delete(run); }
    send({ type: "killed", run: run, live: workers.size });
  }
});`;

/** The iframe's whole document. */
export function sandboxDocument(nonce: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${sandboxPolicy(nonce)}"><title>code sandbox</title></head><body><script nonce="${nonce}">${BOOTSTRAP}</script></body></html>`;
}

function randomNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** A run's container: `failure` settles with a message if the worker fails; `dispose` ends the run's worker. */
export interface Host {
  failure: Promise<string>;
  dispose(): void;
}

/** How long the iframe may take to acknowledge a kill before the page removes it, in ms. */
export const KILL_LIMIT = 3000;

interface Run {
  fail(message: string): void;
  frame: HTMLIFrameElement;
}

/**
 * One cell's sandboxed iframe, made on the first `start` and kept for the
 * next runs; `remove()` throws it away (the cell is disposed, or the iframe
 * did not answer a kill), and the next `start` makes a new one.
 */
export class SandboxFrame {
  #iframe: HTMLIFrameElement | null = null;
  #loaded: Promise<Window | null> | null = null;
  #unload: () => void = () => {};
  #nextRun = 1;
  #runs = new Map<number, Run>();
  #kills = new Map<number, ReturnType<typeof setTimeout>>();
  #listening = false;

  #onMessage = (event: MessageEvent) => {
    if (!this.#iframe || event.source !== this.#iframe.contentWindow) return;
    const data = event.data as { type?: unknown; run?: unknown; message?: unknown } | null;
    if (typeof data?.run !== "number") return;
    if (data.type === "sandbox-error") {
      this.#runs.get(data.run)?.fail(typeof data.message === "string" ? data.message.slice(0, 500) : "unknown error");
    } else if (data.type === "killed") {
      clearTimeout(this.#kills.get(data.run));
      this.#kills.delete(data.run);
    }
  };

  /** The iframe, made if there is none, once it has loaded and been given the bundle (null: removed meanwhile). */
  #open(bundle: Blob): { frame: HTMLIFrameElement; loaded: Promise<Window | null> } {
    if (this.#iframe && this.#loaded) return { frame: this.#iframe, loaded: this.#loaded };
    const iframe = document.createElement("iframe");
    iframe.setAttribute("sandbox", "allow-scripts");
    iframe.setAttribute("aria-hidden", "true");
    iframe.setAttribute("tabindex", "-1");
    iframe.title = "code sandbox";
    iframe.hidden = true;
    iframe.srcdoc = sandboxDocument(randomNonce());
    this.#loaded = new Promise<Window | null>((resolve) => {
      this.#unload = () => resolve(null);
      iframe.addEventListener(
        "load",
        () => {
          const target = iframe.contentWindow;
          target?.postMessage({ type: "bundle", bundle }, "*");
          resolve(target);
        },
        { once: true }
      );
    });
    if (!this.#listening) {
      window.addEventListener("message", this.#onMessage);
      this.#listening = true;
    }
    this.#iframe = iframe;
    document.body.append(iframe);
    return { frame: iframe, loaded: this.#loaded };
  }

  /** Starts a fresh worker for one run in the iframe and hands it `port` (transferred). */
  start(bundle: Blob, port: MessagePort): Host {
    const run = this.#nextRun++;
    const { frame, loaded } = this.#open(bundle);
    let fail: (message: string) => void = () => {};
    const failure = new Promise<string>((resolve) => (fail = resolve));
    let ended = false;
    let posted = false;
    this.#runs.set(run, { fail, frame });
    void loaded.then((target) => {
      if (ended) return port.close(); // stopped before the iframe was ready: no worker was started
      if (!target || this.#iframe !== frame) return fail("the sandbox was closed");
      target.postMessage({ type: "run", run, port }, "*", [port]);
      posted = true;
    });
    return {
      failure,
      dispose: () => {
        if (ended) return;
        ended = true;
        this.#runs.delete(run);
        if (!posted || this.#iframe !== frame) return; // no worker was started, or that iframe and every worker in it are gone
        frame.contentWindow?.postMessage({ type: "kill", run }, "*");
        // An iframe that does not confirm the kill in time is thrown away whole.
        this.#kills.set(
          run,
          setTimeout(() => {
            this.#kills.delete(run);
            if (this.#iframe === frame) this.remove();
          }, KILL_LIMIT)
        );
      },
    };
  }

  /** Removes the iframe, which ends every worker in it; runs still in it fail. */
  remove(): void {
    const frame = this.#iframe;
    if (!frame) return;
    this.#iframe = null;
    this.#loaded = null;
    this.#unload();
    for (const timer of this.#kills.values()) clearTimeout(timer);
    this.#kills.clear();
    for (const [run, entry] of [...this.#runs]) {
      if (entry.frame !== frame) continue;
      this.#runs.delete(run);
      entry.fail("the sandbox was closed");
    }
    frame.remove();
    if (this.#listening) {
      window.removeEventListener("message", this.#onMessage);
      this.#listening = false;
    }
  }
}
