// Type declarations for the one internal module of Observable Framework 1.13
// that the claim checks use: the Markdown parser Framework builds pages with
// (markdown-it plus its `${…}` placeholder rules), so a check sees a page
// exactly as the build does. Framework ships no types for it.
declare module "@observablehq/framework/dist/markdown.js" {
  import type MarkdownIt from "markdown-it";
  export function createMarkdownIt(options?: {
    markdownIt?: (md: MarkdownIt) => MarkdownIt | void;
    linkify?: boolean;
    quotes?: string;
    typographer?: boolean;
  }): MarkdownIt;
  /** The page's cells and inline `${…}` expressions in document order (scripts/site/deferred-cells.ts). */
  export function parseMarkdown(input: string, options: { path: string; md: MarkdownIt }): {
    /** The page's HTML: headings with their ids, each cell's place as `<!--:<id>:-->`. */
    body: string;
    code: { id: string; mode: string; node: { declarations: { name: string }[] | null; references: { name: string }[]; input: string } }[];
  };
}
