/**
 * The messages between a page and the sandbox worker that runs readers' code.
 *
 * The page sends `RunRequest`s; the worker answers each with a `RunResponse`
 * carrying the same `id`. The page stops a run that takes longer than its time
 * limit by having its worker terminated (code in a loop cannot be interrupted
 * any other way); every run has a fresh worker (sandbox/frame.ts).
 */

/** How the worker turns what the code returns into data a chart can use. */
export type AdapterName = "data" | "schedule" | "optimizer" | "objective" | "apply" | "playground" | "exercise" | "contender";

export interface RunRequest {
  id: number;
  code: string;
  adapter: AdapterName;
  /** Adapter parameters: structured-cloneable data (steps, surfaces, datasets…). */
  params?: Record<string, unknown>;
}

/** Where an error happened in the reader's code: 1-based line and column. */
export interface CodeLocation {
  line: number;
  column: number;
}

export interface RunError {
  /** "SyntaxError", "TypeError", "ShapeError" (a result of the wrong shape), "Timeout", … */
  name: string;
  message: string;
  location?: CodeLocation;
}

export type RunResponse =
  | { id: number; ok: true; value: unknown; logs: string[]; ms: number }
  | { id: number; ok: false; error: RunError; logs: string[]; ms: number };
