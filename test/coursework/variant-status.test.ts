// @vitest-environment jsdom
// A pass is a pass of the question the reader was asked: a numeric check's
// status is stored per variant (progress.ts statusKey), so solving the
// published question (whose solution the page shows) and then entering a
// student id does not count for that student's variant, on the page, in the
// course map's sums or in the exported file.
import { beforeAll, beforeEach, describe, expect, test } from "vitest";
import { loadReaderVariants, NumericCheck } from "../../src/components/coursework/exercise.js";
import { readerVariant } from "../../src/components/coursework/reader-variant.js";
import { chapterProgress, progressFile, readStatuses, type CatalogueItem } from "../../src/components/coursework/progress.js";
import { writeStudentId } from "../../src/components/coursework/student-id.js";
import { NUMERIC_VARIANTS } from "../../src/components/coursework/numeric-variants.js";

const ID = "adam/m3"; // per-student
const FIXED = "minibatch/noise-floor"; // numeric, the same for everyone
const catalogue: CatalogueItem[] = [
  { id: ID, chapter: "adam", title: "m₃", points: 2, kind: "numeric" },
  { id: FIXED, chapter: "minibatch", title: "noise floor", points: 2, kind: "numeric" },
  { id: "adam/adam-step", chapter: "adam", title: "Adam's step", points: 15, kind: "code" },
];
const PUBLISHED = NUMERIC_VARIANTS[ID].answer(NUMERIC_VARIANTS[ID].defaults);

/** Renders the check as the page would, answers it, and returns its feedback. */
function answer(id: string, value: number): HTMLElement {
  const check = NumericCheck({ id, answer: id === ID ? PUBLISHED : 1, label: "x" });
  document.body.append(check);
  check.querySelector("input")!.value = String(value);
  check.querySelector("button")!.click();
  return check.querySelector(".exercise-feedback")!;
}
const rendered = (id: string) => NumericCheck({ id, answer: id === ID ? PUBLISHED : 1 }).querySelector(".exercise-feedback")!.textContent;

// The variants loaded, as on a page once the first check with a student id has loaded them
// (NumericCheck then renders synchronously; numeric-check-lazy.test.ts covers the wait before).
beforeAll(async () => {
  await loadReaderVariants();
});

beforeEach(() => {
  localStorage.clear();
  document.body.innerHTML = "";
});

describe("a numeric check's status belongs to the variant answered", () => {
  test("adam/m3 varies per student (alice is asked another question) and minibatch/noise-floor does not", () => {
    expect(readerVariant(FIXED, "alice")).toBeNull();
    expect(readerVariant(ID, "alice")!.answer).not.toBe(PUBLISHED);
  });

  test("solving the published question, then entering a student id, clears the pass: the page, the sums and the export show it not attempted", () => {
    expect(answer(ID, PUBLISHED).dataset.status).toBe("passed");
    expect(answer(FIXED, 1).dataset.status).toBe("passed");
    expect(readStatuses()[ID]).toBe("passed");
    expect(rendered(ID)).toBe("✓ solved before");

    writeStudentId("alice");
    expect(rendered(ID)).toBe("");
    expect(readStatuses()[ID]).toBeUndefined();
    expect(chapterProgress(catalogue).adam.solved).toBe(0);
    expect(progressFile("Alice", catalogue).exercises.find((e) => e.id === ID)!.status).toBe("not attempted");
    // A check that is the same for everyone keeps its pass.
    expect(readStatuses()[FIXED]).toBe("passed");
    expect(rendered(FIXED)).toBe("✓ solved before");
  });

  test("alice's pass counts for alice only: another id, or none, does not inherit it", () => {
    writeStudentId("alice");
    const mine = readerVariant(ID, "alice")!;
    expect(answer(ID, PUBLISHED).dataset.status).toBe("failed");
    expect(answer(ID, mine.answer).dataset.status).toBe("passed");
    expect(readStatuses()[ID]).toBe("passed");
    expect(progressFile("Alice", catalogue).totals.solved).toBe(1);

    writeStudentId("bob");
    expect(readStatuses()[ID]).toBeUndefined();
    expect(rendered(ID)).toBe("");
    writeStudentId("");
    expect(readStatuses()[ID]).toBeUndefined();
    writeStudentId("alice");
    expect(readStatuses()[ID]).toBe("passed");
    expect(rendered(ID)).toBe("✓ solved before");
  });

  test("without a student id the published pass is stored under descent:exercise:<id>, as before", () => {
    answer(ID, PUBLISHED);
    expect(localStorage.getItem(`descent:exercise:${ID}`)).toBe("passed");
    expect(Object.keys(localStorage)).toEqual([`descent:exercise:${ID}`]);
  });
});
