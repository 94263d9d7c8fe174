import { defineConfig } from "vitest/config";

// Browser tests: run after `npm run build`, against dist/, in Debian's Chromium.
export default defineConfig({
  test: {
    include: ["test/e2e/**/*.e2e.test.ts"],
    testTimeout: 180_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
