/**
 * Validation of hyperparameters and shapes. Every factory in lib/ checks its
 * arguments once, here, so a bad value fails early with a message that names
 * the parameter, the value received and the range that is accepted.
 */

/** Describes `value` for an error message: numbers as written, others by type. */
function show(value: unknown): string {
  if (typeof value === "number") return Object.is(value, -0) ? "-0" : String(value);
  if (typeof value === "string") return JSON.stringify(value);
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  if (typeof value === "function") return "a function";
  if (Array.isArray(value)) return "an array";
  return typeof value;
}

/** Throws a TypeError unless `value` is a finite number. */
export function requireNumber(owner: string, name: string, value: unknown): number {
  if (typeof value !== "number") {
    throw new TypeError(`${owner}: ${name} must be a finite number, got ${show(value)}`);
  }
  if (!Number.isFinite(value)) {
    throw new RangeError(`${owner}: ${name} must be a finite number, got ${show(value)}`);
  }
  return value;
}

/**
 * Throws unless `value` is a finite number in the interval described by `lo`, `hi` and
 * the openness flags. The message states the interval in mathematical notation,
 * e.g. `adam: beta1 must be in [0, 1), got 1`.
 */
export function requireInRange(
  owner: string,
  name: string,
  value: unknown,
  lo: number,
  hi: number,
  { loOpen = false, hiOpen = false }: { loOpen?: boolean; hiOpen?: boolean } = {}
): number {
  const range = `${loOpen ? "(" : "["}${lo === -Infinity ? "-∞" : lo}, ${hi === Infinity ? "∞" : hi}${hiOpen || hi === Infinity ? ")" : "]"}`;
  if (typeof value !== "number") {
    throw new TypeError(`${owner}: ${name} must be a number in ${range}, got ${show(value)}`);
  }
  const below = loOpen ? !(value > lo) : !(value >= lo);
  const above = hiOpen ? !(value < hi) : !(value <= hi);
  if (!Number.isFinite(value) || below || above) {
    throw new RangeError(`${owner}: ${name} must be a finite number in ${range}, got ${show(value)}`);
  }
  return value;
}

/** Throws unless `value` is an integer in [lo, hi]. */
export function requireInteger(owner: string, name: string, value: unknown, lo: number, hi = Infinity): number {
  requireInRange(owner, name, value, lo, hi);
  if (!Number.isInteger(value)) {
    throw new RangeError(`${owner}: ${name} must be an integer in [${lo}, ${hi === Infinity ? "∞" : hi}), got ${show(value)}`);
  }
  return value as number;
}

/** Throws a TypeError unless `value` is a boolean. */
export function requireBoolean(owner: string, name: string, value: unknown): boolean {
  if (typeof value !== "boolean") throw new TypeError(`${owner}: ${name} must be true or false, got ${show(value)}`);
  return value;
}

/** Throws a TypeError unless `value` is a function. */
export function requireFunction<F extends (...args: never[]) => unknown>(owner: string, name: string, value: unknown): F {
  if (typeof value !== "function") throw new TypeError(`${owner}: ${name} must be a function, got ${show(value)}`);
  return value as F;
}

/** Throws a TypeError listing the accepted keys when `options` has a key that is not among them. */
export function rejectUnknownKeys(owner: string, options: object, known: readonly string[]): void {
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      throw new TypeError(`${owner}: unknown option ${JSON.stringify(key)}; accepted options are ${known.join(", ")}`);
    }
  }
}

/** Throws a RangeError when two lengths that must agree do not. */
export function requireSameLength(owner: string, what: string, actual: number, expected: number): void {
  if (actual !== expected) {
    throw new RangeError(`${owner}: ${what} has length ${actual}, expected ${expected}`);
  }
}
