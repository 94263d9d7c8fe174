// Writes test/fixtures/choosing-budget.json: the "best of N" curves (expected
// test loss of the best of N tuning runs) of the choosing page, per task and
// optimizer, taken from the built data loader's output — so the tuning-budget
// chart's label-dodging test runs on the page's own end values.
// Run after the loader has been built (npm run build, or a preview of /choosing):
//   node scripts/data/choosing-budget-fixture.mjs
import { readFileSync, writeFileSync } from "node:fs";

const source = "src/.observablehq/cache/data/choosing-comparison.json";
const data = JSON.parse(readFileSync(source, "utf8"));
const results = data.results.map((r) => ({ task: r.task, contender: r.contender, budget: r.budget, initialTestLoss: r.initialTestLoss }));
writeFileSync("test/fixtures/choosing-budget.json", JSON.stringify({ source, tasks: data.tasks.map((t) => ({ name: t.name, title: t.title })), results }) + "\n");
console.log(`wrote ${results.length} curves`);
