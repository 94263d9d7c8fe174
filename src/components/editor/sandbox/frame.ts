/**
 * The sandbox's container: for each run, an iframe with `sandbox="allow-scripts"`
 * (no `allow-same-origin`, so its origin is opaque: no cookies, localStorage,
 * IndexedDB, CacheStorage, file system or locks, and no access to the page)
 * whose document carries a Content-Security-Policy that allows no request of
 * any kind. Its only script (a nonce'd inline bootstrap) turns the bundle it
 * is sent into a blob: URL of its own origin and starts one (classic) worker
 * from it; a worker from a blob: URL inherits its creator's policy, so the
 * reader's code runs with
 *
 *   connect-src 'none'   no fetch, XMLHttpRequest, WebSocket, EventSource,
 *                        WebTransport, WebSocketStream
 *   script-src 'nonce-…' 'unsafe-eval'
 *                        no import() or importScripts of any URL (http:,
 *                        data:, blob:) or importScripts, while `new Function` — how the code
 *                        cell itself is run — still works
 *   worker-src blob:     the bundle's worker starts; a nested worker can only
 *                        come from a blob of the same opaque origin and
 *                        inherits the same policy
 *   font-src 'none', img-src 'none', default-src 'none'
 *                        no FontFace loads or other fetches
 *
 * The page removes the iframe when the run ends, which ends its worker and
 * anything the code started (timers, nested workers): nothing survives to
 * the next run.
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
 * The bootstrap: takes the first message from the parent page, `{bundle, port}`,
 * starts the worker and hands it the port; reports a worker that fails to
 * start (or throws outside the run) to the parent. It never listens to the
 * worker: the worker's only way out is the port of its own run.
 */
const BOOTSTRAP = `
var started = false;
addEventListener("message", function (event) {
  if (started || event.source !== parent) return;
  var data = event.data || {};
  if (!(data.bundle instanceof Blob) || !(data.port instanceof MessagePort)) return;
  started = true;
  function report(message) { parent.postMessage({ type: "sandbox-error", message: String(message) }, "*"); }
  try {
    var worker = new Worker(URL.createObjectURL(data.bundle));
    worker.onerror = function (e) { if (e && e.preventDefault) e.preventDefault(); report((e && e.message) || "the worker failed to start"); };
    worker.postMessage({ role: "run", port: data.port }, [data.port]);
  } catch (e) { report((e && e.message) || e); }
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

/** A run's container: `failure` settles with a message if the worker fails; `dispose` removes it all. */
export interface Host {
  failure: Promise<string>;
  dispose(): void;
}

/** Starts the bundle in a fresh sandboxed iframe and hands it `port` (transferred). */
export function spawnFrame(bundle: Blob, port: MessagePort): Host {
  const iframe = document.createElement("iframe");
  iframe.setAttribute("sandbox", "allow-scripts");
  iframe.setAttribute("aria-hidden", "true");
  iframe.setAttribute("tabindex", "-1");
  iframe.title = "code sandbox";
  iframe.hidden = true;
  iframe.srcdoc = sandboxDocument(randomNonce());
  let onMessage: (event: MessageEvent) => void = () => {};
  const failure = new Promise<string>((resolve) => {
    onMessage = (event: MessageEvent) => {
      if (event.source !== iframe.contentWindow || event.data?.type !== "sandbox-error") return;
      resolve(typeof event.data.message === "string" ? event.data.message.slice(0, 500) : "unknown error");
    };
  });
  window.addEventListener("message", onMessage);
  iframe.addEventListener("load", () => iframe.contentWindow?.postMessage({ bundle, port }, "*", [port]), { once: true });
  document.body.append(iframe);
  return {
    failure,
    dispose() {
      window.removeEventListener("message", onMessage);
      iframe.remove();
    },
  };
}
