/**
 * Shared set-up for the browser tests: the Chromium binary, or a loud
 * explanation of how to get one. Under CI (CI=true) a missing browser fails
 * the run; elsewhere the browser tests are skipped with the install command.
 */
import { findChromium, INSTALL_HINT } from "./browser.js";

export const chromiumPath = findChromium();
export const inCI = process.env.CI === "true" || process.env.CI === "1";

if (!chromiumPath) {
  const banner = "=".repeat(78);
  const message = `${banner}\nNO CHROMIUM FOUND: the browser tests cannot run.\nInstall it with:\n    ${INSTALL_HINT}\n${banner}`;
  if (inCI) throw new Error(message);
  console.warn(message);
}
