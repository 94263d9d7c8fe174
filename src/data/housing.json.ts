/**
 * Build-time data: California housing, 1,500 rows × 5 inputs + MedHouseVal,
 * from data/housing.csv (see data/README.md). Not standardized: pages call
 * `standardize(parseDenseJSON(json), { target: true })`, as D2L does.
 *
 *   const housing = parseDenseJSON(await FileAttachment("data/housing.json").json());
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { denseToJSON, parseDenseCSV } from "../../lib/datasets.js";

const csv = readFileSync(join(process.cwd(), "data", "housing.csv"), "utf8");
const data = parseDenseCSV(csv, { target: "MedHouseVal", ignore: ["row"] });
process.stdout.write(JSON.stringify(denseToJSON(data)));
