/**
 * Per-student variants of the exercises: the mechanism is lib/variant.ts (in
 * lib/ so that the pages can import it too); this module is where exercises
 * import it from.
 */
export * from "../lib/variant.js";
