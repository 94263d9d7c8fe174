/**
 * Opens one page of a built site in Chromium and lists everything wrong with
 * it: console errors, uncaught exceptions, failed or 4xx/5xx requests,
 * requests to any other origin (aborted before they leave the machine),
 * Observable error cells and KaTeX errors.
 */
import type { Browser, Page } from "playwright-core";

export type ProblemKind = "console" | "exception" | "failed-request" | "http-error" | "other-origin" | "error-cell" | "katex-error";

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
    await page.waitForFunction(() => document.querySelectorAll(".observablehq--loading").length === 0, null, { timeout: 60_000 }).catch(() => {
      problems.push({ kind: "error-cell", detail: "cells still loading after 60 s" });
    });
    for (const text of await page.locator(".observablehq--error").allInnerTexts()) {
      problems.push({ kind: "error-cell", detail: text.trim() });
    }
    for (const text of await page.locator(".katex-error").allInnerTexts()) {
      problems.push({ kind: "katex-error", detail: text.trim() });
    }
    if (inspect) await inspect(page);
  } finally {
    await context.close();
  }
  return problems;
}

/** Formats problems for an assertion message. */
export function describeProblems(problems: Problem[]): string {
  return problems.map((p) => `  [${p.kind}] ${p.detail.split("\n")[0]}`).join("\n");
}
