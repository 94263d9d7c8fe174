/**
 * Which names a page takes from each module it imports (used by
 * bundle-modules.ts), so that the page's entry re-exports only those and
 * esbuild can leave the rest of a module out of the bundles.
 *
 * Framework compiles a page's imports into one declaration per cell:
 *
 *   const [Plot, {html}, R] = await Promise.all([import("./_node/@observablehq/plot/index.js"),
 *                                                import("./_import/components/html.js"),
 *                                                import("./_import/lib/run.js")]);
 *   return {Plot, html, R};
 *
 * and the cells that use them receive them as parameters: `(Plot, R) => Plot.line(R.rows, …)`.
 * A destructured import names what it takes (`{html}` → html). A namespace
 * (`Plot`) takes the properties the page reads from it (`Plot.line`,
 * `Plot["dot"]`), as long as the page does nothing else with it: handing the
 * namespace itself to a function, reading a computed property, or spreading it
 * would need the whole module, and then the whole module is kept. An `import()`
 * the pattern above does not describe (a `.then`, a spread or rest element
 * among the imports), or a page that calls `eval`, also keeps the whole module.
 *
 * The page then receives a plain object holding those names, taken when the
 * module has loaded, instead of the live namespace: an export a module
 * reassigns later (`export let n` … `n++`) would read its first value. No
 * module of lib/ or src/components/ does that (the cells already destructure
 * their imports once, which reads them the same way).
 *
 * Why it matters: `import * as Plot` in a page kept every one of Plot's marks,
 * transforms and their d3 dependencies in the shared Plot chunk, for every page.
 */
import { parse } from "acorn";

/** An ESTree node as acorn builds it. */
type Node = { type: string; start: number; end: number; [key: string]: unknown };

/** Per module specifier (as written in the page): the names the page takes, or `null` for the whole module. */
export type ImportNames = Map<string, Set<string> | null>;

const isNode = (value: unknown): value is Node => typeof value === "object" && value !== null && typeof (value as Node).type === "string";

/** Every node of `root` with its parent chain (nearest parent first). */
function* walk(root: Node, parents: Node[] = []): Generator<[Node, Node[]]> {
  yield [root, parents];
  const down = [root, ...parents];
  for (const key of Object.keys(root)) {
    if (key === "type" || key === "start" || key === "end") continue;
    const value = root[key];
    if (Array.isArray(value)) {
      for (const child of value) if (isNode(child)) yield* walk(child, down);
    } else if (isNode(value)) yield* walk(value, down);
  }
}

/** An Identifier's name, else undefined. */
const identifier = (node: Node | null | undefined) => (node?.type === "Identifier" ? (node as Node & { name: string }).name : undefined);

const isFunction = (node: Node) => node.type === "FunctionDeclaration" || node.type === "FunctionExpression" || node.type === "ArrowFunctionExpression";

/** The pattern an `import()` is bound to by `const [...] = await Promise.all([...])` or `const x = await import(...)`; undefined if neither. */
function bindingOf(expression: Node, parents: Node[]): Node | null | undefined {
  const [parent, grand, great, great2] = parents;
  if (parent?.type === "AwaitExpression" && grand?.type === "VariableDeclarator" && grand.init === parent) return grand.id as Node;
  if (parent?.type === "ArrayExpression" && grand?.type === "CallExpression" && great?.type === "AwaitExpression" && great2?.type === "VariableDeclarator" && great2.init === great) {
    const callee = grand.callee as Node;
    const isPromiseAll = callee.type === "MemberExpression" && identifier(callee.object as Node) === "Promise" && identifier(callee.property as Node) === "all";
    const id = great2.id as Node;
    if (!isPromiseAll || id.type !== "ArrayPattern") return undefined;
    const sources = parent.elements as (Node | null)[];
    const index = sources.indexOf(expression);
    const targets = (id.elements as (Node | null)[]).slice(0, index + 1);
    // A spread among the imports moves the positions; a rest element takes what follows it.
    if (sources.some((e) => e?.type === "SpreadElement") || targets.some((t) => t?.type === "RestElement")) return undefined;
    return targets[index] ?? null;
  }
  return undefined;
}

