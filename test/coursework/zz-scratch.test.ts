import { test } from "vitest";
import { NUMERIC_VARIANTS } from "../../src/components/coursework/numeric-variants.js";
import { paramsFor } from "../../lib/variant.js";
import { isClose } from "../../src/components/coursework/exercise.js";
test("x", () => {
  const names = ["bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy", "mallory", "niaj", "olivia", "peggy", "rupert", "sybil", "trent", "victor", "walter"];
  for (const n of names) {
    const bad = Object.entries(NUMERIC_VARIANTS).filter(([id, v]) => isClose(v.answer(paramsFor(v, "alice", id)), v.answer(paramsFor(v, n, id)), v.tolerance ?? 1e-3)).map(([id]) => id);
    console.log(n, bad.length, bad.join(" "));
  }
  for (const [id, v] of Object.entries(NUMERIC_VARIANTS)) {
    const s = new Set(Array.from({ length: 25 }, (_, k) => v.answer(paramsFor(v, `student${k}`, id)).toPrecision(8)));
    if (s.size < 6) console.log("DISTINCT", id, s.size);
  }
});
