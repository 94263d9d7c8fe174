/**
 * The visible tests of the student edition, without the library's solutions:
 * each visible case of an exercise was run once on the reference solution and
 * every call to it recorded — the arguments going in, the arguments after the
 * call (a step updates x and the state in place) and the value returned
 * (scripts/coursework/fixtures.ts writes `<name>.fixture.json`). A test calls
 * the student's function with the same arguments, call by call, and compares
 * what comes out with the recording, to the same tolerance as the checks.
 *
 * Self-contained on purpose (it imports only wire.ts): the student edition
 * ships it with the exercise modules and nothing of the library they
 * re-implement.
 */
import { decode, type Wire } from "./wire.js";

export interface RecordedCall {
  /** An export's name, or the id of a function an earlier call returned. */
  fn: string;
  before: Wire;
  after: Wire;
  /** What the call returned (absent when it threw). */
  ret?: Wire;
}

export interface RecordedCase {
  name: string;
  calls: RecordedCall[];
}

export interface Fixture {
  format: "descent-fixture";
  id: string;
  cases: RecordedCase[];
}

const RTOL = 1e-9;
const ATOL = 1e-12;

function show(x: unknown): string {
  if (typeof x === "number") return Number.isFinite(x) && x !== 0 && Math.abs(x) >= 1e-4 && Math.abs(x) < 1e7 ? String(Number(x.toPrecision(10))) : Object.is(x, -0) ? "-0" : String(x);
  if (typeof x === "function") return "a function";
  if (ArrayBuffer.isView(x)) return `a ${x.constructor.name} of length ${(x as unknown as ArrayLike<number>).length}`;
  if (Array.isArray(x)) return `an array of length ${x.length}`;
  return x === null ? "null" : typeof x === "object" ? "an object" : `${typeof x} ${String(x)}`;
}

/** The first place where `got` differs from `want`: [path, want, got], or null. */
function difference(got: unknown, want: unknown, path: string): [string, unknown, unknown] | null {
  if (typeof want === "number") {
    if (typeof got !== "number") return [path, want, got];
    if (Number.isNaN(want)) return Number.isNaN(got) ? null : [path, want, got];
    if (!Number.isFinite(want) || !Number.isFinite(got)) return got === want ? null : [path, want, got];
    return Math.abs(got - want) <= ATOL + RTOL * Math.abs(want) ? null : [path, want, got];
  }
  if (typeof want === "function") return typeof got === "function" ? null : [path, want, got];
  if (want === null || typeof want !== "object") return Object.is(got, want) ? null : [path, want, got];
  if (Array.isArray(want) || ArrayBuffer.isView(want)) {
    const w = want as ArrayLike<unknown>;
    if (got === null || typeof got !== "object" || typeof (got as ArrayLike<unknown>).length !== "number") return [path, want, got];
    const g = got as ArrayLike<unknown>;
    if (g.length !== w.length) return [`${path}.length`, w.length, g.length];
    for (let i = 0; i < w.length; i++) {
      const d = difference(g[i], w[i], `${path}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  if (got === null || typeof got !== "object") return [path, want, got];
  for (const key of Object.keys(want)) {
    const d = difference((got as Record<string, unknown>)[key], (want as Record<string, unknown>)[key], `${path}.${key}`);
    if (d) return d;
  }
  return null;
}

/** Runs one recorded case against a module's exports; returns a summary, or throws an Error saying where the first difference is. */
export function replayCase(c: RecordedCase, submission: Record<string, unknown>): string {
  const returned = new Map<string, unknown>();
  const placeholders = new Map<unknown, string>();
  const fnIds = (id: string) => {
    const f = () => undefined;
    placeholders.set(f, id);
    return f;
  };
  c.calls.forEach((call, k) => {
    const f = returned.get(call.fn) ?? submission[call.fn];
    const name = returned.has(call.fn) ? "the function your code returned" : call.fn;
    if (typeof f !== "function") throw new Error(`Define and export a function ${call.fn}; found ${show(f)}.`);
    const args = decode(call.before) as unknown[];
    const where = `Call ${k + 1} of ${c.calls.length}, to ${name}(${args.map(show).join(", ")})`;
    let ret: unknown;
    try {
      ret = (f as (...a: unknown[]) => unknown)(...args);
    } catch (error) {
      const e = error as Error;
      if (/not implemented/i.test(String(e?.message))) throw new Error("Your function still throws “not implemented”: replace the stub with your code.");
      throw new Error(`${where}: your code threw ${e instanceof Error ? `${e.name}: ${e.message}` : String(error)}.`);
    }
    const after = decode(call.after) as unknown[];
    for (let i = 0; i < after.length; i++) {
      const d = difference(args[i], after[i], `argument ${i + 1}`);
      if (d) throw new Error(`${where}: afterwards ${d[0]} should be ${show(d[1])}, yours is ${show(d[2])}.${k > 0 ? ` Calls 1…${k} matched.` : ""}`);
    }
    // A function that should return nothing may return what it likes (x itself, say).
    const expectsValue = call.ret !== undefined && !(typeof call.ret === "object" && call.ret !== null && "$u" in call.ret);
    if (expectsValue) {
      const want = decode(call.ret as Wire, fnIds);
      const d = difference(ret, want, "the value returned");
      if (d) throw new Error(`${where}: ${d[0]} should be ${show(d[1])}, yours is ${show(d[2])}.${k > 0 ? ` Calls 1…${k} matched.` : ""}`);
      // A function returned is called later by its id.
      if (typeof want === "function") returned.set(placeholders.get(want)!, ret);
      else if (Array.isArray(want)) want.forEach((w, i) => typeof w === "function" && returned.set(placeholders.get(w)!, (ret as unknown[])[i]));
    }
  });
  return `All ${c.calls.length} recorded calls match.`;
}
