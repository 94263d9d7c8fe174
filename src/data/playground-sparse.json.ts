/**
 * Build-time rivals for the playground's race on sparse data: each rival tuned
 * on the sentences by the protocol of "Choosing an optimizer" and raced at its
 * selected η under each seed (scripts/playground-sparse.ts). Some seconds of
 * training, so computed here once; the reader's optimizer races in the sandbox.
 */
import { playgroundSparse } from "../../scripts/playground-sparse.js";

process.stdout.write(JSON.stringify(playgroundSparse()));
