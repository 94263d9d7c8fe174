// @vitest-environment jsdom
// NumericCheck loads the per-student variants (reader-variant.ts with the table
// of numeric-variants.ts) only when a student id is stored: a reader without one
// gets the published check at once and never downloads the table; a reader with
// one gets an empty, aria-busy box that fills with their variant once it loads.
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

type ExerciseModule = typeof import("../../src/components/coursework/exercise.js");

const ID = "adam/m3"; // per-student
let tableLoads = 0;

/** A fresh exercise module (variants not loaded), counting evaluations of the variants table. */
async function freshExercise(): Promise<ExerciseModule> {
  vi.resetModules();
  tableLoads = 0;
  vi.doMock("../../src/components/coursework/numeric-variants.js", async () => {
    tableLoads += 1;
    return await vi.importActual("../../src/components/coursework/numeric-variants.js");
  });
  return await import("../../src/components/coursework/exercise.js");
}

async function until(condition: () => boolean, ms = 5000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > ms) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

beforeEach(() => {
  localStorage.clear();
  document.body.innerHTML = "";
});
afterEach(() => {
  vi.doUnmock("../../src/components/coursework/numeric-variants.js");
});

describe("NumericCheck without a student id", () => {
  test("renders the published check at once and never loads the variants", async () => {
    const { NumericCheck } = await freshExercise();
    const check = NumericCheck({ id: ID, answer: 0.271, label: "m₃" });
    expect(check.dataset.exercise).toBe(ID);
    expect(check.hasAttribute("aria-busy")).toBe(false);
    expect(check.querySelector("input")!.getAttribute("aria-label")).toBe("m₃");
    expect(check.querySelector(".exercise-variant")).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(tableLoads).toBe(0);
  });
});

describe("NumericCheck with a student id", () => {
  test("waits, aria-busy, for the variants; then shows the student's question and checks the student's answer", async () => {
    localStorage.setItem("descent:student-id", "alice");
    const { readerVariant } = await import("../../src/components/coursework/reader-variant.js");
    const mine = readerVariant(ID, "alice")!;
    const fresh = await freshExercise();
    const check = fresh.NumericCheck({ id: ID, answer: 0.271, label: "m₃" });
    document.body.append(check);
    expect(check.dataset.exercise).toBe(ID);
    expect(check.getAttribute("aria-busy")).toBe("true");
    expect(check.querySelector("input")).toBeNull();
    await until(() => check.querySelector("input") !== null);
    expect(tableLoads).toBe(1);
    expect(check.hasAttribute("aria-busy")).toBe(false);
    expect(check.querySelector(".exercise-variant")!.textContent).toContain(mine.statement);
    check.querySelector("input")!.value = String(mine.answer);
    check.querySelector("button")!.click();
    expect(check.querySelector<HTMLElement>(".exercise-feedback")!.dataset.status).toBe("passed");
    expect(localStorage.getItem(`descent:exercise:${ID}#alice`)).toBe("passed");
    // Once loaded, later checks render at once.
    const later = fresh.NumericCheck({ id: ID, answer: 0.271, label: "m₃" });
    expect(later.querySelector("input")).not.toBeNull();
    expect(later.querySelector(".exercise-feedback")!.textContent).toBe("✓ solved before");
    expect(tableLoads).toBe(1);
  });
});
