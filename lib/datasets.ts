/**
 * Datasets as typed structures, and the few transformations the course needs.
 * Pure functions: no file system, no DOM. Data loaders and scripts read the
 * files in `data/`; pages get the loaders' JSON and parse it here.
 *
 * Two layouts:
 * - dense, `X` row-major `n × d` (row `i` is `X[i*d .. i*d + d)`);
 * - sparse, compressed sparse rows (CSR): the nonzeros of row `i` are at
 *   `indices[indptr[i] .. indptr[i+1])`, with `values` at the same positions
 *   (all ones when `values` is absent, as for a binary bag of words).
 */
import { random } from "./random.js";
import { requireInRange, requireInteger, rejectUnknownKeys } from "./validate.js";

/** A dense dataset: `n` examples of `d` features, row-major, and one target per example. */
export interface DenseDataset {
  readonly kind: "dense";
  readonly X: Float64Array;
  readonly y: Float64Array;
  readonly n: number;
  readonly d: number;
  readonly featureNames: readonly string[];
  readonly targetName?: string;
  /** For classification: the number of classes; targets are 0, 1, ..., classes − 1. */
  readonly classes?: number;
}

/** A sparse dataset in CSR form (see the module comment). */
export interface SparseDataset {
  readonly kind: "sparse";
  readonly indptr: Int32Array;
  readonly indices: Int32Array;
  readonly values?: Float64Array;
  readonly y: Float64Array;
  readonly n: number;
  readonly d: number;
  readonly vocabulary: readonly string[];
}

export type Dataset = DenseDataset | SparseDataset;

/** The JSON form of a dense dataset that the data loaders write. */
export interface DenseJSON {
  featureNames: string[];
  targetName?: string;
  classes?: number;
  n: number;
  d: number;
  /** Row-major, `n·d` numbers. */
  X: number[];
  y: number[];
}

/** A train/test pair, the form of `data/digits.json`. */
export interface SplitJSON<T> {
  train: T;
  test: T;
}

/** One split of the sentences file: token indices per sentence and labels. */
export interface SentencesSplitJSON {
  tokens: number[][];
  labels: number[];
  text?: string[];
  source?: string[];
}

/** The JSON form of the sentences file (`data/sentences.json`). */
export interface SentencesJSON {
  vocabulary: string[];
  train: SentencesSplitJSON;
  test: SentencesSplitJSON;
  [key: string]: unknown;
}

function fail(owner: string, message: string): never {
  throw new RangeError(`${owner}: ${message}`);
}

/** Builds a DenseDataset after checking that the shapes agree. */
export function denseDataset(
  X: Float64Array,
  y: Float64Array,
  d: number,
  featureNames?: readonly string[],
  extra: { targetName?: string; classes?: number } = {}
): DenseDataset {
  requireInteger("denseDataset", "d", d, 1);
  const n = y.length;
  if (X.length !== n * d) fail("denseDataset", `X has length ${X.length}, expected n·d = ${n}·${d} = ${n * d}`);
  const names = featureNames ?? Array.from({ length: d }, (_, j) => `x${j}`);
  if (names.length !== d) fail("denseDataset", `featureNames has length ${names.length}, expected d = ${d}`);
  if (extra.classes !== undefined) {
    requireInteger("denseDataset", "classes", extra.classes, 2);
    for (let i = 0; i < n; ++i) {
      const c = y[i];
      if (!(Number.isInteger(c) && c >= 0 && c < extra.classes)) {
        fail("denseDataset", `y[${i}] must be an integer in [0, ${extra.classes - 1}] (a class), got ${c}`);
      }
    }
  }
  return { kind: "dense", X, y, n, d, featureNames: names, ...extra };
}

/**
 * Parses a CSV text with a header row and numeric cells into a dense dataset.
 * `target` names the target column; `ignore` lists columns to drop (a row id).
 */
