/**
 * Record and replay: how a code exercise is checked without trusting the
 * sandbox that runs the reader's code.
 *
 * Anything computed in the same worker as the reader's code can be forged by
 * that code (it can patch `Array.prototype`, `MessagePort.prototype.postMessage`,
 * the checks' own helpers…). So the sandbox does not send a verdict. It runs
 * the exercise's checks against the reader's functions *wrapped in a
 * recorder*, and sends back only the transcript of calls: for each call, which
 * function, the arguments before, the arguments after (the step functions
 * update `x` and the state in place), and what it returned or threw.
 *
 * The verdict is computed elsewhere — in a worker of the page's own origin
 * that never sees the reader's code (see verify.ts) — by running the same
 * checks again against a *replaying* submission: each call must come in the
 * recorded order with exactly the recorded arguments (the checks are
 * deterministic, so an honest transcript always matches); it then applies the
 * recorded changes to the arguments and returns the recorded result. The
 * checks compare those outputs with the library, as they would the live
 * functions. A forged transcript can only claim outputs: if they are the
 * right outputs, the check passes exactly as it would for a function that
 * computed them; a transcript that does not fit the checks' calls fails the
 * case as "could not be verified".
 *
 * Values cross as structured-clone data: functions (a schedule returned by
 * `stepDecay`) become numbered handles, so calls to them are recorded too.
 */

/** A value in a transcript. */
export type Encoded =
  | { k: "v"; v: unknown } // a primitive or a typed array (copied)
  | { k: "fn"; id: number } // a function: calls to it are in the transcript
  | { k: "arr"; items: Encoded[] }
  | { k: "obj"; entries: [string, Encoded][] }
  | { k: "arg"; index: number } // the call returned its own argument
  | { k: "opaque"; text: string }; // something that is not plain data (a Map, a class instance…)

export interface RecordedError {
  name: string;
  message: string;
  /** Line of the reader's code where it was thrown, if known. */
  line?: number;
}

export interface Call {
  fn: number;
  args: Encoded[];
  after: Encoded[];
  result?: Encoded;
  error?: RecordedError;
}

/** One check case's calls, in order. */
export interface CaseTranscript {
  calls: Call[];
}

export interface Transcript {
  /** The exercise id the transcript claims to be for. */
  id: string;
  /** The handles of the functions the submission exported, by export name. */
  exports: Record<string, number>;
  cases: CaseTranscript[];
}

/** Most calls recorded in one run; more makes the run fail (and its replay unverifiable). */
export const MAX_CALLS = 100_000;
const MAX_DEPTH = 16;

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Encodes a value. `fnId` gives functions their handle; `args` lets a result
 * that *is* one of the call's arguments say so (a step returning x).
 */
export function encode(value: unknown, fnId: (f: (...a: unknown[]) => unknown) => number, args?: readonly unknown[], depth = 0): Encoded {
  if (args && typeof value === "object" && value !== null) {
    const index = args.indexOf(value);
    if (index >= 0) return { k: "arg", index };
  }
  if (typeof value === "function") return { k: "fn", id: fnId(value as (...a: unknown[]) => unknown) };
  if (value === null || typeof value !== "object") return { k: "v", v: value };
  if (depth > MAX_DEPTH) return { k: "opaque", text: "a value nested too deeply" };
  if (ArrayBuffer.isView(value)) return { k: "v", v: (value as unknown as { slice(): unknown }).slice() };
  if (Array.isArray(value)) return { k: "arr", items: Array.from(value, (item) => encode(item, fnId, undefined, depth + 1)) };
  if (isPlainObject(value)) return { k: "obj", entries: Object.keys(value).map((key) => [key, encode((value as Record<string, unknown>)[key], fnId, undefined, depth + 1)]) };
  return { k: "opaque", text: Object.prototype.toString.call(value) };
}

// ------------------------------------------------------------------ recording (in the sandbox)

/**
 * Wraps functions so that every call to them is recorded. Used in the sandbox
 * worker around the reader's exported functions.
 */
export class Recorder {
  readonly cases: CaseTranscript[] = [];
  #fns = new Map<(...a: unknown[]) => unknown, number>();
  #calls = 0;
  /** Where in the reader's code an error was thrown (from its stack). */
  constructor(private readonly lineOf: (error: unknown) => number | undefined = () => undefined) {}

  /** Starts recording a new check case. */
  beginCase(): void {
    this.cases.push({ calls: [] });
  }

  /** The handle of a function, wrapping it the first time. */
  id(f: (...a: unknown[]) => unknown): number {
    let id = this.#fns.get(f);
    if (id === undefined) {
      id = this.#fns.size;
      this.#fns.set(f, id);
    }
    return id;
  }

