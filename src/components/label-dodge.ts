/**
 * Collision-free direct labels: where several lines end at nearly the same
 * height, their end labels would print over each other ("Momentum" over
 * "Nesterov"). `dodgeLabels` moves them apart vertically, as little as it can.
 *
 * Labels are taken in order of their wanted positions yᵢ (pixels, down). Each
 * label starts as a block of its own; a block of k labels at gap g occupies
 * [top, top + (k − 1)·g] and is centred on the mean of its labels' wanted
 * positions, so a pair that collides is pushed symmetrically apart. Whenever a
 * block overlaps the one above (its top is less than g below that block's last
 * label), the two merge and are re-centred, until no two blocks overlap. With
 * bounds [lo, hi] a block is then kept inside them (moved down to lo, or up so
 * its last label is at hi — which may cause a new merge; when all labels do not
 * fit, they start at lo and run past hi, still g apart).
 *
 * Result: positions in the input order, consecutive (sorted) positions at
 * least `gap` apart; a label with no neighbour within `gap` is not moved.
 */
export function dodgeLabels(wanted: readonly number[], gap: number, bounds?: readonly [number, number]): number[] {
  if (!(gap >= 0)) throw new RangeError(`dodgeLabels: gap must be a number ≥ 0, got ${gap}`);
  const order = wanted.map((_, i) => i).filter((i) => Number.isFinite(wanted[i])).sort((a, b) => wanted[a] - wanted[b]);
  const [lo, hi] = bounds ?? [-Infinity, Infinity];
  const place = (members: number[]): number => {
    const mean = members.reduce((s, i) => s + wanted[i], 0) / members.length;
    const span = (members.length - 1) * gap;
    return Math.max(lo, Math.min(mean - span / 2, hi - span));
  };
  const blocks: { members: number[]; top: number }[] = [];
  for (const i of order) {
    blocks.push({ members: [i], top: place([i]) });
    // Merge with the block above while they overlap.
    while (blocks.length > 1) {
      const below = blocks[blocks.length - 1], above = blocks[blocks.length - 2];
      if (below.top - (above.top + (above.members.length - 1) * gap) >= gap - 1e-9) break;
      blocks.pop();
      above.members.push(...below.members);
      above.top = place(above.members);
    }
  }
  const result = wanted.slice();
  for (const { members, top } of blocks) members.forEach((i, k) => (result[i] = top + k * gap));
  return result;
}
