/**
 * The shape of the exercise catalogue, src/data/exercises.json (written by
 * scripts/coursework/catalogue.ts, read by CodeExercise and ExerciseTable):
 * every exercise's id, chapter, title, points, statement and kind, and for code
 * exercises the starter code and the names of its exports and visible checks.
 * It holds no solution and no hidden test.
 */
export interface CatalogueEntry {
  /** `<chapter>/<name>`, as in exercises/index.ts. */
  id: string;
  chapter: string;
  title: string;
  points: number;
  statement: string;
  kind: "code" | "numeric" | "concept";
  /** Code exercises: the starter code for the page's editor (the stubbed module as JavaScript). */
  starter?: string;
  /** Code exercises: the names the code returns. */
  exports?: string[];
  /** Code exercises: the names of the visible checks. */
  checks?: string[];
  /**
   * Code and numeric exercises: "per-student" when its parameters come from
   * the student's seed (exercises/variant.ts), "fixed" when every student
   * gets the published problem. Absent for written exercises.
   */
  variant?: "per-student" | "fixed";
  /** Numeric exercises with one variant for all: why they cannot vary (src/components/coursework/numeric-fixed.ts). */
  variantReason?: string;
}
