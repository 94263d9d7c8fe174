#!/usr/bin/env node
/**
 * Prepares an offline, clean build. Run by `npm run build`.
 *
 * 1. Removes Framework's data-loader cache and the previous build, so loader
 *    outputs (datasets, KaTeX CSS, workers) are rebuilt from the current lib/
 *    and data/ instead of served stale.
 * 2. Pins the versions of the `npm:` modules that Framework's own client and
 *    standard library import lazily (react-dom for JSX, parquet-wasm, arquero,
 *    …). Framework resolves their versions at build time by asking the npm
 *    registry unless a folder `_npm/<name>@<version>` already exists in its
 *    cache; creating the empty folders makes the build work offline. No page
 *    of the course uses these modules, so nothing is downloaded and the built
 *    site never requests them. (A page that did use an implicit `npm:` import
 *    would still need the network and fail the offline build — as it should:
 *    import libraries explicitly from node_modules instead.)
 */
import { mkdirSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const cache = join(root, "src", ".observablehq", "cache");

export const LAZY_NPM_VERSIONS = [
  "@observablehq/plot@0.6.17",
  "@observablehq/sample-datasets@1.0.1",
  "apache-arrow@21.2.0",
  "arquero@8.0.3",
  "d3-dsv@3.0.2",
  "d3@7.9.2",
  "echarts@6.1.0",
  "htl@0.3.1",
  "leaflet@1.9.4",
  "lodash@4.18.1",
  "mapbox-gl@3.32.0",
  "parquet-wasm@0.8.0",
  "react-dom@19.3.1",
  "react@19.3.1",
  "topojson-client@3.1.0",
];

/** Creates the empty `_npm/<name>@<version>` folders in a Framework cache folder. */
export function pinLazyNpmVersions(cacheDir) {
  for (const spec of LAZY_NPM_VERSIONS) mkdirSync(join(cacheDir, "_npm", spec), { recursive: true });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  rmSync(cache, { recursive: true, force: true });
  rmSync(join(root, "dist"), { recursive: true, force: true });
  pinLazyNpmVersions(cache);
}
