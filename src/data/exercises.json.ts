// Data loader: the exercise catalogue for pages (scripts/coursework/catalogue.ts):
// ids, titles, points, statements, kinds, and for code exercises the starter
// code and the names of the visible checks. No solutions, no hidden tests.
// Numeric exercises say whether they come in per-student variants.
import { buildCatalogue } from "../../scripts/coursework/catalogue.js";
import { numericVariantOf } from "../components/coursework/numeric-variants.js";

process.stdout.write(JSON.stringify(buildCatalogue((id) => numericVariantOf(id) !== null)));
