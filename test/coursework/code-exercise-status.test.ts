// @vitest-environment jsdom
// A code exercise's status belongs to the variant the page checked. With a
// student id set, the sandbox and the verifier run that student's visible
// cases (exercises/check.ts visibleCases), so CodeExercise stores and reads
// the result under descent:exercise:<id>#<student id> (status-store.ts
// statusOwner), and the progress summaries (progress.ts) count that key while
// the id is set: a pass of the published cases is not a pass of a student's
// variant, nor the reverse, nor one student's of another's.
//
// EditorCell is replaced by a stand-in that records the params it was given
// and lets a test deliver a verified result as the real cell does (its value,
// then an "input" event); everything else is the real code.
import { beforeEach, describe, expect, test, vi } from "vitest";

const cells: Array<HTMLElement & { value: unknown; params: Record<string, unknown> }> = [];
vi.mock("../../src/components/editor/editor-cell.js", () => ({
  EditorCell: (options: { params: Record<string, unknown> }) => {
    const cell = Object.assign(document.createElement("div"), { value: undefined as unknown, params: options.params });
    cells.push(cell);
    return cell;
  },
}));

import { CodeExercise } from "../../src/components/coursework/code-exercise.js";
import { chapterProgress, perStudentIn, progressFile, readStatuses, type CatalogueItem, type StatusStorage } from "../../src/components/coursework/progress.js";
import { STORAGE_PREFIX, recordStatus, readStatus, statusKey, statusOwner } from "../../src/components/coursework/status-store.js";
import { writeStudentId } from "../../src/components/coursework/student-id.js";
import { CHECKS } from "../../exercises/checks.js";
import { visibleCases } from "../../exercises/check.js";
import { buildCatalogue } from "../../scripts/coursework/catalogue.js";
import type { CatalogueEntry } from "../../exercises/catalogue-entry.js";

const ID = "gradient-descent/gd-step";
const catalogue: CatalogueEntry[] = buildCatalogue((id) => id === "adam/m3");
const entry = catalogue.find((e) => e.id === ID)!;
const PUBLISHED_KEY = `${STORAGE_PREFIX}${ID}`;
const aliceKey = `${STORAGE_PREFIX}${ID}#alice`;

/** Renders the exercise as the page does and returns it with its stand-in editor. */
function render(exercises: readonly CatalogueEntry[] = catalogue, id = ID) {
  const section = CodeExercise({ id, worker: "worker.js", exercises });
  document.body.append(section);
  return { section, cell: cells.at(-1)!, badge: () => section.querySelector(".code-exercise-status")!.textContent };
}

/** Delivers a verified run to the exercise, as EditorCell does after the sandbox and the verifier. */
function run(cell: HTMLElement & { value: unknown }, passed: number, total = 4, id = ID) {
  cell.value = { id, results: Array.from({ length: total }, (_, i) => ({ name: `case ${i}`, pass: i < passed, message: "" })), passed, total, untouched: false };
  cell.dispatchEvent(new Event("input"));
}

const storedKeys = () => Object.keys(localStorage).filter((k) => k.startsWith(STORAGE_PREFIX)).sort();

function fakeStorage(entries: Record<string, string> = {}): StatusStorage {
  const map = new Map(Object.entries(entries));
  return { get length() { return map.size; }, key: (i) => [...map.keys()][i] ?? null, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v) };
}

beforeEach(() => {
  localStorage.clear();
  document.body.innerHTML = "";
  cells.length = 0;
});

describe("a code exercise with a student id checks that student's own variant", () => {
  test("gd-step is marked per-student in the catalogue, and alice's visible cases are not the published ones", () => {
    expect(entry.variant).toBe("per-student");
    const check = CHECKS[ID];
    expect(visibleCases(check, "alice").map((c) => c.name)).not.toEqual(check.cases.map((c) => c.name));
  });

  test("every code exercise of the catalogue is marked per-student exactly when its check module has a variant", () => {
    for (const e of catalogue.filter((e) => e.kind === "code")) expect([e.id, e.variant]).toEqual([e.id, CHECKS[e.id].variant ? "per-student" : "fixed"]);
  });

  test("the editor is given the student id, so the sandbox and the verifier run that variant", () => {
    render();
    expect(cells[0].params).toEqual({ id: ID });
    writeStudentId("alice");
    render();
    expect(cells[1].params).toEqual({ id: ID, student: "alice" });
  });
});

describe("statusOwner(student, perStudent): whose key a status goes under", () => {
  test("the student's only when an id is set and the exercise varies per student", () => {
    expect(statusOwner(null, true)).toBeNull();
    expect(statusOwner(null, false)).toBeNull();
    expect(statusOwner("", true)).toBeNull();
    expect(statusOwner("alice", false)).toBeNull();
    expect(statusOwner("alice", true)).toBe("alice");
    expect(statusKey(ID, statusOwner("alice", true))).toBe(aliceKey);
    expect(statusKey(ID, statusOwner(null, true))).toBe(PUBLISHED_KEY);
  });
});

