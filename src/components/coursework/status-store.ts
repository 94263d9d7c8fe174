/**
 * Where an exercise's status lives in the browser: `descent:exercise:<id>`
 * ("passed" or "failed"), or `descent:exercise:<id>#<student id>` for a
 * student's own variant of a numeric check (progress.ts says which key
 * counts). Reading and writing one key needs nothing else, so the checks on a
 * chapter (exercise.ts, code-exercise.ts) import this small module, and only
 * the progress summaries (progress.ts) import the table of per-student
 * variants.
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
 * The storage key of an exercise's status: `descent:exercise:<id>`, or
 * `descent:exercise:<id>#<student>` for a student's own variant of a numeric
 * check (neither ids nor student ids contain "#").
 */
export function statusKey(id: string, student: string | null = null): string {
  return STORAGE_PREFIX + id + (student ? `#${student}` : "");
}

/** The stored status of exercise `id`, for `student`'s own variant (null: the published exercise). */
export function readStatus(id: string, student: string | null = null): Status | null {
  try {
    const value = localStorage.getItem(statusKey(id, student));
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
