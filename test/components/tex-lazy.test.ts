// @vitest-environment jsdom
// tex.ts loads KaTeX only when a live formula nears the viewport. Both paths:
// before KaTeX is loaded (a placeholder, rendered once an IntersectionObserver
// reports the element near the viewport, each placeholder on its own) and
// after (synchronous, as before).
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

type TexModule = typeof import("../../src/components/tex.js");

/** A stand-in IntersectionObserver: the test says when an element is near the viewport. */
class FakeObserver {
  static instances: FakeObserver[] = [];
  observed: Element[] = [];
  options: IntersectionObserverInit | undefined;
  constructor(
    private callback: IntersectionObserverCallback,
    options?: IntersectionObserverInit,
  ) {
    this.options = options;
    FakeObserver.instances.push(this);
  }
  observe(element: Element) {
    this.observed.push(element);
  }
  unobserve() {}
  disconnect() {
    this.observed = [];
  }
  fire(element: Element, isIntersecting: boolean) {
    this.callback([{ target: element, isIntersecting } as unknown as IntersectionObserverEntry], this as unknown as IntersectionObserver);
  }
}

let katexLoads = 0;

/** A fresh tex module (KaTeX not loaded), counting how often KaTeX's module is evaluated. */
async function freshTex(): Promise<TexModule> {
  vi.resetModules();
  katexLoads = 0;
  vi.doMock("katex", async () => {
    katexLoads += 1;
    return await vi.importActual<typeof import("katex")>("katex");
  });
  return await import("../../src/components/tex.js");
}

/** Waits until `condition` holds (the dynamic import resolves on a later task). */
async function until(condition: () => boolean, ms = 5000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > ms) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.doUnmock("katex");
  vi.restoreAllMocks();
});

