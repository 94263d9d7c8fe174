/**
 * Per-student variants (after PrairieLearn), for the exercises (exercises/check.ts,
 * src/components/coursework/numeric-variants.ts): in lib/ so that both the
 * grader and the pages can import it (Framework serves lib/ to the pages
 * through src/lib). Per-student variants: an exercise that declares a
 * `Variant` takes its parameters — the problem's seed, the start point, η, β,
 * the step count — from a seed derived from the student's id and the
 * exercise's id, so each student gets their own numbers and the grader can
 * recover them from the id alone.
 *
 *     seed = FNV-1a-32("<student id>\u0000<exercise id>")
 *     params = variant.draw(random(seed))          (lib/random.ts: sfc32)
 *
 * Without an id (the published pages, the fixtures, the tests) an exercise
 * uses `variant.defaults`: exactly the parameters it had before variants
 * existed. The seed does not depend on the assignment, so a student sees the
 * same variant on the course's pages (id entered there) as in their edition.
 *
 * The mechanism is optional: an exercise without a `variant` is a fixed
 * variant (the catalogue says so, exercises/index.ts `variants`).
 */
import { random, type Random } from "./random.js";

export interface Variant<P> {
  /** The published parameters: what every reader gets without a student id. */
  readonly defaults: P;
  /** A student's parameters, drawn from their generator (must not throw for any draw). */
  draw(rng: Random): P;
}

/** Student ids: 1–64 letters, digits, `.`, `_`, `@`, `-` (a roster's id or e-mail). */
export const STUDENT_ID = /^[A-Za-z0-9._@-]{1,64}$/;

/** Validates a student id; throws naming the rule when it is not one. */
export function requireStudentId(id: unknown): string {
  if (typeof id !== "string" || !STUDENT_ID.test(id.trim())) {
    throw new RangeError(`student id must be 1–64 letters, digits, ".", "_", "@" or "-", got ${JSON.stringify(id)}`);
  }
  return id.trim();
}

/** FNV-1a, 32 bits, of the string's UTF-16 code units: a stable, dependency-free hash. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** The seed of a student's variant of an exercise. */
export function variantSeed(studentId: string, exerciseId: string): number {
  return fnv1a(`${requireStudentId(studentId)}\u0000${exerciseId}`);
}

/** The generator of a student's variant of an exercise (null without an id: the default variant). */
export function variantFor(studentId: string | null | undefined, exerciseId: string): Random | null {
  if (studentId === null || studentId === undefined || studentId === "") return null;
  return random(variantSeed(studentId, exerciseId));
}

/** The parameters a student gets (the defaults without an id). */
export function paramsFor<P>(variant: Variant<P>, studentId: string | null | undefined, exerciseId: string): P {
  const rng = variantFor(studentId, exerciseId);
  return rng ? variant.draw(rng) : variant.defaults;
}

/** A number drawn from a short list (keeps variants on round, readable values). */
export function pick<T>(rng: Random, values: readonly T[]): T {
  return values[rng.int(values.length)];
}
