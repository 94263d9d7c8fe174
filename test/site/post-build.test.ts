import { describe, expect, test } from "vitest";
import { cleanUrl, externalizeFonts, fixPageHtml, serviceWorker } from "../../scripts/site/post-build.js";

// The parts of Framework 1.13.4's page template (node_modules/@observablehq/framework/dist/render.js) the step rewrites.
const TEMPLATE = `<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, maximum-scale=1">
</head>
<body>
<input id="observablehq-sidebar-toggle" type="checkbox" title="Toggle sidebar">
<label id="observablehq-sidebar-backdrop" for="observablehq-sidebar-toggle"></label>
<nav id="observablehq-sidebar">
  <ol>
    <label id="observablehq-sidebar-close" for="observablehq-sidebar-toggle"></label>
    <li class="observablehq-link"><a href="./">Descent</a></li>
  </ol>
</nav>
<main id="observablehq-main" class="observablehq"></main>
</body>
</html>`;

describe("fixPageHtml(html, root)", () => {
  const out = fixPageHtml(TEMPLATE);
  test("declares the language on <html>", () => {
    expect(out).toMatch(/<html lang="en">/);
  });
  test("lets the reader zoom (no maximum-scale in the viewport)", () => {
    expect(out).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(out).not.toContain("maximum-scale");
  });
  test("keeps only <li> inside the sidebar's <ol>", () => {
    const list = /<nav id="observablehq-sidebar">[\s\S]*?<ol>([\s\S]*?)<\/ol>/.exec(out)![1];
    expect(list).not.toContain("<label");
    expect(out).toContain('<label id="observablehq-sidebar-close" for="observablehq-sidebar-toggle"></label>');
  });
  test("puts a skip link first in the body, pointing at the main content", () => {
    expect(out).toMatch(/<body>\n<a class="skip-link" href="#observablehq-main">Skip to content<\/a>/);
  });
  test("registers the service worker relative to the page", () => {
    expect(out).toContain('navigator.serviceWorker.register("./sw.js")');
    expect(fixPageHtml(TEMPLATE, "../")).toContain('register("../sw.js")');
  });
  test("is idempotent", () => {
    expect(fixPageHtml(out)).toBe(out);
  });
});

describe("externalizeFonts(css)", () => {
  const font = Buffer.from("wOF2 pretend font bytes");
  const css = `@font-face{font-family:KaTeX_Main;src:url(data:font/woff2;base64,${font.toString("base64")}) format("woff2");font-weight:400}\n.katex{font:normal 1.21em KaTeX_Main}`;
  const { css: out, fonts } = externalizeFonts(css);
  test("moves each inlined woff2 to a file named by its content's hash", () => {
    expect(fonts.size).toBe(1);
    const [[name, bytes]] = [...fonts];
    expect(name).toMatch(/^[0-9a-f]{16}\.woff2$/);
    expect(bytes.equals(font)).toBe(true);
    expect(out).toContain(`url("fonts/${name}") format("woff2")`);
    expect(out).not.toContain("base64");
  });
  test("adds font-display: swap to every @font-face, once", () => {
    expect(out).toContain("@font-face{font-display:swap;font-family:KaTeX_Main");
    expect(externalizeFonts(out).css).toBe(out);
    expect(out).toContain(".katex{font:normal 1.21em KaTeX_Main}");
  });
});

describe("cleanUrl(file) and serviceWorker(version, urls)", () => {
  test("pages are cached under the URLs the site links", () => {
    expect(cleanUrl("index.html")).toBe("./");
    expect(cleanUrl("momentum.html")).toBe("./momentum");
    expect(cleanUrl("_file/assets/katex.6682f65e.css")).toBe("./_file/assets/katex.6682f65e.css");
  });
  test("the worker is valid JavaScript naming its version and files", () => {
    const source = serviceWorker("abc123", ["./", "./momentum"]);
    expect(() => new Function(source)).not.toThrow();
    expect(source).toContain('const VERSION = "descent-abc123"');
    expect(source).toContain('const FILES = ["./","./momentum"]');
  });
});