describe("tex before KaTeX is loaded (IntersectionObserver available)", () => {
  let texModule: TexModule;
  beforeEach(async () => {
    FakeObserver.instances = [];
    vi.stubGlobal("IntersectionObserver", FakeObserver);
    texModule = await freshTex();
  });

  test("returns a placeholder at once: the TeX source as text, aria-busy, not yet KaTeX", () => {
    const element = texModule.tex`\eta = ${0.25}`;
    expect(element.tagName).toBe("SPAN");
    expect(element.className).toBe("math-inline");
    expect(element.textContent).toBe("\\eta = 0.25");
    expect(element.getAttribute("aria-busy")).toBe("true");
    expect(element.hasAttribute("data-tex-pending")).toBe(true);
    expect(element.style.opacity).toBe("0");
    expect(element.querySelector(".katex")).toBeNull();
    expect(texModule.katexLoaded()).toBe(false);
  });

  test("a display formula keeps one line of height while it waits", () => {
    const element = texModule.tex.block`\frac{1}{2}`;
    expect(element.tagName).toBe("DIV");
    expect(element.className).toBe("math-display");
    expect(element.style.height).toBe("1.6em");
    expect(element.style.overflow).toBe("hidden");
  });

  test("does not load KaTeX until an element nears the viewport (rootMargin one screen)", async () => {
    const element = texModule.tex`x`;
    const observer = FakeObserver.instances[0];
    expect(observer.observed).toContain(element);
    expect(observer.options?.rootMargin).toBe("100% 0px");
    observer.fire(element, false);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(katexLoads).toBe(0);
    expect(texModule.katexLoaded()).toBe(false);
    expect(element.querySelector(".katex")).toBeNull();
  });

  test("renders the waiting formulas near the viewport once KaTeX loads, the others when they come near; later calls are synchronous", async () => {
    const near = texModule.tex`\eta = ${0.25}`;
    const alsoNear = texModule.tex`\beta`;
    const far = texModule.math("x_{t+1} = x_t - \\eta g_t", { display: true });
    const observer = FakeObserver.instances[0];
    observer.fire(alsoNear, true);
    observer.fire(far, false);
    await until(() => texModule.katexLoaded());
    expect(katexLoads).toBe(1);
    for (const element of [near, alsoNear]) {
      if (element === near) {
        // Not reported near yet: still waiting.
        expect(element.hasAttribute("data-tex-pending")).toBe(true);
        observer.fire(element, true);
      }
      expect(element.querySelector(".katex")).not.toBeNull();
      expect(element.hasAttribute("aria-busy")).toBe(false);
      expect(element.hasAttribute("data-tex-pending")).toBe(false);
      expect(element.getAttribute("style")).toBeNull();
    }
    // The formula far below still waits, invisible, until it comes within a screen.
    expect(far.querySelector(".katex")).toBeNull();
    expect(far.getAttribute("aria-busy")).toBe("true");
    observer.fire(far, true);
    expect(far.querySelector(".katex-display")).not.toBeNull();
    expect(far.hasAttribute("aria-busy")).toBe(false);
    expect(near.className).toBe("math-inline");
    expect(far.className).toBe("math-display");
    // The MathML a screen reader reads holds the formula.
    expect(near.querySelector("math annotation")?.textContent).toBe("\\eta = 0.25");
    // Later formulas render at once.
    const later = texModule.tex`y`;
    expect(later.querySelector(".katex")).not.toBeNull();
    expect(later.hasAttribute("aria-busy")).toBe(false);
  });

  test("before printing, every waiting formula renders (KaTeX loaded) or shows its TeX source (not yet)", async () => {
    const far = texModule.tex`\gamma`;
    dispatchEvent(new Event("beforeprint"));
    expect(far.style.opacity).toBe("1");
    expect(far.textContent).toBe("\\gamma");
    const near = texModule.tex`\delta`;
    FakeObserver.instances[0].fire(near, true);
    await until(() => texModule.katexLoaded());
    expect(far.querySelector(".katex")).toBeNull();
    dispatchEvent(new Event("beforeprint"));
    expect(far.querySelector(".katex")).not.toBeNull();
    expect(far.hasAttribute("data-tex-pending")).toBe(false);
  });

  test("the same formula renders to the same markup on both paths", async () => {
    const lazy = texModule.tex`\sqrt{s_j} + ${1e-8}`;
    FakeObserver.instances[0].fire(lazy, true);
    await until(() => texModule.katexLoaded());
    const eager = texModule.tex`\sqrt{s_j} + ${1e-8}`;
    expect(lazy.outerHTML).toBe(eager.outerHTML);
  });

  test("a formula KaTeX cannot parse becomes Framework's error box and is logged", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const bad = texModule.tex`\frac{1}{`;
    const good = texModule.tex`x`;
    FakeObserver.instances[0].fire(bad, true);
    await until(() => texModule.katexLoaded());
    FakeObserver.instances[0].fire(good, true);
    expect(bad.className).toBe("observablehq--error");
    expect(bad.textContent).toMatch(/^KaTeX parse error/);
    expect(bad.hasAttribute("aria-busy")).toBe(false);
    expect(errors).toHaveBeenCalledTimes(1);
    expect(String(errors.mock.calls[0][0])).toMatch(/KaTeX parse error/);
    // One bad formula does not stop the others.
    expect(good.querySelector(".katex")).not.toBeNull();
  });
});

describe("tex once KaTeX is loaded", () => {
  let texModule: TexModule;
  beforeEach(async () => {
    vi.stubGlobal("IntersectionObserver", FakeObserver);
    texModule = await freshTex();
    await texModule.loadKatex();
  });

  test("renders synchronously", () => {
    const element = texModule.tex`\eta < 2/L = ${8}`;
    expect(element.querySelector(".katex")).not.toBeNull();
    expect(element.hasAttribute("aria-busy")).toBe(false);
    expect(texModule.math("\\R", { display: true }).querySelector(".katex-display")).not.toBeNull();
  });

  test("a formula KaTeX cannot parse throws (the cell shows Framework's error)", () => {
    expect(() => texModule.tex`\frac{1}{`).toThrow(/KaTeX parse error/);
  });

  test("loads KaTeX once", async () => {
    await texModule.loadKatex();
    expect(katexLoads).toBe(1);
  });
});

describe("tex without IntersectionObserver", () => {
  test("loads KaTeX at once and renders the placeholder", async () => {
    vi.stubGlobal("IntersectionObserver", undefined);
    const texModule = await freshTex();
    const element = texModule.tex`x^2`;
    expect(element.getAttribute("aria-busy")).toBe("true");
    await until(() => texModule.katexLoaded());
    expect(element.querySelector(".katex")).not.toBeNull();
  });
});
