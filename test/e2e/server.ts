/**
 * A tiny static file server for a built Framework site, bound to 127.0.0.1 on
 * a free port. It maps clean URLs (`/momentum` → `momentum.html`, `/` →
 * `index.html`) as Framework's own preview does.
 */
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, resolve } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".csv": "text/csv; charset=utf-8",
  ".woff2": "font/woff2",
  ".wasm": "application/wasm",
  ".bin": "application/octet-stream",
};

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

/** A server that answers anything and remembers every request (a stand-in for another site). */
export interface RecordingServer extends StaticServer {
  /** Every request received, as "METHOD /path" (WebSocket upgrades as "UPGRADE /path"). */
  requests: string[];
}

/**
 * An "attacker" origin for the sandbox tests: every request is recorded and
 * answered 200 with permissive CORS, a JavaScript module body for `.js`
 * paths and an event stream for `/events`, so an escape would succeed.
 */
export async function serveRecorder(): Promise<RecordingServer> {
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`);
    const headers = { "access-control-allow-origin": "*", "access-control-allow-headers": "*", "cache-control": "no-store" };
    if (request.url?.endsWith(".js")) response.writeHead(200, { ...headers, "content-type": "text/javascript" }).end("export const pwned = 'PWNED';");
    else if (request.url?.startsWith("/events")) response.writeHead(200, { ...headers, "content-type": "text/event-stream" }).end("data: PWNED\n\n");
    else response.writeHead(200, { ...headers, "content-type": "text/plain" }).end("PWNED");
  });
  server.on("upgrade", (request, socket) => {
    requests.push(`UPGRADE ${request.url}`);
    socket.destroy();
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((done) => { server.closeAllConnections(); server.close(() => done()); }),
  };
}

function resolveFile(root: string, urlPath: string): string | null {
  const clean = normalize(decodeURIComponent(urlPath)).replace(/^(\.\.[/\\])+/, "");
  const base = join(root, clean);
  if (!resolve(base).startsWith(resolve(root))) return null;
  for (const candidate of [base, `${base}.html`, join(base, "index.html")]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

export async function serve(root: string): Promise<StaticServer> {
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const file = resolveFile(root, url.pathname);
    if (!file) {
      response.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    response.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    // Drops kept-alive connections too, so a test can cut the site off (the offline test).
    close: () => new Promise<void>((done) => {
      server.close(() => done());
      server.closeAllConnections();
    }),
  };
}
