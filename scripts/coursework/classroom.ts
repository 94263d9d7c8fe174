/**
 * The student edition's GitHub Classroom autograding workflow
 * (.github/workflows/classroom.yml, the format GitHub Classroom writes): one
 * step per code exercise, running that exercise's visible tests with
 * `classroom-resources/autograding-command-grader` for the exercise's points,
 * then the reporter that sums them. It runs the visible tests only (the
 * hidden ones stay with the instructor's `npm run grade`), so its score is
 * all-or-nothing per exercise on the visible cases.
 */
import type { ExerciseInfo } from "../../exercises/index.js";

/** The step id of an exercise: its id with "/" turned into "-". */
export const stepId = (id: string) => id.replace(/[^a-z0-9]+/gi, "-");

export function classroomWorkflow(code: readonly ExerciseInfo[]): string {
  const steps = code.flatMap((e) => [
    `    - name: ${e.id}`,
    `      id: ${stepId(e.id)}`,
    `      uses: classroom-resources/autograding-command-grader@v1`,
    `      with:`,
    `        test-name: ${JSON.stringify(`${e.id}: ${e.title}`)}`,
    `        setup-command: ""`,
    `        command: npx vitest run exercises/${e.id}.test.ts`,
    `        timeout: 5`,
    `        max-score: ${e.points}`,
  ]);
  return [
    "# GitHub Classroom autograding: each exercise's visible tests, for its points.",
    "name: Autograding Tests",
    "on:",
    "  - push",
    "  - repository_dispatch",
    "permissions:",
    "  checks: write",
    "  actions: read",
    "  contents: read",
    "jobs:",
    "  run-autograding-tests:",
    "    runs-on: ubuntu-latest",
    "    if: github.actor != 'github-classroom[bot]'",
    "    steps:",
    "    - name: Checkout code",
    "      uses: actions/checkout@v4",
    "    - name: Set up Node.js",
    "      uses: actions/setup-node@v4",
    "      with:",
    "        node-version: 20",
    "    - name: Install",
    "      run: npm install --no-audit --no-fund",
    ...steps,
    "    - name: Autograding Reporter",
    "      uses: classroom-resources/autograding-grading-reporter@v1",
    "      env:",
    ...code.map((e) => `        ${stepId(e.id).toUpperCase()}_RESULTS: "\${{steps.${stepId(e.id)}.outputs.result}}"`),
    "      with:",
    `        runners: ${code.map((e) => stepId(e.id)).join(",")}`,
    "",
  ].join("\n");
}
