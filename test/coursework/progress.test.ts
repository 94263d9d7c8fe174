// Progress: statuses read from storage, summed per chapter, exported as a file.
import { describe, expect, test } from "vitest";
import { STORAGE_PREFIX, chapterProgress, progressFile, progressFileName, readStatuses, recordStatus, type CatalogueItem, type StatusStorage } from "../../src/components/coursework/progress.js";
import { parseProgressFile } from "../../src/components/coursework/progress-files.js";

function fakeStorage(entries: Record<string, string> = {}): StatusStorage & { map: Map<string, string> } {
  const map = new Map(Object.entries(entries));
  return {
    map,
    get length() {
      return map.size;
    },
    key: (i) => [...map.keys()][i] ?? null,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
  };
}

const catalogue: CatalogueItem[] = [
  { id: "adam/adam-step", chapter: "adam", title: "Adam's step", points: 15, kind: "code" },
  { id: "adam/why", chapter: "adam", title: "Why", points: 5, kind: "concept" },
  { id: "ewa/bias-corrected", chapter: "ewa", title: "Bias", points: 5, kind: "code" },
  { id: "ewa/weight-age-10", chapter: "ewa", title: "Weight", points: 2, kind: "numeric" },
];

describe("progress", () => {
  test("reads every exercise status and nothing else", () => {
    const store = fakeStorage({ [`${STORAGE_PREFIX}adam/adam-step`]: "passed", [`${STORAGE_PREFIX}ewa/weight-age-10`]: "failed", [`${STORAGE_PREFIX}x/y`]: "weird", "descent:editor:adam/adam-step": "code" });
    expect(readStatuses(store)).toEqual({ "adam/adam-step": "passed", "ewa/weight-age-10": "failed" });
  });

  test("sums per chapter, with points from the catalogue; a stored id not in the catalogue counts nowhere", () => {
    const p = chapterProgress(catalogue, { "adam/adam-step": "passed", "ewa/weight-age-10": "failed", "ewa/retired-check": "passed", "momentum/stability-limit": "passed" });
    expect(p.adam).toEqual({ chapter: "adam", checked: 1, solved: 1, attempted: 1, points: 15, maxPoints: 15 });
    expect(p.ewa).toEqual({ chapter: "ewa", checked: 2, solved: 0, attempted: 1, points: 0, maxPoints: 7 });
    expect(p.momentum).toBeUndefined();
  });

  test("the latest run counts: a pass does not stick after a regression", () => {
    const store = fakeStorage();
    recordStatus("adam/adam-step", "passed", { store });
    recordStatus("adam/adam-step", "failed", { store });
    expect(store.map.get(`${STORAGE_PREFIX}adam/adam-step`)).toBe("failed");
    recordStatus("ewa/weight-age-10", "failed", { store });
    recordStatus("ewa/weight-age-10", "passed", { store });
    expect(store.map.get(`${STORAGE_PREFIX}ewa/weight-age-10`)).toBe("passed");
  });

  test("the exported file carries the name, the date, every checked exercise and the totals", () => {
    const now = new Date("2025-03-04T05:06:07Z");
    const file = progressFile("  Ada Lovelace ", catalogue, { "adam/adam-step": "passed", "ewa/weight-age-10": "failed", "ewa/retired-check": "passed" }, now);
    expect(file).toMatchObject({ format: "descent-progress", version: 1, course: "Descent", student: "Ada Lovelace", exported: "2025-03-04T05:06:07.000Z" });
    expect(file.exercises.map((e) => [e.id, e.status, e.points])).toEqual([
      ["adam/adam-step", "passed", 15],
      ["ewa/bias-corrected", "not attempted", 0],
      ["ewa/weight-age-10", "failed", 0],
    ]);
    expect(file.totals).toEqual({ solved: 1, checked: 3, points: 15, maxPoints: 22 });
    expect(progressFileName("Ada Lovelace", now)).toBe("descent-progress-ada-lovelace-2025-03-04.json");
    expect(parseProgressFile(JSON.stringify(file))).toEqual(file);
    expect(() => parseProgressFile("{}")).toThrow(/not a Descent progress file/);
    expect(() => parseProgressFile("nope")).toThrow(/not JSON/);
  });
});

describe("parseProgressFile(text) on malformed files (one bad file never blanks the batch)", () => {
  const good = { format: "descent-progress", version: 1, course: "Descent", student: "Ada", exported: "2025-03-04T05:06:07.000Z", exercises: [], totals: { solved: 0, checked: 0, points: 0, maxPoints: 0 } };
  test("a non-string exported, an object student or a non-number total is named", () => {
    expect(() => parseProgressFile(JSON.stringify({ ...good, exported: 5 }))).toThrow(/export date is not text/);
    expect(() => parseProgressFile(JSON.stringify({ ...good, student: { name: "x" } }))).toThrow(/student is not a name/);
    expect(() => parseProgressFile(JSON.stringify({ ...good, totals: { ...good.totals, points: "9" } }))).toThrow(/totals.points/);
    expect(parseProgressFile(JSON.stringify(good))).toEqual(good);
  });
  test("100k-deep nesting where the table reads a field is refused with a message, not a crash", () => {
    const deep = "[".repeat(100_000) + "]".repeat(100_000);
    expect(() => parseProgressFile(JSON.stringify({ ...good, student: 0 }).replace('"student":0', `"student":${deep}`))).toThrow(/student is not a name/);
    expect(() => parseProgressFile(JSON.stringify({ ...good, exported: 0 }).replace('"exported":0', `"exported":${deep}`))).toThrow(/export date/);
  });
});
