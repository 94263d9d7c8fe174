/**
 * Build-time data: the UCI Sentiment Labelled Sentences, tokenized, with the
 * vocabulary and fixed train/test split of data/sentences.json (see data/README.md).
 * Checked here, written out unchanged.
 *
 *   const json = await FileAttachment("data/sentences.json").json();
 *   const { train, test, vocabulary } = parseSentencesJSON(json);
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseSentencesJSON, type SentencesJSON } from "../../lib/datasets.js";

const json = JSON.parse(readFileSync(join(process.cwd(), "data", "sentences.json"), "utf8")) as SentencesJSON;
parseSentencesJSON(json);
const { vocabulary, train, test, source } = json;
process.stdout.write(JSON.stringify({ source, vocabulary, train, test }));
