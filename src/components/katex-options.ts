/**
 * KaTeX options shared by the build-time Markdown math (scripts/site/markdown-math.ts)
 * and the live `tex` helper (tex.ts), so a macro means the same in both.
 * Errors throw: a bad formula fails the build or shows as an error cell, which
 * the browser tests catch — it never renders as red text.
 */
export const katexOptions = {
  throwOnError: true,
  strict: "ignore",
  output: "htmlAndMathml",
  macros: {
    "\\R": "\\mathbb{R}",
    "\\E": "\\mathbb{E}",
    "\\argmin": "\\operatorname*{arg\\,min}",
    "\\sign": "\\operatorname{sign}",
    "\\diag": "\\operatorname{diag}",
  },
} as const;
