/**
 * Values on the wire between the grader and the process that runs a student's
 * code (scripts/coursework/remote.ts), and in the recorded fixtures of the
 * student edition (scripts/coursework/fixtures.ts): JSON that keeps what JSON
 * loses — NaN, ±Infinity, −0, undefined, typed arrays — and names functions
 * by an id instead of carrying them.
 *
 * - a finite number (not −0), a string, a boolean, null: itself
 * - NaN, Infinity, −Infinity, −0: `{$n: "NaN" | "Infinity" | "-Infinity" | "-0"}`
 * - undefined: `{$u: 1}`
 * - a typed array: `{$t: "Float64Array", v: [...]}`
 * - an array: an array of encoded items
 * - a function: `{$f: id}` (the id from `fn`)
 * - another object: `{$o: {key: encoded}}` (own enumerable properties)
 *
 * Decoding builds plain data (and functions only through `fn`), so a value
 * coming from untrusted code can carry nothing but data.
 */
export type Wire = number | string | boolean | null | Wire[] | { $n: string } | { $u: 1 } | { $t: string; v: Wire[] } | { $f: string } | { $o: Record<string, Wire> } | { $arg: number };

const TYPED: Record<string, new (n: number) => ArrayLike<number> & { [i: number]: number }> = {
  Float64Array, Float32Array, Int32Array, Int16Array, Int8Array, Uint32Array, Uint16Array, Uint8Array, Uint8ClampedArray,
};

function encodeNumber(x: number): Wire {
  if (Number.isNaN(x)) return { $n: "NaN" };
  if (x === Infinity) return { $n: "Infinity" };
  if (x === -Infinity) return { $n: "-Infinity" };
  if (Object.is(x, -0)) return { $n: "-0" };
  return x;
}

/** Encodes a value; `fn` names a function met inside it (default: refuse functions). */
export function encode(value: unknown, fn?: (f: (...args: unknown[]) => unknown) => string, depth = 0): Wire {
  if (depth > 32) throw new Error("the value is nested too deeply (or refers to itself)");
  if (typeof value === "number") return encodeNumber(value);
  if (typeof value === "string" || typeof value === "boolean" || value === null) return value;
  if (value === undefined) return { $u: 1 };
  if (typeof value === "function") {
    if (!fn) throw new Error("a function cannot be passed here");
    return { $f: fn(value as (...args: unknown[]) => unknown) };
  }
  if (typeof value === "bigint" || typeof value === "symbol") return `${String(value)}`;
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    const name = value.constructor.name;
    if (!(name in TYPED)) throw new Error(`cannot send a ${name}`);
    return { $t: name, v: Array.from(value as unknown as ArrayLike<number>, encodeNumber) };
  }
  if (Array.isArray(value)) return value.map((v) => encode(v, fn, depth + 1));
  const out: Record<string, Wire> = {};
  for (const key of Object.keys(value as object)) out[key] = encode((value as Record<string, unknown>)[key], fn, depth + 1);
  return { $o: out };
}

function isObject(w: Wire): w is Exclude<Wire, number | string | boolean | null | Wire[]> {
  return w !== null && typeof w === "object" && !Array.isArray(w);
}

/** Decodes a value; `fn` turns a function id into a function (default: refuse). */
export function decode(w: Wire, fn?: (id: string) => unknown): unknown {
  if (w === null || typeof w !== "object") return w;
  if (Array.isArray(w)) return w.map((v) => decode(v, fn));
  if ("$n" in w) return w.$n === "NaN" ? NaN : w.$n === "Infinity" ? Infinity : w.$n === "-Infinity" ? -Infinity : -0;
  if ("$u" in w) return undefined;
  if ("$t" in w) {
    const Ctor = TYPED[w.$t];
    if (!Ctor || !Array.isArray(w.v)) throw new Error(`unknown array type ${String(w.$t)}`);
    const a = new Ctor(w.v.length);
    w.v.forEach((x, i) => (a[i] = decode(x) as number));
    return a;
  }
  if ("$f" in w) {
    if (!fn) throw new Error("unexpected function");
    return fn(String(w.$f));
  }
  if ("$o" in w && isObject(w.$o as Wire)) {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(w.$o as Record<string, Wire>)) Object.defineProperty(out, key, { value: decode(v, fn), enumerable: true, writable: true, configurable: true });
    return out;
  }
  throw new Error("malformed value");
}

/**
 * Makes `target` (an argument the caller still holds) look like `after`, the
 * same argument after the call on the other side: a typed array or array is
 * overwritten in place, an object gets the other side's properties. This is
 * how a step that updates `x` and `state` in place is seen by the checks.
 */
export function applyInPlace(target: unknown, after: unknown): void {
  if (target === null || typeof target !== "object" || after === null || typeof after !== "object") return;
  if (ArrayBuffer.isView(target)) {
    const t = target as unknown as { length: number; [i: number]: number };
    const a = after as ArrayLike<number>;
    for (let i = 0; i < Math.min(t.length, a.length ?? 0); i++) t[i] = a[i];
    return;
  }
  if (Array.isArray(target)) {
    if (!Array.isArray(after)) return;
    target.forEach((item, i) => {
      if (item !== null && typeof item === "object" && after[i] !== null && typeof after[i] === "object") applyInPlace(item, after[i]);
      else target[i] = after[i];
    });
    target.length = after.length;
    for (let i = 0; i < after.length; i++) if (!(i in target) || target[i] === undefined) target[i] = after[i];
    return;
  }
  const t = target as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  for (const key of Object.keys(t)) if (!(key in a)) delete t[key];
  for (const key of Object.keys(a)) {
    const v = t[key];
    if (v !== null && typeof v === "object" && ArrayBuffer.isView(v) === ArrayBuffer.isView(a[key]) && a[key] !== null && typeof a[key] === "object" && (v as ArrayLike<number>).length === (a[key] as ArrayLike<number>).length) applyInPlace(v, a[key]);
    else t[key] = a[key];
  }
}
