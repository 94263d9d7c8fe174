/**
 * Which of KaTeX's 20 font faces the course ships. KaTeX's stylesheet declares
 * a face for every family it can typeset; a browser downloads a face only when
 * text uses it, but the build copies every face and the service worker caches
 * every file of the build, so each unused face costs every reader its bytes on
 * the first visit. The course's math (Markdown `$…$` rendered at build time and
 * `tex` in live cells) never uses the families below; each is reached only by
 * the commands listed beside it (KaTeX 0.16's font map), which a test checks the
 * course's sources do not contain (test/site/katex-fonts.test.ts). Whoever adds
 * such a command removes its family from this list.
 */

/** KaTeX families the course does not use, and the commands that would need each. */
export const UNUSED_KATEX_FAMILIES: Readonly<Record<string, readonly string[]>> = {
  KaTeX_SansSerif: ["\\mathsf", "\\textsf", "\\sf", "\\mathsfit", "\\mathitsf", "\\mathboldsf", "\\textitsf", "\\textboldsf"],
  KaTeX_Typewriter: ["\\mathtt", "\\texttt", "\\tt", "\\verb"],
  KaTeX_Fraktur: ["\\mathfrak", "\\textfrak", "\\frak", "\\mathboldfrak", "\\textboldfrak"],
  KaTeX_Script: ["\\mathscr", "\\textscr"],
};

/** Removes the `@font-face` rules of `families` from KaTeX's stylesheet (other rules stay: a class with no face falls back). */
export function dropKatexFaces(css: string, families: readonly string[] = Object.keys(UNUSED_KATEX_FAMILIES)): string {
  return css.replace(/@font-face\s*\{[^}]*\}/g, (rule) => {
    const family = /font-family:\s*['"]?([\w-]+)/.exec(rule)?.[1];
    return family && families.includes(family) ? "" : rule;
  });
}
