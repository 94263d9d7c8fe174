/**
 * The arena's optimizer controls, generated from the registry's
 * hyperparameter specs (lib/optimizers/registry.ts): for each optimizer a row
 * with a "race" checkbox, a "show state" radio, and its hyperparameters — a
 * slider (log or linear, as the spec says) paired with a number box, or a
 * checkbox for a true/false option. The learning rate is always in view; the
 * others fold into a "more" disclosure. All native form controls, so all
 * keyboard-operable and labelled.
 */
import { num } from "../format.js";
import type { HyperSpec, OptimizerInfo, OptimizerName } from "../../lib/optimizers/registry.js";

const RESOLUTION = 1000;

let uid = 0;

export interface HyperControl {
  readonly element: HTMLElement;
  /** Shows `value` without firing a change. */
  set(value: number | boolean): void;
}

/** Slider position (0…RESOLUTION) of a value and back, on the spec's scale. */
export function toSlider(spec: HyperSpec, value: number): number {
  const t = spec.scale === "log" ? Math.log(value / spec.min) / Math.log(spec.max / spec.min) : (value - spec.min) / (spec.max - spec.min);
  return Math.round(Math.min(1, Math.max(0, t)) * RESOLUTION);
}
export function fromSlider(spec: HyperSpec, position: number): number {
  const t = position / RESOLUTION;
  const v = spec.scale === "log" ? spec.min * (spec.max / spec.min) ** t : spec.min + t * (spec.max - spec.min);
  return spec.integer ? Math.round(v) : Number(v.toPrecision(3));
}

/** A control for one hyperparameter; `onChange(value, done)` fires while sliding (done = false) and on release. */
export function hyperControl(owner: string, spec: HyperSpec, value: number | boolean, onChange: (value: number | boolean, done: boolean) => void): HyperControl {
  const id = `arena-${owner}-${spec.name}-${++uid}`;
  const wrap = document.createElement("div");
  wrap.className = spec.name === "lr" ? "arena-hyper arena-lr" : "arena-hyper";
  const label = document.createElement("label");
  label.htmlFor = id;
  label.textContent = spec.name === "lr" ? "η" : spec.name;
  label.title = spec.description;
  wrap.append(label);
  if (spec.boolean) {
    const box = document.createElement("input");
    box.type = "checkbox";
    box.id = id;
    box.checked = Boolean(value);
    box.setAttribute("aria-description", spec.description);
    box.addEventListener("change", () => onChange(box.checked, true));
    wrap.append(box);
    return { element: wrap, set: (v) => void (box.checked = Boolean(v)) };
  }
  const range = document.createElement("input");
  range.type = "range";
  range.min = "0";
  range.max = String(RESOLUTION);
  range.step = "1";
  range.id = id;
  range.setAttribute("aria-label", `${owner} ${spec.name}${spec.scale === "log" ? " (log scale)" : ""}`);
  const number = document.createElement("input");
  number.type = "number";
  number.step = "any";
  number.min = String(spec.min);
  number.max = String(spec.max);
  number.setAttribute("aria-label", `${owner} ${spec.name} value`);
  const show = (v: number) => {
    range.value = String(toSlider(spec, v));
    range.setAttribute("aria-valuetext", num(Number(v), 6));
    number.value = String(v);
  };
  show(Number(value));
  range.addEventListener("input", () => {
    const v = fromSlider(spec, Number(range.value));
    number.value = String(v);
    range.setAttribute("aria-valuetext", num(Number(v), 6));
    onChange(v, false);
  });
  range.addEventListener("change", () => onChange(fromSlider(spec, Number(range.value)), true));
  number.addEventListener("change", () => {
    const v = Number(number.value);
    if (!Number.isFinite(v) || v < spec.min || v > spec.max || (spec.integer && !Number.isInteger(v))) {
      number.setCustomValidity(`${spec.name} must be a number in [${spec.min}, ${spec.max}]`);
      number.reportValidity();
      return;
    }
    number.setCustomValidity("");
    range.value = String(toSlider(spec, v));
    onChange(v, true);
  });
  wrap.append(range, number);
  return { element: wrap, set: (v) => show(Number(v)) };
}

export interface RacerRowCallbacks {
  onToggle(name: OptimizerName, racing: boolean): void;
  onFocus(name: OptimizerName): void;
  onHyper(name: OptimizerName, key: string, value: number | boolean, done: boolean): void;
}

export interface RacerRow {
  readonly element: HTMLElement;
  /** Shows the racer's state without firing a change. */
  set(racing: boolean, focused: boolean, hyper: Readonly<Record<string, number | boolean>> | null, tuned?: boolean): void;
}

/** The row of one optimizer. */
export function racerRow(info: OptimizerInfo, color: string, group: string, callbacks: RacerRowCallbacks): RacerRow {
  const row = document.createElement("div");
  row.className = "arena-racer-row";
  row.dataset.name = info.name;
  const head = document.createElement("div");
  head.className = "arena-racer-head";
  const race = document.createElement("input");
  race.type = "checkbox";
  race.id = `arena-race-${info.name}-${++uid}`;
  const label = document.createElement("label");
  label.htmlFor = race.id;
  const swatch = document.createElement("span");
  swatch.className = "arena-swatch";
  swatch.style.background = color;
  label.append(swatch, info.title);
  const focus = document.createElement("input");
  focus.type = "radio";
  focus.name = group;
  focus.setAttribute("aria-label", `show ${info.title}'s state`);
  focus.title = "show this optimizer's state";
  const tuned = document.createElement("span");
  tuned.className = "arena-tuned";
  head.append(race, label, tuned, focus);
  row.append(head);

  const controls = new Map<string, HyperControl>();
  const body = document.createElement("div");
  body.className = "arena-racer-body";
  const more = document.createElement("details");
  const summary = document.createElement("summary");
  summary.textContent = "more";
  more.append(summary);
  for (const spec of info.hyper) {
    const control = hyperControl(info.title, spec, spec.default, (v, done) => callbacks.onHyper(info.name, spec.name, v, done));
    controls.set(spec.name, control);
    (spec.name === "lr" ? body : more).append(control.element);
  }
  if (more.children.length > 1) body.append(more);
  row.append(body);

  race.addEventListener("change", () => callbacks.onToggle(info.name, race.checked));
  focus.addEventListener("change", () => focus.checked && callbacks.onFocus(info.name));

  return {
    element: row,
    set(racing, focused, hyper, wasTuned = false) {
      race.checked = racing;
      focus.checked = focused;
      focus.disabled = !racing;
      row.classList.toggle("arena-off", !racing);
      body.hidden = !racing;
      tuned.textContent = racing && wasTuned ? "tuned" : "";
      if (hyper) for (const [k, c] of controls) if (hyper[k] !== undefined) c.set(hyper[k]);
    },
  };
}
