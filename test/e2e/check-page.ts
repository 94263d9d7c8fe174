/**
 * Opens one page of a built site in Chromium and lists everything wrong with
 * it: console errors, uncaught exceptions, failed or 4xx/5xx requests,
 * requests to any other origin (aborted before they leave the machine),
 * Observable error cells, KaTeX errors, and code or broken values shown as
 * text where a number was meant (`${`, `num(`, `[object Object]`,
 * `undefined`, `NaN`) anywhere in the page's main column outside code blocks
 * and editor cells — including inside rendered formulas.
 */
import type { Browser, Page } from "playwright-core";
import { scrollThrough } from "./scroll-through.js";

export type ProblemKind = "console" | "exception" | "failed-request" | "http-error" | "other-origin" | "error-cell" | "katex-error" | "code-text";

export interface Problem {
  kind: ProblemKind;
  detail: string;
}

export interface CheckOptions {
  /** Extra time after the network settles for cells to finish, in ms. */
  settle?: number;
  colorScheme?: "light" | "dark";
  width?: number;
  /** Called with the open page before it closes (screenshots, interactions). */
  inspect?: (page: Page) => Promise<void>;
}

export async function checkPage(browser: Browser, url: string, options: CheckOptions = {}): Promise<Problem[]> {
  const { settle = 400, colorScheme = "light", width = 1200, inspect } = options;
  const origin = new URL(url).origin;
  const context = await browser.newContext({ colorScheme, viewport: { width, height: 900 } });
  const page = await context.newPage();
  const problems: Problem[] = [];
  await page.route("**/*", (route) => {
    const requested = route.request().url();
    if (requested.startsWith("data:") || requested.startsWith("blob:")) return route.continue();
    if (new URL(requested).origin !== origin) {
      problems.push({ kind: "other-origin", detail: requested });
      return route.abort("blockedbyclient");
    }
    return route.continue();
  });
  page.on("console", (message) => {
    if (message.type() === "error") problems.push({ kind: "console", detail: message.text() });
  });
  page.on("pageerror", (error) => problems.push({ kind: "exception", detail: String(error.stack ?? error) }));
  page.on("requestfailed", (request) => {
    if (new URL(request.url()).origin === origin) {
      problems.push({ kind: "failed-request", detail: `${request.url()}: ${request.failure()?.errorText}` });
    }
  });
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push({ kind: "http-error", detail: `${response.status()} ${response.url()}` });
  });
  try {
    await page.goto(url, { waitUntil: "networkidle", timeout: 60_000 });
    await page.waitForTimeout(settle);
    // Cells below the first screen compute when the reader reaches their section (reached(), src/components/reached.ts): scroll through the page first.
    await scrollThrough(page);
    // Framework 1.13 marks a pending cell with an <observablehq-loading> element (the class
    // .observablehq--loading is the notebooks' inspector's): none may remain once the page has been scrolled through.
    await page.waitForFunction(() => document.querySelectorAll("#observablehq-main observablehq-loading, .observablehq--loading").length === 0, null, { timeout: 60_000 }).catch(() => {
      problems.push({ kind: "error-cell", detail: "cells still loading 60 s after scrolling through the page" });
    });
    // A live formula (tex.ts) is typeset when it comes near the viewport: after scrolling through, none the
    // reader can see may still wait. One inside a closed <details> (a solution) is not rendered and waits until opened.
    const waiting = `[...document.querySelectorAll("#observablehq-main [data-tex-pending]")].filter((e) => !e.closest("details:not([open])") && e.checkVisibility()).map((e) => e.textContent)`;
    for (const source of (await page.evaluate(waiting)) as string[]) {
      problems.push({ kind: "katex-error", detail: `formula never rendered: ${source.trim()}` });
    }
    // Then typeset the rest, as printing does, so a formula in a closed solution that KaTeX cannot parse is caught too.
    await page.evaluate(() => dispatchEvent(new Event("beforeprint")));
    for (const text of await page.locator(".observablehq--error").allInnerTexts()) {
      problems.push({ kind: "error-cell", detail: text.trim() });
    }
    for (const text of await page.locator(".katex-error").allInnerTexts()) {
      problems.push({ kind: "katex-error", detail: text.trim() });
    }
    for (const detail of await page.evaluate(findCodeText, { patterns: CODE_TEXT.map((p) => p.source), skip: CODE_TEXT_SKIP })) {
      problems.push({ kind: "code-text", detail });
    }
    if (inspect) await inspect(page);
  } finally {
    await context.close();
  }
  return problems;
}

/**
 * Text that means code or a broken value reached the reader: a live
 * expression left unevaluated, a `num(` call printed, an object stringified,
 * or `undefined`/`NaN` where a number was meant.
 */
export const CODE_TEXT: RegExp[] = [/\$\{/, /\bnum\(/, /\[object Object\]/, /\bundefined\b/, /\bNaN\b/];

/** Where code is expected: code blocks, the editors and what a reader's own code prints. */
export const CODE_TEXT_SKIP = "code, pre, script, style, textarea, .cm-editor, .editor-cell-editor, .editor-cell-logs";

/** Runs in the page: each match of a pattern in the main column's text, with its surroundings. */
function findCodeText({ patterns, skip }: { patterns: string[]; skip: string }): string[] {
  const main = document.querySelector("#observablehq-main") ?? document.body;
  const clone = main.cloneNode(true) as Element;
  for (const element of Array.from(clone.querySelectorAll(skip))) element.remove();
  // Separate blocks so words from two elements do not run together.
  for (const element of Array.from(clone.querySelectorAll("p, div, li, td, th, span.katex, text, tspan, h1, h2, h3, h4"))) element.append(" ");
  const text = (clone.textContent ?? "").replace(/\s+/g, " ");
  const found: string[] = [];
  for (const source of patterns) {
    const pattern = new RegExp(source, "g");
    for (const match of text.matchAll(pattern)) {
      const at = match.index ?? 0;
      found.push(`"${match[0]}" in "…${text.slice(Math.max(0, at - 40), at + 40).trim()}…"`);
    }
  }
  return found;
}

/** Formats problems for an assertion message. */
export function describeProblems(problems: Problem[]): string {
  return problems.map((p) => `  [${p.kind}] ${p.detail.split("\n")[0]}`).join("\n");
}
