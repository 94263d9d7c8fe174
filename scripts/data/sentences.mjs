#!/usr/bin/env node
/**
 * Derives data/sentences.json from the UCI Sentiment Labelled Sentences
 * (Kotzias, Denil, de Freitas & Smyth, KDD 2015) as shipped by npm
 * `sentiment@5.0.2` in `test/fixtures/{amazon,imdb,yelp}.json` (1,000 labelled
 * sentences each, 500 positive and 500 negative).
 *
 *   node scripts/data/sentences.mjs
 *
 * 1. Each fixture ends with an empty `{"text":"","class":null}` entry: dropped.
 * 2. Text is tokenized with lib/datasets.ts `tokenize` (lowercase runs of
 *    letters and digits, inner apostrophes kept).
 * 3. A fixed-seed split: 600 sentences (20 %) to test, 2,400 to train.
 * 4. The vocabulary is built from the training sentences only, ordered by
 *    frequency (descending) then alphabetically; test words outside it are dropped.
 * 5. Each sentence is stored as its token indices in order (repeats kept), with
 *    its label (1 positive, 0 negative), its source and its text.
 */
import { writeFileSync } from "node:fs";
import { extractFromNpm, importLib } from "./npm-extract.mjs";

const SPEC = "sentiment@5.0.2";
const SOURCES = ["amazon", "imdb", "yelp"];
const SEED = 2015;
const TEST_FRACTION = 0.2;

const { random } = await importLib("random.ts");
const { tokenize } = await importLib("datasets.ts");

const { integrity, files } = extractFromNpm(SPEC, SOURCES.map((s) => `test/fixtures/${s}.json`));
const all = [];
for (const source of SOURCES) {
  const entries = JSON.parse(files[`test/fixtures/${source}.json`]);
  const last = entries.at(-1);
  if (last.text !== "" || last.class !== null) throw new Error(`${source}: expected a trailing empty entry`);
  for (const { text, class: label } of entries.slice(0, -1)) {
    if (label !== 0 && label !== 1) throw new Error(`${source}: bad label ${label}`);
    all.push({ text: text.trim(), label, source, tokens: tokenize(text) });
  }
}

const order = random(SEED).shuffle(Int32Array.from({ length: all.length }, (_, i) => i));
const nTest = Math.round(TEST_FRACTION * all.length);
const testRows = Array.from(order.subarray(0, nTest)).sort((a, b) => a - b);
const trainRows = Array.from(order.subarray(nTest)).sort((a, b) => a - b);

const counts = new Map();
for (const i of trainRows) for (const w of all[i].tokens) counts.set(w, (counts.get(w) ?? 0) + 1);
const vocabulary = [...counts.keys()].sort((a, b) => counts.get(b) - counts.get(a) || (a < b ? -1 : a > b ? 1 : 0));
const index = new Map(vocabulary.map((w, j) => [w, j]));

let dropped = 0;
const split = (rows) => ({
  tokens: rows.map((i) =>
    all[i].tokens.flatMap((w) => {
      const j = index.get(w);
      if (j === undefined) {
        dropped++;
        return [];
      }
      return [j];
    })
  ),
  labels: rows.map((i) => all[i].label),
  source: rows.map((i) => all[i].source),
  text: rows.map((i) => all[i].text),
});
const train = split(trainRows);
const test = split(testRows);
const json = {
  description: "UCI Sentiment Labelled Sentences (Kotzias et al., KDD 2015), tokenized; see data/README.md",
  source: `${SPEC} test/fixtures/{${SOURCES.join(",")}}.json`,
  integrity,
  seed: SEED,
  vocabulary,
  train,
  test,
};
const text = JSON.stringify(json);
writeFileSync(new URL("../../data/sentences.json", import.meta.url), text + "\n");
const once = vocabulary.filter((w) => counts.get(w) === 1).length;
const nnz = train.tokens.reduce((s, t) => s + new Set(t).size, 0);
console.log(`data/sentences.json: ${train.labels.length} train + ${test.labels.length} test sentences, vocabulary ${vocabulary.length} words (${((100 * once) / vocabulary.length).toFixed(0)} % seen once), ${(nnz / train.labels.length).toFixed(1)} distinct words per training sentence, ${dropped} test tokens outside the vocabulary, ${text.length} bytes`);
console.log(`positive: train ${train.labels.filter((l) => l === 1).length}, test ${test.labels.filter((l) => l === 1).length}`);
