// Type declarations for htl (Hypertext Literal) 0.3, which ships none.
declare module "htl" {
  type Template = (strings: TemplateStringsArray, ...values: unknown[]) => HTMLElement & DocumentFragment;
  export const html: Template & { fragment: Template };
  export const svg: ((strings: TemplateStringsArray, ...values: unknown[]) => SVGElement & DocumentFragment) & {
    fragment: (strings: TemplateStringsArray, ...values: unknown[]) => DocumentFragment;
  };
}
