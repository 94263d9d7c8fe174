import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/e2e/**", "node_modules/**", "dist/**"],
    // No test asserts a duration; on a shared 2-core machine a heavy test can take
    // well over vitest's 5 s default without anything being wrong.
    testTimeout: 60_000,
  },
});
