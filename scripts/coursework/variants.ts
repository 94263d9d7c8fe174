/**
 * Student ids for per-student variants (exercises/variant.ts): reading a
 * roster, and recovering whose variant a submission is.
 *
 * A per-student edition (`npm run assignment -- … --variants roster.csv`)
 * records its student's id in `descent-assignment.json` (`student`); the
 * grader reads it back from the submission, checks it against the roster
 * when one is given, and grades every exercise against that student's
 * variant. The id in the file is the student's to edit, so an instructor who
 * grades from a roster (Gradescope, Classroom) should pass the id the
 * platform reports (`--student`) or the roster (`--roster`): a submission
 * claiming an id that is not on the roster is refused, and one whose id
 * differs from `--student` too.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { requireStudentId } from "../../exercises/variant.js";
import { MARKER, type AssignmentManifest } from "./edition.js";

const HEADER = /^(id|student|student_?id|sis_?id|sis_?user_?id|login|github|github_?username|email|e-mail)$/i;

/**
 * The ids of a roster: a CSV (or one id a line) whose id column is the first,
 * or the column headed id / student_id / login / github / email. Blank lines
 * and `#` comments are skipped; a malformed or duplicate id is an error
 * naming its line.
 */
export function readRoster(text: string, file = "roster"): string[] {
  const rows = text.split(/\r?\n/).map((line, i) => ({ line: i + 1, cells: line.split(",").map((c) => c.trim().replace(/^"(.*)"$/, "$1")) })).filter((r) => r.cells.join("") !== "" && !r.cells[0].startsWith("#"));
  let column = 0;
  if (rows.length && rows[0].cells.some((c) => HEADER.test(c))) {
    column = rows[0].cells.findIndex((c) => HEADER.test(c));
    rows.shift();
  }
  const ids: string[] = [];
  for (const r of rows) {
    let id: string;
    try {
      id = requireStudentId(r.cells[column] ?? "");
    } catch (error) {
      throw new Error(`${file}:${r.line}: ${(error as Error).message}`);
    }
    if (ids.includes(id)) throw new Error(`${file}:${r.line}: student id ${id} appears twice`);
    ids.push(id);
  }
  if (ids.length === 0) throw new Error(`${file} lists no student id`);
  return ids;
}

/** The student id recorded in a submission's descent-assignment.json (null if none). */
export function recordedStudent(submission: string): string | null {
  const file = join(submission, MARKER);
  if (!existsSync(file)) return null;
  let m: Partial<AssignmentManifest>;
  try {
    m = JSON.parse(readFileSync(file, "utf8")) as Partial<AssignmentManifest>;
  } catch {
    throw new Error(`${MARKER} in the submission is not valid JSON: pass --student <id> to grade it`);
  }
  return m.student === undefined || m.student === null ? null : requireStudentId(m.student);
}

/**
 * Whose variant to grade: `asked` (the instructor's --student) or the id the
 * submission records; checked against the roster when one is given. Null: the
 * published variant.
 */
export function studentOf(submission: string, asked?: string, roster?: readonly string[]): string | null {
  const recorded = recordedStudent(submission);
  const id = asked !== undefined ? requireStudentId(asked) : recorded;
  if (asked !== undefined && recorded !== null && recorded !== id) {
    throw new Error(`the submission is the edition of student ${recorded}, not ${id}: grade it with --student ${recorded} if that is right`);
  }
  if (roster) {
    if (id === null) throw new Error(`the submission records no student id (${MARKER} has no "student"): pass --student <id>`);
    if (!roster.includes(id)) throw new Error(`student ${id} is not on the roster`);
  }
  return id;
}

/**
 * The submitter Gradescope names in /autograder/submission_metadata.json
 * (https://gradescope-autograders.readthedocs.io/en/latest/submission_metadata/):
 * `users[0]` (the first member of a group), by its `sid` (student id, when
 * the course has them) or its `email` — with a roster, whichever of the two
 * is on it. Null when the file names no usable id.
 */
export function gradescopeSubmitter(metadata: unknown, roster?: readonly string[]): string | null {
  const user = (metadata as { users?: Array<{ sid?: unknown; email?: unknown }> } | null)?.users?.[0];
  const ids: string[] = [];
  for (const raw of [user?.sid, user?.email]) {
    try {
      if (raw !== undefined && raw !== null && raw !== "") ids.push(requireStudentId(String(raw)));
    } catch {
      // not an id the variants accept
    }
  }
  if (roster) return ids.find((id) => roster.includes(id)) ?? ids[0] ?? null;
  return ids[0] ?? null;
}

/**
 * Whose variant to grade when the platform names the submitter (`platform`,
 * from Gradescope's metadata): the platform's id wins over the one the
 * submission records (which the student can edit), and `note` says so when
 * they disagree. An assignment without variants (no roster, no recorded id)
 * stays on the published variant. Without a platform id: `studentOf`.
 */
export function resolveStudent(submission: string, { asked, roster, platform }: { asked?: string; roster?: readonly string[]; platform?: string | null }): { student: string | null; note: string } {
  if (asked !== undefined || platform === undefined || platform === null) return { student: studentOf(submission, asked, roster), note: "" };
  let recorded: string | null;
  try {
    recorded = recordedStudent(submission);
  } catch {
    recorded = null;
  }
  if (recorded === null && !roster) return { student: null, note: "" };
  const id = requireStudentId(platform);
  if (roster && !roster.includes(id)) throw new Error(`Gradescope's submitter ${id} is not on the roster`);
  const note = recorded === null
    ? `Graded against the variants of ${id}, the submitter Gradescope names (the submission records no student id).`
    : recorded !== id
      ? `This submission's ${MARKER} names student ${recorded}, but Gradescope says it is ${id}'s: it was graded against ${id}'s variants.`
      : "";
  return { student: id, note };
}
