/**
 * Build-time numbers for the RMSprop/Adadelta chapter's fair comparison on the
 * sentiment task (logistic regression on bags of words, minibatches of 10,
 * three epochs): each method's hyperparameter — η, or ε for Adadelta, which has
 * no learning rate — is tuned on a half-decade grid under seed 0, then re-run
 * under seeds 0, 1, 2 (the seed reshuffles the minibatches). Too slow for the
 * page (~10 s), so computed here with lib's `tunedComparison`.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseSentencesJSON, type SentencesJSON } from "../../lib/datasets.js";
import { logisticRegression } from "../../lib/models/logistic-regression.js";
import { adadelta, adagrad, rmsprop, sgd } from "../../lib/optimizers/index.js";
import { tunedComparison } from "../../lib/analysis/rmsprop.js";

const json = JSON.parse(readFileSync(join(process.cwd(), "data", "sentences.json"), "utf8")) as SentencesJSON;
const { train } = parseSentencesJSON(json);
const model = logisticRegression(train.d);
/** 10^a, 10^(a+½), …, 10^b. */
const halfDecades = (a: number, b: number) => Array.from({ length: Math.round((b - a) * 2) + 1 }, (_, k) => 10 ** (a + k / 2));
const options = { epochs: 3, batchSize: 10, seeds: [0, 1, 2] };
const methods = [
  { label: "SGD", param: "η", make: (lr: number) => sgd({ lr }), grid: halfDecades(-1, 1.5) },
  { label: "Adagrad", param: "η", make: (lr: number) => adagrad({ lr }), grid: halfDecades(-2, 1.5) },
  { label: "RMSprop, γ = 0.9", param: "η", make: (lr: number) => rmsprop({ lr, alpha: 0.9 }), grid: halfDecades(-3.5, 0) },
  { label: "RMSprop, γ = 0.99", param: "η", make: (lr: number) => rmsprop({ lr, alpha: 0.99 }), grid: halfDecades(-3.5, 0) },
  { label: "Adadelta", param: "ε", make: (eps: number) => adadelta({ eps }), grid: halfDecades(-7, 1) },
];
const results = tunedComparison(model, train, methods, options);
// Adadelta with ε ≫ E[g²] takes steps lr·g: plain SGD with η = lr = 1, for comparison.
const [sgdAtOne] = tunedComparison(model, train, [{ label: "SGD, η = 1", make: (lr: number) => sgd({ lr }), grid: [1] }], options);
process.stdout.write(
  JSON.stringify({
    ...options,
    sgdAtOne,
    results: results.map((r, k) => ({ ...r, param: methods[k].param, grid: methods[k].grid })),
  })
);