  /** A recording stand-in for `f`. */
  wrap(f: (...a: unknown[]) => unknown): (...a: unknown[]) => unknown {
    const fn = this.id(f);
    const fnId = (g: (...a: unknown[]) => unknown) => this.id(g);
    const wrapper = (...args: unknown[]) => {
      if (++this.#calls > MAX_CALLS) throw new RangeError(`more than ${MAX_CALLS} calls to your functions in one run`);
      const call: Call = { fn, args: args.map((a) => encode(a, fnId)), after: [] };
      this.cases.at(-1)?.calls.push(call);
      try {
        const result = f(...args);
        call.after = args.map((a) => encode(a, fnId));
        call.result = encode(result, fnId, args);
        return typeof result === "function" ? this.wrap(result as (...a: unknown[]) => unknown) : result;
      } catch (error) {
        call.after = args.map((a) => encode(a, fnId));
        const e = error as Error;
        const line = this.lineOf(error);
        call.error = {
          name: e instanceof Error ? String(e.name) : "Error",
          message: e instanceof Error ? String(e.message) : `threw ${String(error)}`,
          ...(line !== undefined ? { line } : {}),
        };
        throw error;
      }
    };
    return wrapper;
  }
}

// ------------------------------------------------------------------ replaying (out of the sandbox's reach)

/** Thrown by a replaying function whose call does not match the transcript. */
export class Unverifiable extends Error {
  override name = "Unverifiable";
}

/** An error the reader's function threw, as replayed; `line` is where in the reader's code. */
export class ReplayedError extends Error {
  constructor(name: string, message: string, readonly line?: number) {
    super(message);
    this.name = name;
  }
}

function sameEncoded(a: Encoded, b: unknown, depth = 0): boolean {
  if (depth > MAX_DEPTH + 2 || b === null || typeof b !== "object") return false;
  const e = b as Encoded;
  if (a.k !== e.k) return false;
  switch (a.k) {
    case "v": {
      const x = a.v;
      const y = (e as { v: unknown }).v;
      if (ArrayBuffer.isView(x)) {
        if (!ArrayBuffer.isView(y) || Object.prototype.toString.call(x) !== Object.prototype.toString.call(y)) return false;
        const xa = x as unknown as ArrayLike<unknown>;
        const ya = y as unknown as ArrayLike<unknown>;
        if (xa.length !== ya.length) return false;
        for (let i = 0; i < xa.length; i++) if (!Object.is(xa[i], ya[i])) return false;
        return true;
      }
      return Object.is(x, y);
    }
    case "fn":
      return a.id === (e as { id: unknown }).id;
    case "arg":
      return a.index === (e as { index: unknown }).index;
    case "opaque":
      return a.text === (e as { text: unknown }).text;
    case "arr": {
      const items = (e as { items: unknown }).items;
      return Array.isArray(items) && items.length === a.items.length && a.items.every((item, i) => sameEncoded(item, items[i], depth + 1));
    }
    case "obj": {
      const entries = (e as { entries: unknown }).entries;
      return (
        Array.isArray(entries) &&
        entries.length === a.entries.length &&
        a.entries.every(([key, value], i) => Array.isArray(entries[i]) && entries[i][0] === key && sameEncoded(value, entries[i][1], depth + 1))
      );
    }
  }
}

/** Keys a transcript may never write (they would change an object's prototype). */
const FORBIDDEN = new Set(["__proto__", "constructor", "prototype"]);

/**
 * The state of one case's replay: hands out replaying functions and notes
 * the first mismatch (the checks may catch the exception it throws).
 */
export class Replay {
  #pos = 0;
  mismatch: string | null = null;

  constructor(private readonly calls: readonly Call[]) {}

  /** True when every recorded call was made and nothing mismatched. */
  get complete(): boolean {
    if (this.mismatch === null && this.#pos !== this.calls.length) this.mismatch = `${this.calls.length - this.#pos} recorded call(s) were never made`;
    return this.mismatch === null;
  }

  #fail(reason: string): never {
    this.mismatch ??= reason;
    throw new Unverifiable(reason);
  }

