// Data loader: the exercise catalogue for pages (scripts/coursework/catalogue.ts):
// ids, titles, points, statements, kinds, and for code exercises the starter
// code and the names of the visible checks. No solutions, no hidden tests.
// Numeric exercises say whether they come in per-student variants, and the
// fixed ones why not (numeric-fixed.ts).
import { buildCatalogue } from "../../scripts/coursework/catalogue.js";
import { numericVariantOf } from "../components/coursework/numeric-variants.js";
import { withVariantReasons } from "../components/coursework/numeric-fixed.js";

process.stdout.write(JSON.stringify(withVariantReasons(buildCatalogue((id) => numericVariantOf(id) !== null))));