describe("CodeExercise stores and reads the status of the variant it checked", () => {
  test("without a student id a run is stored under descent:exercise:<id>, as before", () => {
    const { cell, badge } = render();
    run(cell, 4);
    expect(storedKeys()).toEqual([PUBLISHED_KEY]);
    expect(localStorage.getItem(PUBLISHED_KEY)).toBe("passed");
    expect(badge()).toBe(`✓ solved · ${entry.points} of ${entry.points} points`);
  });

  test("with alice's id a run is stored under descent:exercise:<id>#alice only, and the page says it checks her variant", () => {
    writeStudentId("alice");
    const { section, cell, badge } = render();
    expect(section.querySelector(".code-exercise-variant")?.textContent).toMatch(/Your variant \(student alice\)/);
    run(cell, 3);
    expect(storedKeys()).toEqual([aliceKey]);
    expect(localStorage.getItem(aliceKey)).toBe("failed");
    expect(badge()).toBe(`not yet solved · 0 of ${entry.points} points`);
    run(cell, 4);
    expect(storedKeys()).toEqual([aliceKey]);
    expect(localStorage.getItem(aliceKey)).toBe("passed");
    expect(badge()).toBe(`✓ solved · ${entry.points} of ${entry.points} points`);
  });

  test("a pass of the published cases does not show as solved for alice; hers does not show without an id or for bob", () => {
    run(render().cell, 4); // published pass
    writeStudentId("alice");
    expect(render().badge()).toBe(`${entry.points} points`);
    run(cells.at(-1)!, 4); // alice's pass
    writeStudentId("bob");
    expect(render().badge()).toBe(`${entry.points} points`);
    writeStudentId("alice");
    expect(render().badge()).toBe(`✓ solved · ${entry.points} of ${entry.points} points`);
    // The published pass is still the published one's: alice's failing run afterwards does not touch it.
    run(cells.at(-1)!, 0);
    writeStudentId("");
    expect(render().badge()).toBe(`✓ solved · ${entry.points} of ${entry.points} points`);
    expect(readStatus(ID)).toBe("passed");
    expect(readStatus(ID, "alice")).toBe("failed");
  });

  test("a code exercise with one variant for all keeps the published key whatever the id", () => {
    const fixed = catalogue.map((e) => (e.id === ID ? { ...e, variant: "fixed" as const } : e));
    writeStudentId("alice");
    const { section, cell, badge } = render(fixed);
    expect(section.querySelector(".code-exercise-variant")).toBeNull();
    run(cell, 4);
    expect(storedKeys()).toEqual([PUBLISHED_KEY]);
    expect(badge()).toBe(`✓ solved · ${entry.points} of ${entry.points} points`);
  });
});

describe("the progress summaries count the key that counts for code exercises", () => {
  const items: CatalogueItem[] = catalogue.filter((e) => e.kind !== "concept").map(({ id, chapter, title, points, kind, variant }) => ({ id, chapter, title, points, kind, variant }));

  test("readStatuses with perStudentIn(catalogue): the published pass for no id, alice's for alice, none for bob", () => {
    const store = fakeStorage({ [PUBLISHED_KEY]: "passed", [aliceKey]: "failed" });
    const varies = perStudentIn(items);
    expect(readStatuses(store, { student: null, varies })[ID]).toBe("passed");
    expect(readStatuses(store, { student: "alice", varies })[ID]).toBe("failed");
    expect(readStatuses(store, { student: "bob", varies })[ID]).toBeUndefined();
  });

  test("perStudentIn follows the catalogue's variant field, and falls back to the numeric variants without it", () => {
    const varies = perStudentIn([
      { id: ID, chapter: "gradient-descent", title: "", points: 5, kind: "code", variant: "per-student" },
      { id: "x/fixed", chapter: "x", title: "", points: 1, kind: "code", variant: "fixed" },
      { id: "adam/m3", chapter: "adam", title: "", points: 2, kind: "numeric" },
      { id: "minibatch/noise-floor", chapter: "minibatch", title: "", points: 2, kind: "numeric" },
    ]);
    expect([ID, "x/fixed", "adam/m3", "minibatch/noise-floor"].map(varies)).toEqual([true, false, true, false]);
  });

  test("the course map's sums and the exported file: a published pass does not count for alice, alice's pass counts for alice only", () => {
    const gd = items.filter((e) => e.chapter === "gradient-descent");
    recordStatus(ID, "passed"); // the published cases passed before an id was set
    expect(chapterProgress(gd)["gradient-descent"].solved).toBe(1);

    writeStudentId("alice");
    expect(chapterProgress(gd)["gradient-descent"].solved).toBe(0);
    expect(progressFile("Alice", gd).exercises.find((e) => e.id === ID)!.status).toBe("not attempted");

    recordStatus(ID, "passed", { student: "alice" });
    expect(chapterProgress(gd)["gradient-descent"]).toMatchObject({ solved: 1, points: entry.points });
    expect(progressFile("Alice", gd).exercises.find((e) => e.id === ID)).toMatchObject({ status: "passed", points: entry.points });

    writeStudentId("bob");
    expect(chapterProgress(gd)["gradient-descent"].solved).toBe(0);
    expect(progressFile("Bob", gd).totals.points).toBe(0);
  });
});
