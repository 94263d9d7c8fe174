/**
 * Evaluates a reader's code cell. Pure apart from running the code, so it is
 * tested in Node and runs unchanged inside the sandbox worker.
 *
 * The code is the body of an async function: it sees the library's exports as
 * local names (`sgd`, `minimize`, `ravine`, …) and a `console` whose output is
 * collected, and it ends with `return <result>`. A syntax error is reported by
 * acorn with its line and column; a runtime error with the line of the
 * reader's code where it was thrown (read from the stack trace).
 */
import { parse } from "acorn";
import type { CodeLocation, RunError } from "./protocol.js";

export type Evaluation = { ok: true; value: unknown; logs: string[] } | { ok: false; error: RunError; logs: string[] };

const AsyncFunction = Object.getPrototypeOf(async function () {}).constructor as new (...args: string[]) => (...args: unknown[]) => Promise<unknown>;

/** Lines that `new AsyncFunction(...)` puts before the body ("async function anonymous(a, b\n) {\n"). */
const WRAPPER_LINES = 2;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** Checks the syntax; returns the error with its location, or null. */
export function syntaxError(code: string): RunError | null {
  try {
    parse(code, { ecmaVersion: "latest", sourceType: "script", allowReturnOutsideFunction: true, allowAwaitOutsideFunction: true });
    return null;
  } catch (error) {
    const e = error as { message?: string; loc?: { line: number; column: number } };
    const message = String(e.message ?? error).replace(/\s*\(\d+:\d+\)$/, "");
    return { name: "SyntaxError", message, ...(e.loc ? { location: { line: e.loc.line, column: e.loc.column + 1 } } : {}) };
  }
}

/** The reader's line and column in a stack trace of code run by `new AsyncFunction`, if any. */
export function locationInStack(stack: string | undefined): CodeLocation | undefined {
  if (!stack) return undefined;
  const match = /<anonymous>:(\d+):(\d+)/.exec(stack);
  if (!match) return undefined;
  const line = Number(match[1]) - WRAPPER_LINES;
  return line >= 1 ? { line, column: Number(match[2]) } : undefined;
}

function formatLog(args: unknown[]): string {
  return args
    .map((a) => {
      if (typeof a === "string") return a;
      try {
        return a instanceof Float64Array ? `Float64Array [${Array.from(a.slice(0, 20)).join(", ")}${a.length > 20 ? ", …" : ""}]` : JSON.stringify(a) ?? String(a);
      } catch {
        return String(a);
      }
    })
    .join(" ");
}

/**
 * Runs `code` with `scope` (name → value) in view and returns what it returned,
 * or the error. At most `maxLogs` console lines are kept.
 */
export async function evaluate(code: string, scope: Record<string, unknown>, maxLogs = 200): Promise<Evaluation> {
  const logs: string[] = [];
  const syntax = syntaxError(code);
  if (syntax) return { ok: false, error: syntax, logs };
  const log = (...args: unknown[]) => {
    if (logs.length < maxLogs) logs.push(formatLog(args));
  };
  const console = { log, info: log, warn: log, error: log, debug: log };
  const names = Object.keys(scope).filter((name) => IDENTIFIER.test(name) && name !== "console");
  try {
    const run = new AsyncFunction("console", ...names, code);
    const value = await run(console, ...names.map((name) => scope[name]));
    return { ok: true, value, logs };
  } catch (error) {
    const e = error as Error;
    const name = e instanceof Error ? e.name : "Error";
    const message = e instanceof Error ? e.message : `threw ${String(error)}`;
    const location = locationInStack(e instanceof Error ? e.stack : undefined);
    return { ok: false, error: { name, message, ...(location ? { location } : {}) }, logs };
  }
}