export function parseDenseCSV(
  text: string,
  options: { target: string; ignore?: readonly string[]; classes?: number }
): DenseDataset {
  rejectUnknownKeys("parseDenseCSV", options, ["target", "ignore", "classes"]);
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== "");
  if (lines.length < 2) fail("parseDenseCSV", `text must have a header and at least one row, got ${lines.length} line(s)`);
  const header = lines[0].split(",").map((s) => s.trim());
  const t = header.indexOf(options.target);
  if (t < 0) throw new RangeError(`parseDenseCSV: target ${JSON.stringify(options.target)} is not a column; columns are ${header.join(", ")}`);
  const ignore = new Set(options.ignore ?? []);
  const featureCols: number[] = [];
  header.forEach((name, j) => {
    if (j !== t && !ignore.has(name)) featureCols.push(j);
  });
  const n = lines.length - 1;
  const d = featureCols.length;
  const X = new Float64Array(n * d);
  const y = new Float64Array(n);
  for (let i = 0; i < n; ++i) {
    const cells = lines[i + 1].split(",");
    if (cells.length !== header.length) fail("parseDenseCSV", `line ${i + 2} has ${cells.length} cells, expected ${header.length}`);
    for (let k = 0; k < d; ++k) {
      const v = Number(cells[featureCols[k]]);
      if (!Number.isFinite(v)) fail("parseDenseCSV", `line ${i + 2}, column ${header[featureCols[k]]}: not a finite number: ${JSON.stringify(cells[featureCols[k]])}`);
      X[i * d + k] = v;
    }
    const v = Number(cells[t]);
    if (!Number.isFinite(v)) fail("parseDenseCSV", `line ${i + 2}, column ${options.target}: not a finite number: ${JSON.stringify(cells[t])}`);
    y[i] = v;
  }
  return denseDataset(X, y, d, featureCols.map((j) => header[j]), {
    targetName: options.target,
    ...(options.classes !== undefined ? { classes: options.classes } : {}),
  });
}

/** The JSON form of a dense dataset (what the data loaders write). */
export function denseToJSON(data: DenseDataset): DenseJSON {
  return {
    featureNames: [...data.featureNames],
    ...(data.targetName !== undefined ? { targetName: data.targetName } : {}),
    ...(data.classes !== undefined ? { classes: data.classes } : {}),
    n: data.n,
    d: data.d,
    X: Array.from(data.X),
    y: Array.from(data.y),
  };
}

/** Parses the JSON form of a dense dataset, checking its shape. */
export function parseDenseJSON(json: DenseJSON): DenseDataset {
  if (json === null || typeof json !== "object" || !Array.isArray(json.X) || !Array.isArray(json.y)) {
    throw new TypeError("parseDenseJSON: json must be an object with arrays X and y (the output of denseToJSON)");
  }
  const data = denseDataset(Float64Array.from(json.X), Float64Array.from(json.y), json.d, json.featureNames, {
    ...(json.targetName !== undefined ? { targetName: json.targetName } : {}),
    ...(json.classes !== undefined ? { classes: json.classes } : {}),
  });
  if (json.n !== data.n) fail("parseDenseJSON", `n is ${json.n} but y has ${data.n} entries`);
  for (let i = 0; i < data.X.length; ++i) {
    if (!Number.isFinite(data.X[i])) fail("parseDenseJSON", `X[${i}] is not a finite number`);
  }
  return data;
}

/** Parses a `{train, test}` pair of dense datasets (`data/digits.json`). */
export function parseDenseSplitJSON(json: SplitJSON<DenseJSON>): { train: DenseDataset; test: DenseDataset } {
  return { train: parseDenseJSON(json.train), test: parseDenseJSON(json.test) };
}

/**
 * Splits a sentence into lowercase word tokens: runs of letters, digits and
 * inner apostrophes ("don't" stays one token). The same rule built the vocabulary
 * of `data/sentences.json`, so a page can encode a sentence the reader types.
 */
