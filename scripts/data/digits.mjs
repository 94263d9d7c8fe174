#!/usr/bin/env node
/**
 * Derives data/digits.csv from the UCI optical recognition of handwritten
 * digits, 8×8 version (Alpaydin & Kaynak 1998; scikit-learn's `load_digits`), as
 * shipped by npm `scikitjs@1.24.0` in `docs/static/data/digits.csv`
 * (1,797 images, 64 pixels each with values 0..16, and the digit).
 *
 *   node scripts/data/digits.mjs
 *
 * Pixels and targets are written as integers (the source writes "5.0"), and a
 * column `test` marks a fixed-seed 20 % test split (1) from the training rows (0).
 */
import { writeFileSync } from "node:fs";
import { extractFromNpm, importLib } from "./npm-extract.mjs";

const SPEC = "scikitjs@1.24.0";
const FILE = "docs/static/data/digits.csv";
const SEED = 1797;
const TEST_FRACTION = 0.2;

const { random } = await importLib("random.ts");
const { files } = extractFromNpm(SPEC, [FILE]);
const lines = files[FILE].trim().split(/\r?\n/);
const header = lines[0].split(",");
if (header.length !== 65 || header[64] !== "target") throw new Error("unexpected digits.csv header");
const n = lines.length - 1;
const order = random(SEED).shuffle(Int32Array.from({ length: n }, (_, i) => i));
const isTest = new Uint8Array(n);
for (const i of order.subarray(0, Math.round(TEST_FRACTION * n))) isTest[i] = 1;

const out = [[...header, "test"].join(",")];
const counts = new Array(10).fill(0);
for (let i = 0; i < n; ++i) {
  const v = lines[i + 1].split(",").map(Number);
  if (v.length !== 65 || v.some((x) => !Number.isInteger(x) || x < 0 || x > 16)) throw new Error(`bad row ${i}`);
  counts[v[64]]++;
  out.push([...v, isTest[i]].join(","));
}
const csv = out.join("\n") + "\n";
writeFileSync(new URL("../../data/digits.csv", import.meta.url), csv);
const nTest = isTest.reduce((s, t) => s + t, 0);
console.log(`data/digits.csv: ${n} images (${n - nTest} train, ${nTest} test), per class ${counts.join(" ")}, ${csv.length} bytes`);
