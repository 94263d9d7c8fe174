/**
 * The numeric exercises that stay one variant for all, each with the reason
 * the catalogue gives (src/data/exercises.json `variantReason`, shown on the
 * instructors page). Every numeric exercise is either here or in
 * NUMERIC_VARIANTS (numeric-variants.ts), never both
 * (test/coursework/numeric-variants.test.ts).
 */
export const FIXED_NUMERIC: Readonly<Record<string, string>> = Object.freeze({
  "minibatch/spread-b25":
    "the answer uses the gradient spread σ² the page measures on the housing data at the initial weights; varying B needs that measurement inside the check, which the page loads from a data file the check cannot read",
  "minibatch/full-batch-edge": "the answer is 2/λₘₐₓ of the housing loss's Hessian, a fixed fact of the page's data set; varying it needs a per-student data set",
  "minibatch/noise-floor":
    "the answer uses tr C the page measures on the housing data at the least-squares solution; varying η and B needs that measurement inside the check, which the page loads from a data file the check cannot read",
});

/** Why a numeric exercise has one variant for all (undefined when it has per-student variants). */
export function fixedReason(id: string): string | undefined {
  return Object.hasOwn(FIXED_NUMERIC, id) ? FIXED_NUMERIC[id] : undefined;
}

/** The catalogue with each fixed numeric exercise's reason (`variantReason`), as the data loader writes it. */
export function withVariantReasons<E extends { id: string; kind: string; variant?: string }>(catalogue: readonly E[]): Array<E & { variantReason?: string }> {
  return catalogue.map((e) => {
    const reason = e.kind === "numeric" && e.variant === "fixed" ? fixedReason(e.id) : undefined;
    return reason ? { ...e, variantReason: reason } : e;
  });
}