export function tokenize(text: string): string[] {
  const tokens = text.toLowerCase().match(/[a-z0-9]+(?:'[a-z0-9]+)*/g);
  return tokens ?? [];
}

/**
 * A sparse bag of words from token-index lists: binary presence by default
 * (`values` absent), or counts with `{ counts: true }`. The column indices of each
 * row are sorted and distinct. Negative indices (unknown words) are skipped.
 */
export function bagOfWords(
  tokens: readonly (readonly number[])[],
  labels: ArrayLike<number>,
  vocabulary: readonly string[],
  { counts = false }: { counts?: boolean } = {}
): SparseDataset {
  const n = tokens.length;
  if (labels.length !== n) fail("bagOfWords", `labels has length ${labels.length}, expected ${n} (one per sentence)`);
  const d = vocabulary.length;
  const indptr = new Int32Array(n + 1);
  const cols: number[] = [];
  const vals: number[] = [];
  for (let i = 0; i < n; ++i) {
    const sorted = tokens[i].filter((k) => k >= 0).sort((a, b) => a - b);
    for (let k = 0; k < sorted.length; ++k) {
      const j = sorted[k];
      if (!Number.isInteger(j) || j >= d) fail("bagOfWords", `token ${j} of sentence ${i} is not an index into the vocabulary [0, ${d - 1}]`);
      if (k > 0 && sorted[k - 1] === j) {
        vals[vals.length - 1] += 1;
      } else {
        cols.push(j);
        vals.push(1);
      }
    }
    indptr[i + 1] = cols.length;
  }
  const y = Float64Array.from(labels);
  for (let i = 0; i < n; ++i) {
    if (y[i] !== 0 && y[i] !== 1) fail("bagOfWords", `labels[${i}] must be 0 or 1, got ${y[i]}`);
  }
  return {
    kind: "sparse",
    indptr,
    indices: Int32Array.from(cols),
    ...(counts ? { values: Float64Array.from(vals) } : {}),
    y,
    n,
    d,
    vocabulary,
  };
}

/** Parses `data/sentences.json` into sparse train and test sets over one vocabulary. */
export function parseSentencesJSON(
  json: SentencesJSON,
  options: { counts?: boolean } = {}
): { train: SparseDataset; test: SparseDataset; vocabulary: readonly string[] } {
  if (json === null || typeof json !== "object" || !Array.isArray(json.vocabulary) || !json.train || !json.test) {
    throw new TypeError("parseSentencesJSON: json must be an object with vocabulary, train and test (data/sentences.json)");
  }
  const vocabulary = json.vocabulary;
  return {
    train: bagOfWords(json.train.tokens, json.train.labels, vocabulary, options),
    test: bagOfWords(json.test.tokens, json.test.labels, vocabulary, options),
    vocabulary,
  };
}

/** Encodes a sentence with a vocabulary (unknown words dropped) as one CSR row. */
export function encodeSentence(text: string, vocabulary: readonly string[], options: { counts?: boolean } = {}): SparseDataset {
  const index = new Map(vocabulary.map((w, j) => [w, j] as const));
  const tokens = tokenize(text).map((w) => index.get(w) ?? -1);
  return bagOfWords([tokens], [0], vocabulary, options);
}

/** The mean and (population) standard deviation used to standardize a dataset. */
export interface StandardizeStats {
  readonly mean: Float64Array;
  /** Population standard deviations (numpy's default); a constant column gets 1. */
  readonly std: Float64Array;
  readonly targetMean: number;
  readonly targetStd: number;
}

/**
 * Standardizes the columns of a dense dataset to mean 0 and standard deviation 1,
 * as D2L does to the airfoil data. With `target: true` the target is standardized
 * too (D2L standardizes every column). Pass `stats` (from the training set) to
 * apply the same shift and scale to a test set. Returns a new dataset and the stats.
 */
export function standardize(
  data: DenseDataset,
  options: { target?: boolean; stats?: StandardizeStats } = {}
): { data: DenseDataset; stats: StandardizeStats } {
  rejectUnknownKeys("standardize", options, ["target", "stats"]);
  const { n, d } = data;
  let stats = options.stats;
  if (stats) {
    if (stats.mean.length !== d || stats.std.length !== d) fail("standardize", `stats are for ${stats.mean.length} features, the data has d = ${d}`);
  } else {
    const mean = new Float64Array(d);
    const std = new Float64Array(d);
    for (let i = 0; i < n; ++i) for (let j = 0; j < d; ++j) mean[j] += data.X[i * d + j];
    for (let j = 0; j < d; ++j) mean[j] /= n;
    for (let i = 0; i < n; ++i) {
      for (let j = 0; j < d; ++j) {
        const e = data.X[i * d + j] - mean[j];
        std[j] += e * e;
      }
    }
    for (let j = 0; j < d; ++j) std[j] = Math.sqrt(std[j] / n) || 1;
    let targetMean = 0;
    let targetStd = 0;
    for (let i = 0; i < n; ++i) targetMean += data.y[i];
    targetMean /= n;
    for (let i = 0; i < n; ++i) targetStd += (data.y[i] - targetMean) ** 2;
    targetStd = Math.sqrt(targetStd / n) || 1;
    stats = { mean, std, targetMean, targetStd };
  }
  const X = new Float64Array(n * d);
  for (let i = 0; i < n; ++i) {
    for (let j = 0; j < d; ++j) X[i * d + j] = (data.X[i * d + j] - stats.mean[j]) / stats.std[j];
  }
  const y = options.target ? data.y.map((v) => (v - stats.targetMean) / stats.targetStd) : data.y.slice();
  return { data: { ...data, X, y }, stats };
}

/** The examples at `rows` (in that order), as a new dataset of the same kind. */
export function subset<D extends Dataset>(data: D, rows: ArrayLike<number>): D {
  const m = rows.length;
  for (let k = 0; k < m; ++k) {
    const i = rows[k];
    if (!(Number.isInteger(i) && i >= 0 && i < data.n)) fail("subset", `rows[${k}] must be an integer in [0, ${data.n - 1}], got ${i}`);
  }
  const y = new Float64Array(m);
  for (let k = 0; k < m; ++k) y[k] = data.y[rows[k]];
  if (data.kind === "dense") {
    const { d } = data;
    const X = new Float64Array(m * d);
    for (let k = 0; k < m; ++k) X.set(data.X.subarray(rows[k] * d, rows[k] * d + d), k * d);
    return { ...data, X, y, n: m } as D;
  }
  const s = data as SparseDataset;
  const indptr = new Int32Array(m + 1);
  for (let k = 0; k < m; ++k) indptr[k + 1] = indptr[k] + s.indptr[rows[k] + 1] - s.indptr[rows[k]];
  const indices = new Int32Array(indptr[m]);
  const values = s.values ? new Float64Array(indptr[m]) : undefined;
  for (let k = 0; k < m; ++k) {
    const a = s.indptr[rows[k]];
    const b = s.indptr[rows[k] + 1];
    indices.set(s.indices.subarray(a, b), indptr[k]);
    if (values && s.values) values.set(s.values.subarray(a, b), indptr[k]);
  }
  return { ...s, indptr, indices, ...(values ? { values } : {}), y, n: m } as D;
}

/**
 * A fixed-seed random split: a fraction `testFraction` of the examples (rounded)
 * goes to `test`, the rest to `train`; each keeps the original order.
 */
export function trainTestSplit<D extends Dataset>(data: D, testFraction: number, seed = 0): { train: D; test: D } {
  requireInRange("trainTestSplit", "testFraction", testFraction, 0, 1, { loOpen: true, hiOpen: true });
  const nTest = Math.round(testFraction * data.n);
  if (nTest < 1 || nTest > data.n - 1) {
    fail("trainTestSplit", `testFraction ${testFraction} of n = ${data.n} leaves an empty train or test set`);
  }
  const order = random(seed).shuffle(Int32Array.from({ length: data.n }, (_, i) => i));
  const test = order.slice(0, nTest).sort();
  const train = order.slice(nTest).sort();
  return { train: subset(data, train), test: subset(data, test) };
}

/** A fixed-seed random sample of `size` examples, kept in their original order. */
export function subsample<D extends Dataset>(data: D, size: number, seed = 0): D {
  requireInteger("subsample", "size", size, 1, data.n);
  const order = random(seed).shuffle(Int32Array.from({ length: data.n }, (_, i) => i));
  return subset(data, order.slice(0, size).sort());
}

/** The number of nonzeros of the rows `rows[start..end)` of a sparse dataset. */
export function nonzeros(data: SparseDataset, rows?: ArrayLike<number>): number {
  if (!rows) return data.indptr[data.n];
  let count = 0;
  for (let k = 0; k < rows.length; ++k) count += data.indptr[rows[k] + 1] - data.indptr[rows[k]];
  return count;
}
