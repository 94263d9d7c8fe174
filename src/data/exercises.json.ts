// Data loader: the exercise catalogue for pages (scripts/coursework/catalogue.ts):
// ids, titles, points, statements, kinds, and for code exercises the starter
// code and the names of the visible checks. No solutions, no hidden tests.
// Numeric exercises say whether they come in per-student variants, and the
// fixed ones why not (numeric-fixed.ts).
import { buildCatalogue } from "../../scripts/coursework/catalogue.js";
import { numericVariantOf } from "../components/coursework/numeric-variants.js";
import { fixedReason } from "../components/coursework/numeric-fixed.js";

const catalogue = buildCatalogue((id) => numericVariantOf(id) !== null).map((e) => {
  const reason = e.kind === "numeric" && e.variant === "fixed" ? fixedReason(e.id) : undefined;
  return reason ? { ...e, variantReason: reason } : e;
});
process.stdout.write(JSON.stringify(catalogue));
