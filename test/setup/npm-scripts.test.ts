import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));

/** Shell syntax that works in sh but not under cmd.exe, which npm uses on Windows. */
const POSIX_ONLY: [RegExp, string][] = [
  [/'/, "single quotes (cmd.exe does not strip them)"],
  [/\$\w|\$\{/, "a $VARIABLE"],
  [/(^|\s)[A-Z_][A-Z0-9_]*=\S/, "an inline VAR=value assignment"],
  [/(^|[\s;&|])(rm|cp|mv|mkdir|ln|cat|export|test)\s/, "a POSIX-only command"],
  [/;/, "a ; separator"],
  [/\|\|/, "||"],
  [/(^|\s)\.\//, "a ./ path to run"],
];

describe("package.json scripts", () => {
  for (const [name, command] of Object.entries(pkg.scripts as Record<string, string>)) {
    it(`"${name}" runs under cmd.exe as well as sh`, () => {
      for (const [pattern, what] of POSIX_ONLY) expect(pattern.test(command), `${name}: ${command} uses ${what}`).toBe(false);
    });
  }
  it("the checker itself catches POSIX-only syntax", () => {
    for (const bad of ["rm -rf dist && build", "FOO=1 node x.js", "echo 'hi'", "node a.js; node b.js", "./run.sh"]) {
      expect(POSIX_ONLY.some(([pattern]) => pattern.test(bad)), bad).toBe(true);
    }
  });
});
