/**
 * A hand-written check of Gradescope's autograder output, results.json
 * (https://gradescope-autograders.readthedocs.io/en/latest/specs/): the
 * fields the grader writes, their types and the allowed visibilities, plus
 * two consistency rules of ours (each test's score within [0, max_score],
 * the total the sum of the tests). Returns the problems found, none if valid.
 */
const VISIBILITIES = ["hidden", "after_due_date", "after_published", "visible"];
const TOP_LEVEL = ["score", "execution_time", "output", "output_format", "visibility", "stdout_visibility", "extra_data", "tests", "leaderboard"];
const TEST_KEYS = ["score", "max_score", "status", "name", "name_format", "number", "output", "output_format", "tags", "visibility", "extra_data"];

const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

export function gradescopeProblems(results: unknown): string[] {
  const problems: string[] = [];
  if (results === null || typeof results !== "object" || Array.isArray(results)) return ["results.json must be an object"];
  const r = results as Record<string, unknown>;
  for (const key of Object.keys(r)) if (!TOP_LEVEL.includes(key)) problems.push(`unknown top-level key ${JSON.stringify(key)}`);
  if (!("score" in r) && !Array.isArray(r.tests)) problems.push("score is required when there are no tests");
  if ("score" in r && !isNumber(r.score)) problems.push("score must be a finite number");
  if ("execution_time" in r && !(isNumber(r.execution_time) && r.execution_time >= 0)) problems.push("execution_time must be a number of seconds ≥ 0");
  if ("output" in r && typeof r.output !== "string") problems.push("output must be a string");
  for (const key of ["visibility", "stdout_visibility"]) {
    if (key in r && !VISIBILITIES.includes(r[key] as string)) problems.push(`${key} must be one of ${VISIBILITIES.join(", ")}`);
  }
  if ("tests" in r) {
    if (!Array.isArray(r.tests)) problems.push("tests must be an array");
    else {
      let sum = 0;
      r.tests.forEach((t: unknown, i: number) => {
        const where = `tests[${i}]`;
        if (t === null || typeof t !== "object") return problems.push(`${where} must be an object`);
        const test = t as Record<string, unknown>;
        for (const key of Object.keys(test)) if (!TEST_KEYS.includes(key)) problems.push(`${where}: unknown key ${JSON.stringify(key)}`);
        if (typeof test.name !== "string" || !test.name) problems.push(`${where}.name must be a non-empty string`);
        if (!isNumber(test.score)) problems.push(`${where}.score must be a finite number`);
        if (!isNumber(test.max_score) || test.max_score < 0) problems.push(`${where}.max_score must be a number ≥ 0`);
        if (isNumber(test.score) && isNumber(test.max_score) && (test.score < 0 || test.score > test.max_score + 1e-9)) problems.push(`${where}.score must be within [0, max_score]`);
        if ("output" in test && typeof test.output !== "string") problems.push(`${where}.output must be a string`);
        if ("number" in test && typeof test.number !== "string") problems.push(`${where}.number must be a string`);
        if ("status" in test && test.status !== "passed" && test.status !== "failed") problems.push(`${where}.status must be "passed" or "failed"`);
        if ("visibility" in test && !VISIBILITIES.includes(test.visibility as string)) problems.push(`${where}.visibility must be one of ${VISIBILITIES.join(", ")}`);
        if ("tags" in test && !(Array.isArray(test.tags) && test.tags.every((x) => typeof x === "string"))) problems.push(`${where}.tags must be an array of strings`);
        if (isNumber(test.score)) sum += test.score;
      });
      if (isNumber(r.score) && Math.abs(r.score - sum) > 1e-6) problems.push(`score ${r.score} is not the sum of the tests' scores (${sum})`);
    }
  }
  return problems;
}
