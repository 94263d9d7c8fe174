/**
 * OptimizerCard(info): one optimizer of the library's registry as a reference
 * card — its update rule, hyperparameters with defaults and ranges, the
 * torch.optim equivalent, convention notes and the paper. Everything comes from
 * lib/optimizers/registry.ts, so the reference cannot drift from the code.
 */
import { html } from "htl";
import type { OptimizerInfo } from "../lib/optimizers/registry.js";
import { math } from "./tex.js";
import { num } from "./format.js";

function show(value: number | boolean): string {
  if (typeof value === "boolean") return String(value);
  // Defaults are exact settings: all their digits (up to 12), in the course's one number style.
  return num(value, 12);
}

export function OptimizerCard(info: OptimizerInfo): HTMLElement {
  return html`<section class="optimizer-card" id=${`opt-${info.name}`}>
    <h3><code>${info.name}</code> — ${info.title}${info.variantOf ? html` <small>(textbook variant of <a href=${`#opt-${info.variantOf}`}><code>${info.variantOf}</code></a>)</small>` : ""}</h3>
    ${math(info.rule, { display: true })}
    <table>
      <thead><tr><th>hyperparameter</th><th>default</th><th>range on sliders</th><th>meaning</th></tr></thead>
      <tbody>${info.hyper.map(
        (h) => html`<tr>
          <td><code>${h.name}</code></td>
          <td>${h.required ? html`<em>required</em>` : show(h.default)}</td>
          <td>${h.boolean ? "true / false" : `${show(h.min)} – ${show(h.max)}${h.scale === "log" ? " (log)" : ""}`}</td>
          <td>${h.description}</td>
        </tr>`
      )}</tbody>
    </table>
    <p><strong>torch.optim:</strong> <code>${info.torch}</code></p>
    <p><strong>Conventions:</strong> ${info.notes}</p>
    <p><strong>Paper:</strong> <a href=${info.paper.url}>${info.paper.title}</a></p>
  </section>`;
}
