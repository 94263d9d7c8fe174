/**
 * Build-time numbers for "Choosing an optimizer": every contender on the three
 * tasks, its learning rate selected on a validation split under three seeds,
 * ranked by test loss (see lib/analysis/fair-comparison.ts for the protocol
 * and scripts/choosing-comparison.ts for the inputs). About a minute of
 * training, so computed here once, not in the reader's browser.
 */
import { choosingComparison } from "../../scripts/choosing-comparison.js";

process.stdout.write(JSON.stringify(choosingComparison()));
