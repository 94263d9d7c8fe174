/**
 * Build-time data: the UCI 8×8 digits (1,797 images, pixels 0..16), split into
 * the fixed train and test sets of data/digits.csv (see data/README.md).
 *
 *   const { train, test } = parseDenseSplitJSON(await FileAttachment("data/digits.json").json());
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { denseToJSON, parseDenseCSV } from "../../lib/datasets.js";

const lines = readFileSync(join(process.cwd(), "data", "digits.csv"), "utf8").trim().split(/\r?\n/);
const [header, ...rows] = lines;
const part = (flag: string) => [header, ...rows.filter((row) => row.slice(row.lastIndexOf(",") + 1) === flag)].join("\n");
const parse = (text: string) => denseToJSON(parseDenseCSV(text, { target: "target", ignore: ["test"], classes: 10 }));
process.stdout.write(JSON.stringify({ train: parse(part("0")), test: parse(part("1")) }));
