import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  bagOfWords,
  denseDataset,
  denseToJSON,
  encodeSentence,
  nonzeros,
  parseDenseCSV,
  parseDenseJSON,
  parseSentencesJSON,
  standardize,
  subsample,
  subset,
  tokenize,
  trainTestSplit,
} from "../lib/datasets.js";
import { leastSquares } from "../lib/models/linear-regression.js";

const root = new URL("..", import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), "utf8");

describe("parseDenseCSV(text, options)", () => {
  it("parses features row-major and the target", () => {
    const data = parseDenseCSV("id,a,b,y\n0,1,2,3\n1,4,5,6\n", { target: "y", ignore: ["id"] });
    expect(data.kind).toBe("dense");
    expect([data.n, data.d]).toEqual([2, 2]);
    expect(data.featureNames).toEqual(["a", "b"]);
    expect(Array.from(data.X)).toEqual([1, 2, 4, 5]);
    expect(Array.from(data.y)).toEqual([3, 6]);
  });
  it("names the bad cell, the missing target and a ragged line", () => {
    expect(() => parseDenseCSV("a,y\nx,1\n", { target: "y" })).toThrow(/line 2, column a: not a finite number: "x"/);
    expect(() => parseDenseCSV("a,y\n1,1\n", { target: "z" })).toThrow(/target "z" is not a column; columns are a, y/);
    expect(() => parseDenseCSV("a,y\n1,1,1\n", { target: "y" })).toThrow(/line 2 has 3 cells, expected 2/);
    expect(() => parseDenseCSV("a,y\n", { target: "y" })).toThrow(RangeError);
  });
  it("checks classes", () => {
    expect(() => parseDenseCSV("a,y\n1,2\n", { target: "y", classes: 2 })).toThrow(/y\[0\] must be an integer in \[0, 1\] \(a class\), got 2/);
  });
});

describe("denseToJSON / parseDenseJSON", () => {
  it("round-trips", () => {
    const data = denseDataset(Float64Array.of(1, 2, 3, 4, 5, 6), Float64Array.of(0, 1, 0), 2, ["u", "v"], { classes: 2 });
    const back = parseDenseJSON(JSON.parse(JSON.stringify(denseToJSON(data))));
    expect(back).toEqual(data);
  });
  it("rejects a shape mismatch", () => {
    expect(() => parseDenseJSON({ featureNames: ["a"], n: 2, d: 1, X: [1], y: [1, 2] })).toThrow(/X has length 1, expected n·d = 2·1 = 2/);
    expect(() => parseDenseJSON(null as never)).toThrow(TypeError);
  });
});

describe("standardize(data, options)", () => {
  const data = denseDataset(Float64Array.of(1, 5, 3, 5, 5, 5), Float64Array.of(1, 2, 3), 2);
  it("gives mean 0 and population std 1, a constant column std 1", () => {
    const { data: z, stats } = standardize(data, { target: true });
    expect(Array.from(stats.mean)).toEqual([3, 5]);
    expect(stats.std[0]).toBeCloseTo(Math.sqrt(8 / 3), 14);
    expect(stats.std[1]).toBe(1); // constant column: left centred, not divided by 0
    expect(Array.from(z.X).map((v) => +v.toFixed(12))).toEqual([-1.224744871392, 0, 0, 0, 1.224744871392, 0]);
    expect(Array.from(z.y).map((v) => +v.toFixed(12))).toEqual([-1.224744871392, 0, 1.224744871392]);
    expect(Array.from(data.X)).toEqual([1, 5, 3, 5, 5, 5]); // input untouched
  });
  it("applies given stats (train stats on a test set)", () => {
    const { stats } = standardize(data);
    const { data: z } = standardize(denseDataset(Float64Array.of(3, 6), Float64Array.of(9), 2), { stats });
    expect(Array.from(z.X)).toEqual([0, 1]);
    expect(Array.from(z.y)).toEqual([9]);
  });
});

