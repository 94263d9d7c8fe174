/** The course map: every part and chapter, linked where the page exists, with the reader's exercise progress. */
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

/** A chapter's checked exercises and how many the reader has solved (see progress.ts). */
export interface MapProgress {
  checked: number;
  solved: number;
  points: number;
  maxPoints: number;
}

export interface CourseMapOptions {
  /** Progress by chapter slug; chapters without checked exercises show none. */
  progress?: Record<string, MapProgress>;
}

function progressBadge(p: MapProgress | undefined) {
  if (!p || p.checked === 0) return "";
  const done = p.solved === p.checked;
  return html` <span class="course-map-progress" data-done=${done ? "true" : "false"} title=${`${p.points} of ${p.maxPoints} points`}>${done ? "✓ " : ""}${p.solved}/${p.checked} exercises solved</span>`;
}

export function CourseMap(parts: MapPart[], { progress = {} }: CourseMapOptions = {}): HTMLElement {
  return html`<div class="course-map">${parts.map(
    (part) => html`<h3>${part.name}</h3>
      <ul>${part.chapters.map((chapter) =>
        chapter.ready
          ? html`<li data-chapter=${chapter.path}><a href="./${chapter.path}"><strong>${chapter.title}</strong></a>${progressBadge(progress[chapter.path])} — after it you can ${chapter.outcome}</li>`
          : html`<li class="soon" data-chapter=${chapter.path}><strong>${chapter.title}</strong> (being written) — ${chapter.outcome}</li>`
      )}</ul>`
  )}</div>`;
}
