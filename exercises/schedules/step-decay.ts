/**
 * Exercise schedules/step-decay — step decay.
 *
 * Write the step-decay schedule as a function of the
 * 1-based step t (the library's convention: every optimizer calls its
 * schedule with t = 1, 2, 3, …):
 *
 *     η(t) = η₀ · d^⌊t / r⌋
 *
 * (often written η₀·d^⌊(1 + n)/r⌋ with the iteration n = t − 1). The rate
 * is multiplied by the drop d at steps r, 2r, 3r, …
 *
 * `stepDecay(lr0, d, r)` returns the schedule, a function (t) => η(t).
 */
export function stepDecay(lr0: number, d: number, r: number): (t: number) => number {
  // BEGIN SOLUTION
  return (t) => lr0 * Math.pow(d, Math.floor(t / r));
  // END SOLUTION
}
