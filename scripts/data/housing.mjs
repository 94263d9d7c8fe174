#!/usr/bin/env node
/**
 * Derives data/housing.csv and data/housing.stats.json from the California
 * housing data (Pace & Barry 1997) as shipped by npm `scikitjs@1.24.0`
 * (`docs/static/data/california_housing.csv`, 20,640 rows).
 *
 *   node scripts/data/housing.mjs
 *
 * 1. A fixed-seed subsample of 1,500 rows (D2L's airfoil set has 1,503; its
 *    get_data_ch11 keeps 1,500), kept in source order; `row` is the source row (0-based).
 * 2. Five inputs, like D2L's 5-input airfoil network: MedInc, HouseAge,
 *    ln(AveOccup) (heavy-tailed: up to 1,243 people per household), Latitude,
 *    Longitude. This set has the best OLS fit of all 5-of-8 choices (log taken).
 * 3. Values are not standardized; the standardization stats (mean and
 *    population std, as numpy's .std() in D2L) go to housing.stats.json with
 *    the OLS fit on the standardized data.
 */
import { writeFileSync } from "node:fs";
import { extractFromNpm, importLib } from "./npm-extract.mjs";

const SPEC = "scikitjs@1.24.0";
const FILE = "docs/static/data/california_housing.csv";
const SEED = 1500;
const ROWS = 1500;

const { random } = await importLib("random.ts");
const { parseDenseCSV, standardize } = await importLib("datasets.ts");
const { leastSquares } = await importLib("models/linear-regression.ts");

const { integrity, files } = extractFromNpm(SPEC, [FILE]);
const lines = files[FILE].trim().split(/\r?\n/);
const header = lines[0].split(",");
const col = (name) => {
  const j = header.indexOf(name);
  if (j < 0) throw new Error(`no column ${name}`);
  return j;
};
const order = random(SEED).shuffle(Int32Array.from({ length: lines.length - 1 }, (_, i) => i));
const picked = Array.from(order.subarray(0, ROWS)).sort((a, b) => a - b);

const round = (x, digits) => Number(x.toFixed(digits));
const out = ["row,MedInc,HouseAge,logAveOccup,Latitude,Longitude,MedHouseVal"];
for (const r of picked) {
  const v = lines[r + 1].split(",").map(Number);
  out.push(
    [r, v[col("MedInc")], v[col("HouseAge")], round(Math.log(v[col("AveOccup")]), 6), v[col("Latitude")], v[col("Longitude")], v[col("MedHouseVal")]].join(",")
  );
}
const csv = out.join("\n") + "\n";
writeFileSync(new URL("../../data/housing.csv", import.meta.url), csv);

const data = parseDenseCSV(csv, { target: "MedHouseVal", ignore: ["row"] });
const { data: z, stats } = standardize(data, { target: true });
const ols = leastSquares(z);
const summary = {
  source: `${SPEC} ${FILE}`,
  integrity,
  seed: SEED,
  rows: data.n,
  featureNames: data.featureNames,
  targetName: "MedHouseVal",
  mean: Array.from(stats.mean),
  std: Array.from(stats.std),
  targetMean: stats.targetMean,
  targetStd: stats.targetStd,
  ols: {
    note: "least squares on standardized inputs and target; loss = mean of ½(ŷ − y)²",
    weights: Array.from(ols.weights).map((w) => round(w, 8)),
    bias: round(ols.bias, 12),
    loss: round(ols.loss, 8),
    r2: round(ols.r2, 6),
  },
};
writeFileSync(new URL("../../data/housing.stats.json", import.meta.url), JSON.stringify(summary, null, 2) + "\n");
console.log(`data/housing.csv: ${data.n} rows × ${data.d} features + target, ${csv.length} bytes`);
console.log(`OLS on standardized data: R² = ${ols.r2.toFixed(4)}, loss ½·MSE = ${ols.loss.toFixed(4)}`);
