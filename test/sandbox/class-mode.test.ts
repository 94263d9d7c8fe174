// In-class mode (src/assets/class-mode.js) with a corrupt value in
// sessionStorage: the mode is off entirely (never half-applied), the value is
// removed, and nothing throws.
import { readFileSync } from "node:fs";
import { runInNewContext } from "node:vm";
import { describe, expect, test } from "vitest";

const SCRIPT = readFileSync(new URL("../../src/assets/class-mode.js", import.meta.url), "utf8");
const KEY = "descent:class-mode";

function runWith(stored: string | null, search = "") {
  const store = new Map<string, string>(stored === null ? [] : [[KEY, stored]]);
  const attributes = new Map<string, string>();
  const appended: unknown[] = [];
  const document = {
    documentElement: { setAttribute: (k: string, v: string) => attributes.set(k, v) },
    head: { appendChild: (el: unknown) => appended.push(el) },
    createElement: () => ({ style: {}, setAttribute() {}, appendChild() {} }),
    addEventListener() {},
    querySelectorAll: () => [],
  };
  const sessionStorage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => store.set(k, v), removeItem: (k: string) => store.delete(k) };
  runInNewContext(SCRIPT, { document, sessionStorage, location: { search }, URLSearchParams, requestAnimationFrame: () => 0, MutationObserver: class {} });
  return { on: attributes.has("data-class-mode"), stored: store.get(KEY) ?? null, styles: appended.length };
}

describe("class-mode.js", () => {
  test.each(['{"lock": 5}', '{"lock": "lr"}', "[1, 2]", '"on"', '{"lock": [{}]}', "{not json", '{"lock": null}'])("a corrupt stored value %s turns the mode off and is removed", (value) => {
    expect(runWith(value)).toEqual({ on: false, stored: null, styles: 0 });
  });

  test("a valid stored value applies the mode", () => {
    expect(runWith('{"lock": ["lr"]}')).toMatchObject({ on: true, styles: 1 });
  });

  test("?class=1&lock=lr stores and applies the mode", () => {
    expect(runWith(null, "?class=1&lock=lr")).toEqual({ on: true, stored: '{"lock":["lr"]}', styles: 1 });
  });
});
