// The cell's sandbox iframe (src/components/editor/sandbox/frame.ts), in Node
// with a stand-in iframe: one iframe for all of a cell's runs, a fresh worker
// asked for per run, its worker killed when the run ends, an iframe that does
// not confirm a kill thrown away, and a removed iframe failing its runs. The
// browser tests (test/e2e/sandbox-escape.e2e.test.ts) check the real thing.
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { KILL_LIMIT, SandboxFrame, sandboxDocument } from "../../src/components/editor/sandbox/frame.js";

type Message = { type: string; run?: number; port?: MessagePort; bundle?: Blob };

class FakeWindow {
  received: Message[] = [];
  postMessage(message: Message) {
    this.received.push(message);
  }
}

class FakeIframe {
  attributes = new Map<string, string>();
  hidden = false;
  title = "";
  srcdoc = "";
  removed = false;
  contentWindow: FakeWindow | null = new FakeWindow();
  #onLoad: (() => void) | null = null;
  setAttribute(name: string, value: string) {
    this.attributes.set(name, value);
  }
  addEventListener(type: string, listener: () => void) {
    if (type === "load") this.#onLoad = listener;
  }
  load() {
    this.#onLoad?.();
  }
  remove() {
    this.removed = true;
    this.contentWindow = null;
  }
}

let iframes: FakeIframe[];
let listeners: Set<(event: { source: unknown; data: unknown }) => void>;
/** The iframe answers the page, as its bootstrap would. */
const answer = (iframe: FakeIframe, data: unknown) => {
  for (const listener of [...listeners]) listener({ source: iframe.contentWindow, data });
};
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
const bundle = new Blob(["bundle"]);

describe("SandboxFrame", () => {
  beforeEach(() => {
    iframes = [];
    listeners = new Set();
    vi.stubGlobal("document", {
      createElement: () => {
        const iframe = new FakeIframe();
        iframes.push(iframe);
        return iframe;
      },
      body: { append: (iframe: FakeIframe) => setTimeout(() => iframe.load(), 0) },
    });
    vi.stubGlobal("window", {
      addEventListener: (_type: string, listener: (event: { source: unknown; data: unknown }) => void) => listeners.add(listener),
      removeEventListener: (_type: string, listener: (event: { source: unknown; data: unknown }) => void) => listeners.delete(listener),
    });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  test("one sandboxed iframe for all runs; each run asks for a new worker on its own port, and its end kills it", async () => {
    const frame = new SandboxFrame();
    const ports = [new MessageChannel(), new MessageChannel()].map((c) => c.port2);
    const first = frame.start(bundle, ports[0]);
    await tick();
    first.dispose();
    const second = frame.start(bundle, ports[1]);
    await tick();
    second.dispose();
    expect(iframes).toHaveLength(1);
    expect(iframes[0].attributes.get("sandbox")).toBe("allow-scripts");
    const sent = iframes[0].contentWindow!.received;
    expect(sent.map((m) => [m.type, m.run])).toEqual([["bundle", undefined], ["run", 1], ["kill", 1], ["run", 2], ["kill", 2]]);
    expect(sent[1].port).toBe(ports[0]);
    expect(sent[3].port).toBe(ports[1]);
  });

  test("an iframe that does not confirm a kill in time is removed, and the next run gets a new one", async () => {
    const frame = new SandboxFrame();
    const run = frame.start(bundle, new MessageChannel().port2);
    await tick();
    vi.useFakeTimers();
    run.dispose();
    vi.advanceTimersByTime(KILL_LIMIT + 1);
    expect(iframes[0].removed).toBe(true);
    vi.useRealTimers();
    frame.start(bundle, new MessageChannel().port2);
    await tick();
    expect(iframes).toHaveLength(2);
    expect(iframes[1].contentWindow!.received.map((m) => m.type)).toEqual(["bundle", "run"]);
  });

  test("a confirmed kill keeps the iframe", async () => {
    const frame = new SandboxFrame();
    const run = frame.start(bundle, new MessageChannel().port2);
    await tick();
    vi.useFakeTimers();
    run.dispose();
    answer(iframes[0], { type: "killed", run: 1, live: 0 });
    vi.advanceTimersByTime(KILL_LIMIT + 1);
    expect(iframes[0].removed).toBe(false);
  });

  test("a worker's failure ends only its own run; removing the iframe fails the runs still in it", async () => {
    const frame = new SandboxFrame();
    const a = frame.start(bundle, new MessageChannel().port2);
    const b = frame.start(bundle, new MessageChannel().port2);
    await tick();
    answer(iframes[0], { type: "sandbox-error", run: 1, message: "boom" });
    answer({ contentWindow: new FakeWindow() } as unknown as FakeIframe, { type: "sandbox-error", run: 2, message: "forged" });
    await expect(a.failure).resolves.toBe("boom");
    frame.remove();
    await expect(b.failure).resolves.toMatch(/closed/);
    expect(iframes[0].removed).toBe(true);
    expect(listeners.size).toBe(0);
  });

  test("a run stopped before the iframe has loaded starts no worker", async () => {
    const frame = new SandboxFrame();
    frame.start(bundle, new MessageChannel().port2).dispose();
    await tick();
    expect(iframes[0].contentWindow!.received.map((m) => m.type)).toEqual(["bundle"]);
    expect(iframes[0].removed).toBe(false);
  });

  test("the document allows no request and runs only its nonce'd bootstrap", () => {
    const doc = sandboxDocument("abc");
    expect(doc).toContain("default-src 'none'");
    expect(doc).toContain("connect-src 'none'");
    expect(doc).toContain("script-src 'nonce-abc' 'unsafe-eval'");
    expect(doc.match(/<script/g)).toHaveLength(1);
  });
});
