import { expect, test } from "vitest";
import config from "../../observablehq.config.js";

// A classic <script src> in the head stops the parser until it and every stylesheet before it
// have loaded; only class-mode.js needs that (hidden solutions must never flash).
test("the page head's scripts: class-mode.js blocks parsing, a11y.js and keep-anchor.js are deferred", () => {
  const scripts = [...String(config.head).matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts).toEqual(['<script src="./assets/class-mode.js">', '<script src="./assets/a11y.js" defer>', '<script src="./assets/keep-anchor.js" defer>']);
});