  /** A function that answers from the transcript in place of the reader's function `fn`. */
  fn(fn: number): (...args: unknown[]) => unknown {
    return (...args: unknown[]) => {
      if (this.mismatch !== null) this.#fail(this.mismatch);
      const call = this.calls[this.#pos++];
      if (!call || typeof call !== "object") this.#fail("a call that was never recorded");
      if (call.fn !== fn) this.#fail("the calls came in another order");
      const recorded = Array.isArray(call.args) ? call.args : [];
      const noHandles = () => this.#fail("a function passed to the reader's code");
      if (recorded.length !== args.length || !args.every((a, i) => sameEncoded(encode(a, noHandles), recorded[i]))) this.#fail("different arguments than recorded");
      const after = Array.isArray(call.after) ? call.after : [];
      args.forEach((arg, i) => this.#apply(arg, after[i]));
      if (call.error) {
        const { name, message, line } = call.error;
        throw new ReplayedError(String(name).slice(0, 100), String(message).slice(0, 2000), typeof line === "number" ? line : undefined);
      }
      return this.decode(call.result ?? { k: "v", v: undefined }, args);
    };
  }

  /** The value an Encoded stands for (functions become replaying functions). */
  decode(e: Encoded, args: readonly unknown[] = [], depth = 0): unknown {
    if (depth > MAX_DEPTH + 2 || e === null || typeof e !== "object") this.#fail("a malformed value");
    switch (e.k) {
      case "v":
        return ArrayBuffer.isView(e.v) ? (e.v as unknown as { slice(): unknown }).slice() : e.v !== null && typeof e.v === "object" ? this.#fail("a malformed value") : e.v;
      case "fn":
        return typeof e.id === "number" ? this.fn(e.id) : this.#fail("a malformed function handle");
      case "arg":
        return typeof e.index === "number" && e.index in args ? args[e.index] : this.#fail("a malformed argument reference");
      case "arr":
        return Array.isArray(e.items) ? e.items.map((item) => this.decode(item, [], depth + 1)) : this.#fail("a malformed array");
      case "obj": {
        if (!Array.isArray(e.entries)) this.#fail("a malformed object");
        const out: Record<string, unknown> = {};
        for (const entry of e.entries) {
          if (!Array.isArray(entry) || typeof entry[0] !== "string" || FORBIDDEN.has(entry[0])) this.#fail("a malformed object");
          out[entry[0]] = this.decode(entry[1], [], depth + 1);
        }
        return out;
      }
      case "opaque":
        return Object.freeze({ toString: () => String(e.text) });
      default:
        return this.#fail("a malformed value");
    }
  }

  /** Writes the recorded state of an argument after the call into the argument itself. */
  #apply(target: unknown, e: Encoded | undefined, depth = 0): void {
    if (target === null || typeof target !== "object") return; // passed by value: nothing to update
    if (!e || typeof e !== "object" || depth > MAX_DEPTH + 2) this.#fail("a malformed record of the arguments");
    if (ArrayBuffer.isView(target)) {
      const t = target as unknown as { length: number; set(v: ArrayLike<number>): void };
      const v = e.k === "v" ? e.v : undefined;
      if (!ArrayBuffer.isView(v) || (v as unknown as ArrayLike<number>).length !== t.length || Object.prototype.toString.call(v) !== Object.prototype.toString.call(target)) {
        this.#fail("a typed array changed its type or length");
      }
      t.set(v as unknown as ArrayLike<number>);
      return;
    }
    if (Array.isArray(target)) {
      if (e.k !== "arr" || !Array.isArray(e.items)) this.#fail("an array became something else");
      target.length = e.items.length;
      e.items.forEach((item, i) => this.#update(target as unknown as Record<string, unknown>, String(i), item, depth));
      return;
    }
    if (e.k !== "obj" || !Array.isArray(e.entries)) this.#fail("an object became something else");
    const record = target as Record<string, unknown>;
    const keys = new Set<string>();
    for (const entry of e.entries) {
      if (!Array.isArray(entry) || typeof entry[0] !== "string" || FORBIDDEN.has(entry[0])) this.#fail("a malformed object");
      keys.add(entry[0]);
      this.#update(record, entry[0], entry[1], depth);
    }
    for (const key of Object.keys(record)) if (!keys.has(key)) delete record[key];
  }

  #update(target: Record<string, unknown>, key: string, e: Encoded, depth: number): void {
    const current = target[key];
    const compound = e && typeof e === "object" && (e.k === "arr" || e.k === "obj" || (e.k === "v" && ArrayBuffer.isView(e.v)));
    const sameKind =
      current !== null &&
      typeof current === "object" &&
      compound &&
      (ArrayBuffer.isView(current) ? e.k === "v" && (e.v as unknown as ArrayLike<number>).length === (current as unknown as ArrayLike<number>).length && Object.prototype.toString.call(e.v) === Object.prototype.toString.call(current) : Array.isArray(current) ? e.k === "arr" : e.k === "obj");
    if (sameKind) this.#apply(current, e, depth + 1);
    else Object.defineProperty(target, key, { value: this.decode(e, [], depth + 1), writable: true, enumerable: true, configurable: true });
  }
}
