/**
 * The Framework data loaders, run as Framework runs them (tsx, from the
 * project root), and their output parsed with lib/datasets.ts.
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { nonzeros, parseDenseJSON, parseDenseSplitJSON, parseSentencesJSON, standardize } from "../../lib/datasets.js";
import { leastSquares } from "../../lib/models/linear-regression.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const tsx = fileURLToPath(new URL("../../node_modules/tsx/dist/cli.mjs", import.meta.url));
function load(name: string): string {
  return execFileSync(process.execPath, [tsx, `src/data/${name}`], { cwd: root, encoding: "utf8", maxBuffer: 16 << 20 });
}

describe("src/data loaders", () => {
  it("housing.json.ts: 1,500 rows × 5 inputs, OLS R² ≈ 0.63 once standardized", () => {
    const out = load("housing.json.ts");
    expect(out.length).toBeLessThan(100_000);
    const data = parseDenseJSON(JSON.parse(out));
    expect([data.n, data.d, data.targetName]).toEqual([1500, 5, "MedHouseVal"]);
    const fit = leastSquares(standardize(data, { target: true }).data);
    expect(fit.r2).toBeGreaterThan(0.6);
    expect(fit.r2).toBeLessThan(0.67);
  }, 30_000);

  it("digits.json.ts: 1,438 train + 359 test images of 64 pixels in 0..16, 10 classes", () => {
    const out = load("digits.json.ts");
    const { train, test } = parseDenseSplitJSON(JSON.parse(out));
    expect([train.n, test.n, train.d, train.classes]).toEqual([1438, 359, 64, 10]);
    expect(Math.max(...train.X)).toBe(16);
    expect(Math.min(...train.X)).toBe(0);
    expect(new Set(test.y).size).toBe(10);
  }, 30_000);

  it("sentences.json.ts: 2,400 + 600 sentences, sparse bag of words", () => {
    const json = JSON.parse(load("sentences.json.ts"));
    const { train, test, vocabulary } = parseSentencesJSON(json);
    expect([train.n, test.n]).toEqual([2400, 600]);
    expect(train.d).toBe(vocabulary.length);
    expect(nonzeros(train) / train.n).toBeGreaterThan(8);
    expect(nonzeros(train) / train.n).toBeLessThan(15);
    expect(json.train.text.length).toBe(2400);
  }, 30_000);
});
