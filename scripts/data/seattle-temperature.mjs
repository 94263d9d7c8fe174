#!/usr/bin/env node
/**
 * Derives data/seattle-temperature.csv, the daily maximum temperature at
 * Seattle (Sea-Tac), 2012-01-01 … 2015-12-31 (1,461 days), from npm
 * `vega-datasets@3.2.1` (`data/seattle-weather.csv`, NOAA National Climatic
 * Data Center daily records, a U.S. Government work).
 *
 *   node scripts/data/seattle-temperature.mjs
 *
 * Only the `date` and `temp_max` (°C) columns are kept, in source order. This is
 * the series the EWA chapter smooths (A. Ng's lecture uses London's daily
 * temperature the same way).
 */
import { writeFileSync } from "node:fs";
import { extractFromNpm } from "./npm-extract.mjs";

const SPEC = "vega-datasets@3.2.1";
const FILE = "data/seattle-weather.csv";

const { integrity, files } = extractFromNpm(SPEC, [FILE]);
const lines = files[FILE].trim().split(/\r?\n/);
const header = lines[0].split(",");
const date = header.indexOf("date");
const tmax = header.indexOf("temp_max");
if (date < 0 || tmax < 0) throw new Error(`${FILE}: no date or temp_max column`);
const out = ["date,temp_max"];
for (const line of lines.slice(1)) {
  const v = line.split(",");
  const t = Number(v[tmax]);
  if (!Number.isFinite(t)) throw new Error(`${FILE}: bad temperature in ${line}`);
  out.push(`${v[date]},${t}`);
}
const csv = out.join("\n") + "\n";
writeFileSync(new URL("../../data/seattle-temperature.csv", import.meta.url), csv);
console.log(`data/seattle-temperature.csv: ${out.length - 1} days, ${csv.length} bytes (${SPEC} ${integrity})`);
