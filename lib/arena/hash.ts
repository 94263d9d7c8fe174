/**
 * The arena's configuration in a URL hash, so a race can be shared as a link:
 *
 *   #surface=beale&start=1,1.5&steps=500&target=0.001&o=sgd:lr=0.0057&o=adam:lr=0.09,beta1=0.8&focus=adam&at=120
 *
 * - `surface`: a surface name; `start`: two numbers inside its map;
 *   `steps`: an integer in [10, 2000]; `target`: the target loss (above the
 *   surface's minimum); `at`: the step shown, in [0, steps]; `focus`: the
 *   racer whose state is shown.
 * - `o`, once per racer: `name` or `name:key=value,key=value`. The keys are the
 *   registry's hyperparameter names; a value must lie in the control's range.
 *   `lr` is always written; other hyperparameters only when they differ from
 *   the registry's default.
 * - `noise`: σ of the gradient noise, in [0, NOISE_MAX], and `seed`: its seed,
 *   an integer in [0, SEED_MAX]; both written only when σ > 0 (see `noise.ts`).
 *
 * The hash is untrusted input. `decodeArena` never evaluates anything: it
 * splits on fixed characters, matches names against fixed lists (never looking
 * a user's string up as an object property), parses numbers with a strict
 * pattern, and checks every value's range. A field that fails is ignored on
 * its own, with a notice saying what was ignored and why; the rest of the link
 * still applies. Pure: no DOM.
 */
import { optimizers, type HyperSpec, type OptimizerInfo, type OptimizerName } from "../optimizers/registry.js";
import {
  DEFAULT_TARGETS,
  MAX_RACERS,
  STEPS_MAX,
  STEPS_MIN,
  SURFACE_NAMES,
  defaultConfig,
  defaultHyper,
  floorOf,
  optimizerOf,
  surfaceOf,
  type ArenaConfig,
  type RacerConfig,
  type SurfaceName,
} from "./config.js";
import { NOISE_MAX, SEED_MAX } from "./noise.js";

/** Longer hashes are ignored whole. */
export const MAX_HASH_LENGTH = 4096;
/** Fields beyond this many are ignored. */
export const MAX_FIELDS = 64;
const MAX_NUMBER_LENGTH = 32;
const KEYS = ["surface", "start", "steps", "target", "o", "focus", "at", "noise", "seed"] as const;
type Key = (typeof KEYS)[number];

export interface DecodedArena {
  readonly config: ArenaConfig;
  /** One sentence per ignored field, for the page to show. Empty when the whole hash applied. */
  readonly notices: readonly string[];
}

/** The shortest decimal that reads back as the same double ("0.001", "1e-7"). */
export function formatNumber(value: number): string {
  return String(value);
}

/** `value` as a number if it is a plain decimal (optional sign, digits, point, exponent) and finite; otherwise NaN. */
export function parseStrictNumber(value: string): number {
  if (value.length === 0 || value.length > MAX_NUMBER_LENGTH) return NaN;
  if (!/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d{1,3})?$/.test(value)) return NaN;
  const n = Number(value);
  return Number.isFinite(n) ? n : NaN;
}

/** A user's text, shortened and stripped of control characters, for a notice. */
export function quote(text: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, "?");
  return `“${clean.length > 40 ? clean.slice(0, 39) + "…" : clean}”`;
}

function findOptimizer(name: string): OptimizerInfo | undefined {
  return optimizers.find((o) => o.name === name);
}

function findSpec(info: OptimizerInfo, name: string): HyperSpec | undefined {
  return info.hyper.find((h) => h.name === name);
}

/**
 * Whether a hash is meant for the arena at all: one with a `key=value` field.
 * A plain anchor ("#exercises", a heading's link) is not, and is left alone.
 */
export function isArenaHash(hash: string): boolean {
  return typeof hash === "string" && hash.includes("=");
}

/** Encodes a configuration as a hash (without the leading "#"). */
export function encodeArena(config: ArenaConfig): string {
  const parts = [
    `surface=${config.surface}`,
    `start=${formatNumber(config.start[0])},${formatNumber(config.start[1])}`,
    `steps=${config.steps}`,
    `target=${formatNumber(config.target)}`,
  ];
  for (const racer of config.racers) {
    const info = findOptimizer(racer.name)!;
    const pairs: string[] = [];
    for (const spec of info.hyper) {
      const value = racer.hyper[spec.name];
      if (value === undefined) continue;
      if (spec.name !== "lr" && value === spec.default) continue;
      pairs.push(`${spec.name}=${spec.boolean ? (value ? "1" : "0") : formatNumber(Number(value))}`);
    }
    parts.push(`o=${racer.name}${pairs.length ? ":" + pairs.join(",") : ""}`);
  }
  if (config.focus !== null) parts.push(`focus=${config.focus}`);
  parts.push(`at=${config.at}`);
  if (config.noise > 0) parts.push(`noise=${formatNumber(config.noise)}`, `seed=${config.seed}`);
  return parts.join("&");
}

