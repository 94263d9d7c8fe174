// @vitest-environment jsdom
// reached(id): a deferred cell's wait for its own section. It must resolve
// when the reader scrolls to the section, when they jump past it (the case
// Framework's visibility() missed), and at once when the heading is already
// on screen; and fail loudly on an id that is not on the page.
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { reached } from "../../src/components/reached.js";

/** Places a heading `top` px below the viewport's top (jsdom has no layout). */
function heading(id: string, top: { value: number }): HTMLElement {
  const h = document.createElement("h2");
  h.id = id;
  h.getBoundingClientRect = () => ({ top: top.value, bottom: top.value + 30, left: 0, right: 0, width: 0, height: 30, x: 0, y: top.value, toJSON() {} }) as DOMRect;
  document.body.append(h);
  return h;
}

const frame = () => new Promise((resolve) => setTimeout(resolve, 30));
const settled = async (p: Promise<void>) => Promise.race([p.then(() => true), frame().then(() => false)]);

describe("reached(id)", () => {
  beforeEach(() => {
    Object.defineProperty(window, "innerHeight", { value: 900, configurable: true });
    vi.stubGlobal("requestAnimationFrame", (f: FrameRequestCallback) => setTimeout(() => f(performance.now()), 0));
  });
  afterEach(() => {
    document.body.replaceChildren();
    vi.unstubAllGlobals();
  });

  test("a heading already on screen: resolved at once", async () => {
    heading("here", { value: 400 });
    expect(await settled(reached("here"))).toBe(true);
  });

  test("a heading below the screen: waits, and resolves when a scroll brings it to the bottom edge", async () => {
    const top = { value: 3000 };
    heading("below", top);
    const p = reached("below");
    expect(await settled(p)).toBe(false);
    top.value = 1500;
    window.dispatchEvent(new Event("scroll"));
    expect(await settled(p)).toBe(false);
    top.value = 900;
    window.dispatchEvent(new Event("scroll"));
    expect(await settled(p)).toBe(true);
  });

  test("a jump past the section (a link to a later heading): resolved, though the heading never showed", async () => {
    const top = { value: 3000 };
    heading("skipped", top);
    const p = reached("skipped");
    top.value = -5000;
    window.dispatchEvent(new Event("hashchange"));
    expect(await settled(p)).toBe(true);
  });

  test("several sections wait at once; each resolves on its own", async () => {
    const a = { value: 2000 }, b = { value: 4000 };
    heading("a", a);
    heading("b", b);
    const [pa, pb] = [reached("a"), reached("b")];
    a.value = 100;
    b.value = 2100;
    window.dispatchEvent(new Event("scroll"));
    expect(await settled(pa)).toBe(true);
    expect(await settled(pb)).toBe(false);
    b.value = 10;
    window.dispatchEvent(new Event("resize"));
    expect(await settled(pb)).toBe(true);
  });

  test("an id that is not on the page throws, naming it", () => {
    expect(() => reached("no-such-section")).toThrow(/reached\("no-such-section"\): no heading with this id/);
  });
});
