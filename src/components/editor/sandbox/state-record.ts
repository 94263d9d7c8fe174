/**
 * Recording a reader's optimizer's state, step by step, inside the sandbox
 * worker: `recordingOptimizer(optimizer)` wraps its `step` so that after each
 * call the state's buffers are copied out — every Float64Array or array of
 * numbers (its first `MAX_COORDS` coordinates) and every other finite number
 * (as a buffer of length 1), except the bookkeeping `t` and `dim`, also when
 * nested in plain objects or arrays up to MAX_DEPTH deep (`buf.v`,
 * `moments[0]`); the first MAX_BUFFERS buffers are kept. Each buffer
 * is read afresh from the state after every step, so an optimizer that
 * replaces a buffer (rather than updating it in place) is still recorded
 * right. Only the copies, plain numbers, ever leave the worker: the page gets
 * data, never the reader's objects.
 */
import type { Optimizer, OptimizerState } from "../../../lib/types.js";

/** At most this many coordinates of each buffer are kept. */
export const MAX_COORDS = 6;
/** At most this many buffers are kept (in the state's key order). */
export const MAX_BUFFERS = 8;

export interface StateRecord {
  /** Steps recorded: row k of each buffer is the state after step k + 1. */
  readonly steps: number;
  readonly buffers: ReadonlyArray<{
    readonly name: string;
    /** The buffer's full length (1 for a number). */
    readonly length: number;
    /** The coordinates kept per step (≤ MAX_COORDS). */
    readonly kept: number;
    /** Row-major steps × kept; NaN where the buffer was missing or not a finite number at that step. */
    readonly values: Float64Array;
  }>;
  /** Buffers found after the first MAX_BUFFERS, left out. */
  readonly omitted: number;
}

const SKIP = new Set(["t", "dim"]);

function isNumberArray(v: unknown): v is ArrayLike<number> {
  return v instanceof Float64Array || v instanceof Float32Array || (Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === "number"));
}

/** How deep buffers nested in plain objects or arrays are looked for (`state.buf.v` is depth 2). */
export const MAX_DEPTH = 3;

const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype;

/**
 * The buffers of a state, in key order: name (a path such as `buf.v` or
 * `moments[1]` for one nested in a plain object or array) and full length;
 * all of them, the caller keeps the first MAX_BUFFERS.
 */
function buffersOf(state: OptimizerState): Array<{ name: string; path: Array<string | number>; length: number }> {
  const out: Array<{ name: string; path: Array<string | number>; length: number }> = [];
  const visit = (v: unknown, name: string, path: Array<string | number>) => {
    if (isNumberArray(v)) out.push({ name, path, length: v.length });
    else if (typeof v === "number" && Number.isFinite(v)) out.push({ name, path, length: 1 });
    else if (path.length < MAX_DEPTH && Array.isArray(v)) v.forEach((w, i) => visit(w, `${name}[${i}]`, [...path, i]));
    else if (path.length < MAX_DEPTH && isPlainObject(v)) for (const k of Object.keys(v)) visit(v[k], `${name}.${k}`, [...path, k]);
  };
  for (const name of Object.keys(state)) if (!SKIP.has(name)) visit((state as unknown as Record<string, unknown>)[name], name, [name]);
  return out;
}

/** The value at `path` in the state (undefined where the path no longer leads anywhere). */
function at(state: OptimizerState, path: ReadonlyArray<string | number>): unknown {
  let v: unknown = state;
  for (const k of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string | number, unknown>)[k];
  }
  return v;
}

/**
 * `optimizer` with its steps recorded; `record()` returns what the first run
 * (the first `init` and the steps after it) kept, up to `maxSteps` steps.
 */
export function recordingOptimizer<O extends Optimizer<OptimizerState, Record<string, unknown>>>(optimizer: O, maxSteps: number): { optimizer: O; record(): StateRecord | null } {
  let layout: Array<{ name: string; path: Array<string | number>; length: number; kept: number }> | null = null;
  let omitted = 0;
  let rows: number[][][] = [];
  let first: OptimizerState | null = null;
  const wrapped = {
    ...optimizer,
    init(dim: number) {
      const state = optimizer.init(dim);
      if (first === null) first = state;
      return state;
    },
    step(params: Float64Array, grad: Float64Array, state: OptimizerState) {
      const result = optimizer.step(params, grad, state);
      if (state === first && rows.length < maxSteps) {
        if (layout === null) {
          const all = buffersOf(state);
          omitted = Math.max(0, all.length - MAX_BUFFERS);
          layout = all.slice(0, MAX_BUFFERS).map((b) => ({ ...b, kept: Math.min(b.length, MAX_COORDS) }));
        }
        rows.push(
          layout.map(({ path, kept }) => {
            const v = at(state, path);
            const row: number[] = new Array(kept).fill(NaN);
            if (typeof v === "number") row[0] = Number.isFinite(v) ? v : NaN;
            else if (isNumberArray(v)) for (let i = 0; i < Math.min(kept, v.length); ++i) row[i] = typeof v[i] === "number" ? v[i] : NaN;
            return row;
          })
        );
      }
      return result;
    },
  } as O;
  return {
    optimizer: wrapped,
    record() {
      if (layout === null) return null;
      const l = layout as Array<{ name: string; length: number; kept: number }>;
      return {
        steps: rows.length,
        omitted,
        buffers: l.map((b, k) => {
          const values = new Float64Array(rows.length * b.kept);
          rows.forEach((row, s) => values.set(row[k], s * b.kept));
          return { name: b.name, length: b.length, kept: b.kept, values };
        }),
      };
    },
  };
}
