// Type declarations for htl (Hypertext Literal) 0.3, which ships none.
// `html` returns the element the template makes (cast it to a narrower type
// where you know it) or a DocumentFragment when the template has several roots.
declare module "htl" {
  type Template<T> = (strings: TemplateStringsArray, ...values: unknown[]) => T;
  export const html: Template<HTMLElement> & { fragment: Template<DocumentFragment> };
  export const svg: Template<SVGElement> & { fragment: Template<DocumentFragment> };
}