describe("trainTestSplit(data, testFraction, seed) and subsample", () => {
  const data = denseDataset(Float64Array.from({ length: 20 }, (_, i) => i), Float64Array.from({ length: 10 }, (_, i) => i), 2);
  it("partitions the rows, keeps their order, and is fixed by the seed", () => {
    const { train, test } = trainTestSplit(data, 0.3, 7);
    expect([train.n, test.n]).toEqual([7, 3]);
    const rows = [...train.y, ...test.y].sort((a, b) => a - b);
    expect(rows).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect([...train.y]).toEqual([...train.y].sort((a, b) => a - b));
    expect(train.X[0]).toBe(2 * train.y[0]);
    expect(trainTestSplit(data, 0.3, 7)).toEqual({ train, test });
    expect(trainTestSplit(data, 0.3, 8).test.y).not.toEqual(test.y);
  });
  it("rejects fractions that leave a side empty", () => {
    expect(() => trainTestSplit(data, 1, 0)).toThrow(/testFraction must be a finite number in \(0, 1\), got 1/);
    expect(() => trainTestSplit(data, 0.01, 0)).toThrow(/leaves an empty train or test set/);
  });
  it("subsample draws distinct rows", () => {
    const s = subsample(data, 4, 1);
    expect(s.n).toBe(4);
    expect(new Set(s.y).size).toBe(4);
    expect(() => subsample(data, 11)).toThrow(/size must be a finite number in \[1, 10\], got 11/);
    expect(() => subset(data, [10])).toThrow(/rows\[0\] must be an integer in \[0, 9\], got 10/);
  });
});

describe("tokenize, bagOfWords and encodeSentence", () => {
  it("tokenize keeps inner apostrophes and digits", () => {
    expect(tokenize("Don't buy it!! 10/10, NOT 'great'.")).toEqual(["don't", "buy", "it", "10", "10", "not", "great"]);
    expect(tokenize("...")).toEqual([]);
  });
  it("bagOfWords builds sorted, distinct CSR rows (binary) or counts", () => {
    const b = bagOfWords([[2, 0, 2], [1]], [1, 0], ["a", "b", "c"]);
    expect(Array.from(b.indptr)).toEqual([0, 2, 3]);
    expect(Array.from(b.indices)).toEqual([0, 2, 1]);
    expect(b.values).toBeUndefined();
    expect(Array.from(bagOfWords([[2, 0, 2]], [1], ["a", "b", "c"], { counts: true }).values!)).toEqual([1, 2]);
    expect(() => bagOfWords([[3]], [1], ["a"])).toThrow(/token 3 of sentence 0 is not an index into the vocabulary \[0, 0\]/);
    expect(() => bagOfWords([[0]], [2], ["a"])).toThrow(/labels\[0\] must be 0 or 1, got 2/);
  });
  it("encodeSentence drops unknown words", () => {
    const row = encodeSentence("Great, GREAT phone", ["phone", "great"]);
    expect(Array.from(row.indices)).toEqual([0, 1]);
    expect(nonzeros(row)).toBe(2);
  });
});

describe("the committed data files", () => {
  it("data/housing.csv: 1,500 rows, 5 inputs, OLS R² ≈ 0.63 as in housing.stats.json", () => {
    const raw = parseDenseCSV(read("data/housing.csv"), { target: "MedHouseVal", ignore: ["row"] });
    expect([raw.n, raw.d]).toEqual([1500, 5]);
    expect(raw.featureNames).toEqual(["MedInc", "HouseAge", "logAveOccup", "Latitude", "Longitude"]);
    const stats = JSON.parse(read("data/housing.stats.json"));
    const { data, stats: s } = standardize(raw, { target: true });
    Array.from(s.mean).forEach((m, j) => expect(m).toBeCloseTo(stats.mean[j], 10));
    Array.from(s.std).forEach((v, j) => expect(v).toBeCloseTo(stats.std[j], 10));
    const ols = leastSquares(data);
    expect(ols.r2).toBeCloseTo(stats.ols.r2, 5);
    expect(ols.r2).toBeGreaterThan(0.6);
    expect(ols.r2).toBeLessThan(0.67);
    // The target is capped at 5.00001 in the census extract.
    expect(Math.max(...raw.y)).toBeLessThanOrEqual(5.00001);
  });
  it("data/sentences.json: 2,400 + 600 labelled sentences over a training vocabulary", () => {
    const json = JSON.parse(read("data/sentences.json"));
    const { train, test, vocabulary } = parseSentencesJSON(json);
    expect([train.n, test.n]).toEqual([2400, 600]);
    expect(vocabulary.length).toBeGreaterThan(4000);
    expect(new Set(vocabulary).size).toBe(vocabulary.length);
    const density = nonzeros(train) / (train.n * train.d);
    expect(density).toBeLessThan(0.005);
    const positive = [...train.y, ...test.y].reduce((s, v) => s + v, 0);
    expect(positive).toBe(1500); // 500 positive per source
    expect(json.train.text[0].length).toBeGreaterThan(0);
  });
});