/** A hyperparameter's value from its text, or a reason it is rejected. */
function parseHyper(spec: HyperSpec, text: string): number | boolean | string {
  if (spec.boolean) {
    if (text === "1" || text === "true") return true;
    if (text === "0" || text === "false") return false;
    return `${spec.name} must be 0 or 1`;
  }
  const n = parseStrictNumber(text);
  if (Number.isNaN(n)) return `${spec.name} is not a number`;
  if (spec.integer && !Number.isInteger(n)) return `${spec.name} must be an integer`;
  if (n < spec.min || n > spec.max) return `${spec.name} must be in [${spec.min}, ${spec.max}]`;
  return n;
}

/** One `o=` field: a racer, or null with notices. */
function parseRacer(text: string, surface: SurfaceName, notices: string[]): RacerConfig | null {
  const colon = text.indexOf(":");
  const name = colon < 0 ? text : text.slice(0, colon);
  const info = /^[A-Za-z]{1,32}$/.test(name) ? findOptimizer(name) : undefined;
  if (!info) {
    notices.push(`Ignored the racer ${quote(name)}: there is no optimizer of that name.`);
    return null;
  }
  const hyper = defaultHyper(surface, info.name);
  const seen = new Set<string>();
  if (colon >= 0) {
    const pairs = text.slice(colon + 1).split(",");
    if (pairs.length > info.hyper.length + 4) {
      notices.push(`Ignored the settings of ${info.name}: too many of them (${pairs.length}).`);
      return { name: info.name, hyper };
    }
    for (const pair of pairs) {
      const eq = pair.indexOf("=");
      const key = eq < 0 ? pair : pair.slice(0, eq);
      const spec = /^[A-Za-z0-9]{1,32}$/.test(key) ? findSpec(info, key) : undefined;
      if (!spec) {
        notices.push(`Ignored ${quote(key)} for ${info.name}: it has no hyperparameter of that name.`);
        continue;
      }
      if (seen.has(spec.name)) {
        notices.push(`Ignored a second ${spec.name} for ${info.name}.`);
        continue;
      }
      seen.add(spec.name);
      const value = parseHyper(spec, eq < 0 ? "" : pair.slice(eq + 1));
      if (typeof value === "string") {
        notices.push(`Ignored ${info.name} ${quote(pair)}: ${value}; using ${formatNumber(Number(hyper[spec.name]))}.`);
        continue;
      }
      hyper[spec.name] = value;
    }
  }
  try {
    optimizerOf(info, hyper);
  } catch (error) {
    notices.push(`Ignored the settings of ${info.name}: ${error instanceof Error ? error.message : "rejected"}; using its defaults.`);
    return { name: info.name, hyper: defaultHyper(surface, info.name) };
  }
  return { name: info.name, hyper };
}

/**
 * Decodes a hash (with or without the leading "#") into a full configuration:
 * every field that is missing or rejected takes its default, and every
 * rejected field adds a notice. Never throws.
 */
