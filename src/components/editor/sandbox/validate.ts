/**
 * Checks a message from the sandbox before the page uses it. The sandbox runs
 * the reader's code, so anything it sends may be forged: the page accepts a
 * result only with the protocol's shape (protocol.ts) and within size limits,
 * so a malformed message gives a clear error (never a cell stuck on
 * "Running…") and a huge one cannot freeze the page while it is drawn.
 */
import type { RunError, RunResponse } from "./protocol.js";

export interface SizeLimits {
  /** Most values in a result: numbers, strings, booleans, and each element of a typed array. */
  maxValues: number;
  /** Deepest nesting of arrays and objects. */
  maxDepth: number;
}

export const DEFAULT_LIMITS: SizeLimits = { maxValues: 500_000, maxDepth: 64 };
/** Most console lines shown, and most characters per line. */
export const MAX_LOG_LINES = 200;
export const MAX_LOG_CHARS = 2_000;
const MAX_TEXT = 5_000;

/**
 * The number of values in `value`, counted up to `limits.maxValues + 1`, or
 * a description of why it is too deep. Iterative, so a 100k-deep value does
 * not overflow the stack.
 */
export function measure(value: unknown, limits: SizeLimits = DEFAULT_LIMITS): { values: number; tooDeep: boolean } {
  let values = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (values > limits.maxValues) break;
    if (v === null || typeof v !== "object") {
      values += typeof v === "string" ? 1 + Math.floor(v.length / 100) : 1;
      continue;
    }
    if (depth >= limits.maxDepth) return { values, tooDeep: true };
    if (ArrayBuffer.isView(v)) values += (v as unknown as { length?: number }).length ?? v.byteLength;
    else if (v instanceof ArrayBuffer) values += Math.ceil(v.byteLength / 8);
    else if (v instanceof Map) for (const [k, x] of v) stack.push([k, depth + 1], [x, depth + 1]);
    else if (v instanceof Set) for (const x of v) stack.push([x, depth + 1]);
    else if (Array.isArray(v)) {
      values += 1;
      for (let i = 0; i < v.length && values + i <= limits.maxValues; i++) stack.push([v[i], depth + 1]);
    } else {
      values += 1;
      for (const key of Object.keys(v)) stack.push([(v as Record<string, unknown>)[key], depth + 1]);
    }
  }
  return { values, tooDeep: false };
}

const malformed = (why: string): RunError => ({ name: "SandboxError", message: `The sandbox sent a malformed answer (${why}); the result was not used. Run the code again.` });

function text(value: unknown, max = MAX_TEXT): string | null {
  return typeof value === "string" ? (value.length > max ? value.slice(0, max) + "…" : value) : null;
}

/** A run's answer as the page may use it, or the error to show instead. */
export function validateResponse(data: unknown, id: number, limits: SizeLimits = DEFAULT_LIMITS): RunResponse {
  const bad = (why: string): RunResponse => ({ id, ok: false, error: malformed(why), logs: [], ms: 0 });
  if (data === null || typeof data !== "object") return bad("not an object");
  const d = data as Record<string, unknown>;
  if (d.type !== "result") return bad(`type ${JSON.stringify(String(d.type)).slice(0, 40)}`);
  if (d.id !== id) return bad("an answer to another run");
  if (typeof d.ok !== "boolean") return bad("no ok flag");
  if (!Array.isArray(d.logs) || d.logs.length > 10 * MAX_LOG_LINES || !d.logs.every((line) => typeof line === "string")) return bad("logs are not a list of lines");
  const logs = (d.logs as string[]).slice(0, MAX_LOG_LINES).map((line) => text(line, MAX_LOG_CHARS)!);
  const ms = typeof d.ms === "number" && Number.isFinite(d.ms) && d.ms >= 0 ? d.ms : 0;
  if (d.ok) {
    if (!("value" in d)) return bad("no value");
    const size = measure(d.value, limits);
    if (size.tooDeep) return { id, ok: false, error: { name: "ShapeError", message: `The result is nested more than ${limits.maxDepth} levels deep; the page draws plain data: arrays and objects of numbers.` }, logs, ms };
    if (size.values > limits.maxValues) {
      return { id, ok: false, error: { name: "ShapeError", message: `The result holds more than ${limits.maxValues.toLocaleString("en")} values, more than this cell draws; return fewer points (fewer steps, or every k-th point).` }, logs, ms };
    }
    return { id, ok: true, value: d.value, logs, ms };
  }
  const e = d.error as Record<string, unknown> | null | undefined;
  const name = text(e?.name, 100);
  const message = text(e?.message);
  if (name === null || message === null) return bad("an error without a name and message");
  const loc = e?.location as { line?: unknown; column?: unknown } | undefined;
  const location =
    loc && Number.isInteger(loc.line) && Number.isInteger(loc.column) && (loc.line as number) >= 1 && (loc.column as number) >= 1 ? { line: loc.line as number, column: loc.column as number } : undefined;
  return { id, ok: false, error: { name, message, ...(location ? { location } : {}) }, logs, ms };
}
