// Data loader: the exercise catalogue for pages (scripts/coursework/catalogue.ts):
// ids, titles, points, statements, kinds, and for code exercises the starter
// code and the names of the visible checks. No solutions, no hidden tests.
import { buildCatalogue } from "../../scripts/coursework/catalogue.js";

process.stdout.write(JSON.stringify(buildCatalogue()));