export function decodeArena(hash: string): DecodedArena {
  const notices: string[] = [];
  let text = typeof hash === "string" ? hash : "";
  if (text.startsWith("#")) text = text.slice(1);
  if (text.length === 0) return { config: defaultConfig(), notices };
  if (text.length > MAX_HASH_LENGTH) {
    notices.push(`Ignored the link's settings: they are ${text.length} characters long, more than ${MAX_HASH_LENGTH}.`);
    return { config: defaultConfig(), notices };
  }

  // Split into fields; keep the first of each single-valued key, every `o`.
  let fields = text.split("&").filter((f) => f.length > 0);
  if (fields.length > MAX_FIELDS) {
    notices.push(`Ignored ${fields.length - MAX_FIELDS} settings past the first ${MAX_FIELDS}.`);
    fields = fields.slice(0, MAX_FIELDS);
  }
  const single = new Map<Key, string>();
  const racerFields: string[] = [];
  for (const field of fields) {
    const eq = field.indexOf("=");
    const rawKey = eq < 0 ? field : field.slice(0, eq);
    const key = KEYS.find((k) => k === rawKey);
    if (!key) {
      notices.push(`Ignored the unknown setting ${quote(rawKey)}.`);
      continue;
    }
    let value: string;
    try {
      value = decodeURIComponent(eq < 0 ? "" : field.slice(eq + 1));
    } catch {
      notices.push(`Ignored ${key}: its value is not valid URL encoding.`);
      continue;
    }
    if (key === "o") racerFields.push(value);
    else if (single.has(key)) notices.push(`Ignored a second ${key}.`);
    else single.set(key, value);
  }

  // The surface first: the other defaults depend on it.
  let surface: SurfaceName = defaultConfig().surface;
  const surfaceText = single.get("surface");
  if (surfaceText !== undefined) {
    const found = SURFACE_NAMES.find((s) => s === surfaceText);
    if (found) surface = found;
    else notices.push(`Ignored surface ${quote(surfaceText)}: the surfaces are ${SURFACE_NAMES.join(", ")}.`);
  }
  const base = defaultConfig(surface);
  const objective = surfaceOf(surface).objective;

  let start = base.start;
  const startText = single.get("start");
  if (startText !== undefined) {
    const parts = startText.split(",");
    const xy = parts.length === 2 ? parts.map(parseStrictNumber) : [NaN, NaN];
    const [[x0, x1], [y0, y1]] = objective.domain;
    if (xy.some(Number.isNaN)) notices.push(`Ignored start ${quote(startText)}: it must be two numbers "x,y".`);
    else if (xy[0] < x0 || xy[0] > x1 || xy[1] < y0 || xy[1] > y1) notices.push(`Ignored start ${quote(startText)}: it lies outside the map [${x0}, ${x1}] × [${y0}, ${y1}].`);
    else start = [xy[0], xy[1]];
  }

  let steps = base.steps;
  const stepsText = single.get("steps");
  if (stepsText !== undefined) {
    const n = parseStrictNumber(stepsText);
    if (!Number.isInteger(n) || n < STEPS_MIN || n > STEPS_MAX) notices.push(`Ignored steps ${quote(stepsText)}: it must be a whole number from ${STEPS_MIN} to ${STEPS_MAX}.`);
    else steps = n;
  }

  let target = DEFAULT_TARGETS[surface];
  const targetText = single.get("target");
  if (targetText !== undefined) {
    const n = parseStrictNumber(targetText);
    const floor = floorOf(objective);
    if (Number.isNaN(n) || Math.abs(n) > 1e12) notices.push(`Ignored target ${quote(targetText)}: it must be a number.`);
    else if (!(n > floor)) notices.push(`Ignored target ${quote(targetText)}: it must be above the surface's minimum ${floor}.`);
    else target = n;
  }

  let racers: RacerConfig[] = [...base.racers];
  if (racerFields.length > 0) {
    const parsed: RacerConfig[] = [];
    for (const field of racerFields) {
      const racer = parseRacer(field, surface, notices);
      if (!racer) continue;
      if (parsed.some((r) => r.name === racer.name)) notices.push(`Ignored a second racer ${racer.name}.`);
      else if (parsed.length >= MAX_RACERS) notices.push(`Ignored racers past the first ${MAX_RACERS}.`);
      else parsed.push(racer);
    }
    if (parsed.length > 0) racers = parsed;
    else notices.push("No racer in the link could be read: racing the default optimizers.");
  }

  let focus: OptimizerName | null = null;
  const focusText = single.get("focus");
  if (focusText !== undefined) {
    const found = racers.find((r) => r.name === focusText);
    if (found) focus = found.name;
    else notices.push(`Ignored focus ${quote(focusText)}: it is not one of the racers.`);
  }

  let at = steps;
  const atText = single.get("at");
  if (atText !== undefined) {
    const n = parseStrictNumber(atText);
    if (!Number.isInteger(n) || n < 0 || n > steps) notices.push(`Ignored at ${quote(atText)}: it must be a whole number from 0 to ${steps}.`);
    else at = n;
  }

  let noise = base.noise;
  const noiseText = single.get("noise");
  if (noiseText !== undefined) {
    const n = parseStrictNumber(noiseText);
    if (Number.isNaN(n) || n < 0 || n > NOISE_MAX) notices.push(`Ignored noise ${quote(noiseText)}: it must be a number from 0 to ${NOISE_MAX}.`);
    else noise = n;
  }

  let seed = base.seed;
  const seedText = single.get("seed");
  if (seedText !== undefined) {
    const n = parseStrictNumber(seedText);
    if (!Number.isInteger(n) || n < 0 || n > SEED_MAX) notices.push(`Ignored seed ${quote(seedText)}: it must be a whole number from 0 to ${SEED_MAX}.`);
    else seed = n;
  }

  return { config: { surface, start, steps, target, racers, focus, at, noise, seed }, notices };
}
