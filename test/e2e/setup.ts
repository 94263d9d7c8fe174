/**
 * Shared set-up for the browser tests: the Chromium binary, or a loud
 * explanation of how to get one. Under CI (CI=true) a missing browser fails
 * the run; elsewhere the browser tests are skipped with the install command.
 */
import { isAbsolute, join } from "node:path";
import { findChromium, INSTALL_HINT } from "./browser.js";

/** The built site under test: dist/, or $DESCENT_OUT when the build went elsewhere. */
export const distDir = process.env.DESCENT_OUT
  ? isAbsolute(process.env.DESCENT_OUT) ? process.env.DESCENT_OUT : join(process.cwd(), process.env.DESCENT_OUT)
  : join(process.cwd(), "dist");

export const chromiumPath = findChromium();
export const inCI = process.env.CI === "true" || process.env.CI === "1";

if (!chromiumPath) {
  const banner = "=".repeat(78);
  const message = `${banner}\nNO CHROMIUM FOUND: the browser tests cannot run.\nInstall it with:\n    ${INSTALL_HINT}\n${banner}`;
  if (inCI) throw new Error(message);
  console.warn(message);
}
