// Types for `subset-font` (HarfBuzz's subsetter as WebAssembly), as far as the
// build uses it (scripts/site/subset-fonts.ts).
declare module "subset-font" {
  interface SubsetOptions {
    targetFormat?: "sfnt" | "woff" | "woff2";
    keepFeatures?: string[];
    variationAxes?: Record<string, number | { min: number; max: number; default?: number }>;
    preserveNameIds?: number[];
    noLayoutClosure?: boolean;
    noHinting?: boolean;
    dropTables?: string[];
  }
  export default function subsetFont(font: Buffer | Uint8Array, text: string, options?: SubsetOptions): Promise<Buffer>;
}

// `fontverter` (woff/woff2/sfnt conversion), a dependency of subset-font.
declare module "fontverter" {
  export function convert(font: Buffer | Uint8Array, to: "sfnt" | "woff" | "woff2", from?: string): Promise<Buffer>;
  export function detectFormat(font: Buffer | Uint8Array): "sfnt" | "woff" | "woff2";
}
