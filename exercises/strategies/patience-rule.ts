/**
 * Exercise strategies/patience-rule — when early stopping halts.
 *
 * A validation curve lists the validation loss after epochs 1, 2, …, n
 * (`validation[0]` is epoch 1's). Early stopping with patience p and minimum
 * improvement δ keeps the best loss so far; an epoch *improves* when its loss
 * is below best − δ (strictly), and then becomes the new best. After p epochs
 * in a row without an improvement, training stops at that epoch and the best
 * epoch's parameters are restored.
 *
 * `patienceStop(validation, patience, minDelta)` returns
 * `{bestEpoch, stopEpoch}`, both 1-based: the epoch restored (the last
 * improvement before stopping) and the epoch at which training stops, or
 * `stopEpoch: null` when patience never runs out (training runs to the end;
 * `bestEpoch` is then the last improving epoch — with δ > 0 a later epoch
 * may have a slightly lower loss that was too small an improvement to count).
 *
 * Bad input gets a clear error: throw a RangeError when `patience` is not an
 * integer ≥ 1 or `minDelta` is negative.
 */
export function patienceStop(validation: number[], patience: number, minDelta: number): { bestEpoch: number; stopEpoch: number | null } {
  // BEGIN SOLUTION
  if (!Number.isInteger(patience) || patience < 1) throw new RangeError(`patienceStop: patience must be an integer ≥ 1, got ${patience}`);
  if (!(minDelta >= 0)) throw new RangeError(`patienceStop: minDelta must be ≥ 0, got ${minDelta}`);
  let best = Infinity;
  let bestEpoch = 0;
  let since = 0;
  for (let e = 0; e < validation.length; e++) {
    if (validation[e] < best - minDelta) {
      best = validation[e];
      bestEpoch = e + 1;
      since = 0;
    } else if (++since >= patience) {
      return { bestEpoch, stopEpoch: e + 1 };
    }
  }
  return { bestEpoch, stopEpoch: null };
  // END SOLUTION
}
