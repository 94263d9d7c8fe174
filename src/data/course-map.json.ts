// The course outline with, for each chapter, whether its page exists yet.
// The home page draws the course map from it.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { COURSE } from "../course.js";

const root = join(process.cwd(), "src");
process.stdout.write(
  JSON.stringify(
    COURSE.map((part) => ({
      ...part,
      chapters: part.chapters.map((chapter) => ({ ...chapter, ready: existsSync(join(root, `${chapter.path}.md`)) })),
    }))
  )
);
