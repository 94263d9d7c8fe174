/**
 * Build-time data: Seattle's daily maximum temperature (°C), 2012–2015, 1,461
 * days, from data/seattle-temperature.csv (see data/README.md). Emits
 * `{ source, dates: string[], tempMax: number[] }`.
 *
 *   const weather = await FileAttachment("data/seattle-temperature.json").json();
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

const csv = readFileSync(join(process.cwd(), "data", "seattle-temperature.csv"), "utf8");
const rows = csv.trim().split(/\r?\n/).slice(1).map((line) => line.split(","));
process.stdout.write(
  JSON.stringify({
    source: "NOAA daily records for Seattle, via npm vega-datasets@3.2.1 data/seattle-weather.csv",
    dates: rows.map((r) => r[0]),
    tempMax: rows.map((r) => Number(r[1])),
  })
);
