/**
 * Where an exercise's status lives in the browser, and which key counts.
 *
 * Two keys, "passed" or "failed" in each:
 *
 * - `descent:exercise:<id>`: the published exercise — what every reader is
 *   checked on without a student id, and what an exercise with one variant
 *   for all ("fixed" in the catalogue) is checked on whatever the id.
 * - `descent:exercise:<id>#<student id>`: that student's own variant, for an
 *   exercise with per-student variants (lib/variant.ts) while that id is set
 *   (student-id.ts). The page then checks the student's own problem — other
 *   numbers for a numeric check (numeric-variants.ts), other visible cases for
 *   a code exercise (`check.variant` in exercises/<slug>/<name>.check.ts, run
 *   by the sandbox with the id) — so its result is stored and read under the
 *   student's key only.
 *
 * One rule, `statusOwner(student, perStudent)`, picks the key for every
 * writer and reader: NumericCheck (exercise.ts), CodeExercise
 * (code-exercise.ts) and the progress summaries (progress.ts: the course map,
 * the home page's total and the exported file). So a pass of the published
 * exercise (whose solution the page shows) is not a pass of a student's
 * variant, nor the reverse, nor one student's of another's: switching the id
 * shows that id's status. Reading and writing one key needs nothing else, so
 * the checks on a chapter import this small module, and only the progress
 * summaries import the table of per-student numeric variants.
 */
export const STORAGE_PREFIX = "descent:exercise:";
export type Status = "passed" | "failed";

/** The part of the Storage interface used here (a Map-backed fake works in tests). */
export interface StatusStorage {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** The browser's localStorage, or null when storage is disabled. */
export function statusStorage(): StatusStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // storage disabled
  }
}

/**
 * Whose key an exercise's status goes under (and is read from): the reader's
 * student id when one is set and the exercise has per-student variants — the
 * page checks that student's own variant then — else null, the published
 * exercise's key. `perStudent`: the catalogue's `variant === "per-student"`
 * (src/data/exercises.json), or for a numeric check whether
 * numeric-variants.ts has a variant for it.
 */
export function statusOwner(student: string | null, perStudent: boolean): string | null {
  return student !== null && student !== "" && perStudent ? student : null;
}

/**
 * The storage key of an exercise's status: `descent:exercise:<id>`, or
 * `descent:exercise:<id>#<student>` for a student's own variant (code or
 * numeric; `statusOwner` says when). Neither ids nor student ids contain "#".
 */
export function statusKey(id: string, student: string | null = null): string {
  return STORAGE_PREFIX + id + (student ? `#${student}` : "");
}

/** The stored status of exercise `id`, for `student`'s own variant (null: the published exercise). */
export function readStatus(id: string, student: string | null = null, store: StatusStorage | null = statusStorage()): Status | null {
  try {
    const value = store?.getItem(statusKey(id, student)) ?? null;
    return value === "passed" || value === "failed" ? value : null;
  } catch {
    return null;
  }
}

/**
 * Records a status: the latest check counts, for code and numeric exercises
 * alike, so "solved" never outlives a regression. `student`: the id whose
 * own variant was answered (null: the published exercise).
 */
export function recordStatus(id: string, status: Status, { store = statusStorage(), student = null }: { store?: StatusStorage | null; student?: string | null } = {}): void {
  if (!store) return;
  try {
    store.setItem(statusKey(id, student), status);
  } catch {
    return; // storage full or disabled: the check still works, it is just not remembered
  }
  globalThis.dispatchEvent?.(new CustomEvent("descent:progress", { detail: { id, status } }));
}
