/**
 * Recording a reader's optimizer's state, step by step, inside the sandbox
 * worker: `recordingOptimizer(optimizer)` wraps its `step` so that after each
 * call the state's buffers are copied out — every Float64Array or array of
 * numbers (its first `MAX_COORDS` coordinates) and every other finite number
 * (as a buffer of length 1), except the bookkeeping `t` and `dim`. Each buffer
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
}

const SKIP = new Set(["t", "dim"]);

function isNumberArray(v: unknown): v is ArrayLike<number> {
  return v instanceof Float64Array || v instanceof Float32Array || (Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === "number"));
}

/** The buffers of a state, in key order: name and full length. */
function buffersOf(state: OptimizerState): Array<{ name: string; length: number }> {
  const out: Array<{ name: string; length: number }> = [];
  for (const name of Object.keys(state)) {
    if (SKIP.has(name) || out.length >= MAX_BUFFERS) continue;
    const v = (state as unknown as Record<string, unknown>)[name];
    if (isNumberArray(v)) out.push({ name, length: v.length });
    else if (typeof v === "number" && Number.isFinite(v)) out.push({ name, length: 1 });
  }
  return out;
}

/**
 * `optimizer` with its steps recorded; `record()` returns what the first run
 * (the first `init` and the steps after it) kept, up to `maxSteps` steps.
 */
export function recordingOptimizer<O extends Optimizer<OptimizerState, Record<string, unknown>>>(optimizer: O, maxSteps: number): { optimizer: O; record(): StateRecord | null } {
  let layout: Array<{ name: string; length: number; kept: number }> | null = null;
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
        if (layout === null) layout = buffersOf(state).map((b) => ({ ...b, kept: Math.min(b.length, MAX_COORDS) }));
        rows.push(
          layout.map(({ name, kept }) => {
            const v = (state as unknown as Record<string, unknown>)[name];
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
        buffers: l.map((b, k) => {
          const values = new Float64Array(rows.length * b.kept);
          rows.forEach((row, s) => values.set(row[k], s * b.kept));
          return { name: b.name, length: b.length, kept: b.kept, values };
        }),
      };
    },
  };
}