/** The names an object pattern takes, or null if it takes the rest too (`...rest`) or computes a key. */
function patternNames(pattern: Node): Set<string> | null {
  const names = new Set<string>();
  for (const property of pattern.properties as Node[]) {
    if (property.type !== "Property" || property.computed) return null;
    const key = property.key as Node & { name?: string; value?: unknown };
    names.add(key.type === "Identifier" ? key.name! : String(key.value));
  }
  return names;
}

/** The nearest function among `parents` (nearest first), or undefined at the top level. */
const enclosingFunction = (parents: Node[]) => parents.find(isFunction);

/**
 * The properties the scripts read from the namespace bound to `name` by
 * `binding` (declared in the function `declaredIn`), or null if they use the
 * namespace any other way.
 */
function namespaceNames(nodes: readonly [Node, Node[]][], name: string, binding: Node, declaredIn: Node | undefined): Set<string> | null {
  const names = new Set<string>();
  for (const [node, parents] of nodes) {
    if (identifier(node) !== name || node === binding) continue;
    const [parent, grand, great] = parents;
    if (parent.type === "MemberExpression" && parent.object === node) {
      const property = parent.property as Node & { name?: string; value?: unknown };
      if (!parent.computed) names.add(property.name!);
      else if (property.type === "Literal" && typeof property.value === "string") names.add(property.value);
      else return null;
      continue;
    }
    // `x.Plot` and `{Plot: …}` name a property, not the namespace.
    if (parent.type === "MemberExpression" && parent.property === node && !parent.computed) continue;
    if (parent.type === "Property" && parent.key === node && !parent.shorthand && !parent.computed) continue;
    // A cell's parameter: the runtime passes the namespace in.
    if (isFunction(parent) && (parent.params as Node[]).includes(node)) continue;
    // The import cell's own `return {Plot, …}`: the runtime hands it to the cells that use it.
    if (parent.type === "Property" && parent.shorthand && grand?.type === "ObjectExpression" && great?.type === "ReturnStatement" && declaredIn && enclosingFunction(parents.slice(3)) === declaredIn) continue;
    return null;
  }
  return names;
}

/**
 * The names each module imported with `import("…")` in `scripts` (a page's
 * inline module scripts) is used for; see the module comment. A module
 * imported in several places takes the union, and whole if any place needs it whole.
 */
export function importedNames(scripts: readonly string[]): ImportNames {
  const out: ImportNames = new Map();
  const add = (specifier: string, names: Set<string> | null) => {
    if (out.has(specifier) && out.get(specifier) === null) return;
    if (names === null) return void out.set(specifier, null);
    const seen = out.get(specifier) ?? new Set<string>();
    for (const n of names) seen.add(n);
    out.set(specifier, seen);
  };
  // Every node of every script, walked once. A page's cells share one runtime,
  // so a namespace is looked for in all of its scripts.
  const nodes = scripts.flatMap((script) => [...walk(parse(script, { ecmaVersion: "latest", sourceType: "module" }) as unknown as Node)]);
  // Direct eval can read any binding by a name no analysis sees.
  const evals = nodes.some(([node]) => identifier(node) === "eval");
  for (const [node, parents] of nodes) {
    if (node.type !== "ImportExpression") continue;
    const source = node.source as Node & { value?: unknown };
    if (source.type !== "Literal" || typeof source.value !== "string") continue;
    const binding = evals ? undefined : bindingOf(node, parents);
    if (binding === undefined) add(source.value, null);
    else if (binding === null) add(source.value, new Set());
    else if (binding.type === "ObjectPattern") add(source.value, patternNames(binding));
    else if (binding.type === "Identifier") add(source.value, namespaceNames(nodes, identifier(binding)!, binding, enclosingFunction(parents)));
    else add(source.value, null);
  }
  return out;
}
