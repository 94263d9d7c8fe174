import { chromium } from "playwright-core";
const [url, out, narrow, scheme, code] = [process.argv[2], process.argv[3], process.argv[4] === "narrow", process.argv[5] ?? "light", process.argv[6]];
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const ctx = await browser.newContext({ viewport: { width: narrow ? 390 : 1280, height: 900 }, colorScheme: scheme as "light" | "dark" });
const page = await ctx.newPage();
page.on("console", (m) => { if (m.type() === "error") console.log("[console]", m.text()); });
await page.goto(url, { waitUntil: "networkidle" });
const CELL = '.editor-cell[data-cell="playground/optimizer"]';
if (code) {
  await page.waitForSelector(`${CELL} .cm-content`, { timeout: 30000 });
  await page.click(`${CELL} .cm-content`); await page.keyboard.press("Control+A"); await page.keyboard.insertText(code);
  await page.click(`${CELL} button:has-text("Run")`);
  await page.waitForTimeout(500);
}
const t0 = Date.now();
await page.waitForFunction((c) => /^(Ran in|Stopped|.*Error)/.test(document.querySelector(`${c} .editor-cell-status`)?.textContent ?? ""), CELL, { timeout: 60000 });
console.log("status:", await page.textContent(`${CELL} .editor-cell-status`), Date.now() - t0, "ms");
await page.waitForTimeout(1500);
const h = page.locator("h2:has-text('The race on sparse data')");
await h.scrollIntoViewIfNeeded();
const box = await h.boundingBox();
const y = box!.y + (await page.evaluate(() => scrollY));
await page.screenshot({ path: out, fullPage: true, clip: { x: 0, y: y - 10, width: narrow ? 390 : 1280, height: narrow ? 2400 : 1300 } });
console.log("checklist:", (await page.textContent(".checklist"))?.replace(/\s+/g, " ").slice(0, 900));
const sec = await page.evaluate(() => { const h = [...document.querySelectorAll("h2")].find((x) => x.textContent?.includes("sparse data")); let t = ""; let n = h?.nextElementSibling; while (n && n.tagName !== "DETAILS") { t += n.textContent + "\n"; n = n.nextElementSibling; } return t; });
console.log(sec.replace(/[ \t]+/g, " ").slice(0, 3000));
await browser.close();
