/** The course map: every part and chapter, linked where the page exists. */
import { html } from "htl";

export interface MapChapter {
  path: string;
  title: string;
  outcome: string;
  ready: boolean;
}

export interface MapPart {
  name: string;
  chapters: MapChapter[];
}

export function CourseMap(parts: MapPart[]): HTMLElement {
  return html`<div class="course-map">${parts.map(
    (part) => html`<h3>${part.name}</h3>
      <ul>${part.chapters.map((chapter) =>
        chapter.ready
          ? html`<li><a href="./${chapter.path}"><strong>${chapter.title}</strong></a> — after it you can ${chapter.outcome}</li>`
          : html`<li class="soon"><strong>${chapter.title}</strong> (being written) — ${chapter.outcome}</li>`
      )}</ul>`
  )}</div>`;
}
