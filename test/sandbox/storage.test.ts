import { describe, expect, test } from "vitest";
import { decodeShare, encodeShare, MAX_SHARED_CODE } from "../../src/components/editor/storage.js";

describe("encodeShare(id, code) / decodeShare(hash, id)", () => {
  test("round-trips code with any characters", () => {
    const code = 'const η = 0.4; // ünïcode ✓\nreturn `${η}` + "&#=?";';
    expect(decodeShare("#" + encodeShare("momentum/rule", code), "momentum/rule")).toEqual({ code });
  });

  test("ignores links for other cells and unrelated hashes", () => {
    expect(decodeShare("#" + encodeShare("a/b", "x"), "c/d")).toEqual({});
    expect(decodeShare("#section-2", "a/b")).toEqual({});
    expect(decodeShare("", "a/b")).toEqual({});
  });

  test("reports hostile or broken code fields instead of loading them", () => {
    expect(decodeShare("#cell=a%2Fb", "a/b")).toEqual({ error: "no code in the link" });
    expect(decodeShare("#cell=a%2Fb&code=<script>", "a/b").error).toMatch(/not valid base64url/);
    expect(decodeShare("#cell=a%2Fb&code=" + "_w", "a/b").error).toMatch(/not valid base64url/); // 0xFF: not UTF-8
    expect(decodeShare("#cell=a%2Fb&code=" + "A".repeat(MAX_SHARED_CODE * 2), "a/b").error).toMatch(/longer than/);
  });
});
