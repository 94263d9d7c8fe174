/**
 * The `apply` adapter: the reader's code returns a function, and the adapter
 * calls it with the page's data, `params.input` (plain data the page sends
 * along: a temperature series, a dataset's JSON…). What the function returns
 * must be plain data, which becomes the cell's value.
 *
 * This is how a cell works on data the sandbox cannot load itself (it has no
 * network): `return (temps) => …` in the cell, `params: {input: temps}` in the
 * page. A page-specific shape (a series as long as the input, say) is checked
 * by the cell's `check` option.
 */
import { adaptData, ShapeError } from "./adapters.js";

export function adaptApply(value: unknown, params: Record<string, unknown>): unknown {
  if (value === undefined) throw new ShapeError("The code returned nothing. End it with `return` followed by a function of the page's data, (input) => result.");
  if (typeof value !== "function") {
    throw new ShapeError(`This cell's code must return a function, (input) => result, which the page calls with its data; the code returned ${value === null ? "null" : Array.isArray(value) ? "an array" : typeof value}.`);
  }
  const result = (value as (input: unknown) => unknown)(params.input);
  if (result === undefined) throw new ShapeError("The function returned nothing: end it with `return` followed by the result to plot.");
  if (result instanceof Promise) throw new ShapeError("The function returned a promise; compute the result directly (no async function).");
  return adaptData(result);
}
