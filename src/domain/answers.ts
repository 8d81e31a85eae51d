/**
 * Checks an application's answers to a call's extra questions. Drafts may be incomplete; a
 * submit needs every required answer and every answer well-formed.
 */
import { dayProblem } from "./calendar";
import { answerMaxLength, numberRule, type Question } from "./call";

export type AnswerValue = string | number | string[] | null;
export type Answers = Record<string, AnswerValue>;

export type AnswerProblem =
  | { key: string; code: "required" }
  | { key: string; code: "number_invalid" | "integer_required" }
  | { key: string; code: "too_small"; minimum: number }
  | { key: string; code: "too_big"; maximum: number }
  | { key: string; code: "date_invalid" | "date_nonexistent" }
  | { key: string; code: "date_out_of_range"; minimum: number; maximum: number }
  | { key: string; code: "invalid_option" }
  | { key: string; code: "too_long"; maximum: number };

function isEmpty(value: AnswerValue | undefined): boolean {
  return (
    value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0)
  );
}

/** Problems of the given answers; `forSubmit` adds the missing required ones. */
export function answerProblems(questions: Question[], answers: Answers, forSubmit: boolean): AnswerProblem[] {
  const problems: AnswerProblem[] = [];
  for (const q of questions) {
    const value = answers[q.key];
    if (isEmpty(value)) {
      if (forSubmit && q.required) problems.push({ key: q.key, code: "required" });
      continue;
    }
    const problem = valueProblem(q, value as AnswerValue);
    if (problem) problems.push(problem);
  }
  return problems;
}

function valueProblem(q: Question, value: AnswerValue): AnswerProblem | null {
  const key = q.key;
  switch (q.type) {
    case "text":
    case "long_text": {
      if (typeof value !== "string") return { key, code: "required" };
      const maximum = answerMaxLength(q) as number;
      return value.length > maximum ? { key, code: "too_long", maximum } : null;
    }
    case "number": {
      // A string ("12", "NaN") is not a number answer: the form sends numbers.
      if (typeof value !== "number" || !Number.isFinite(value)) return { key, code: "number_invalid" };
      const rule = numberRule(q);
      if (rule.integer && !Number.isInteger(value)) return { key, code: "integer_required" };
      if (value < rule.min) return { key, code: "too_small", minimum: rule.min };
      if (value > rule.max) return { key, code: "too_big", maximum: rule.max };
      return null;
    }
    case "date": {
      if (typeof value !== "string") return { key, code: "date_invalid" };
      const problem = dayProblem(value);
      if (!problem) return null;
      return problem.code === "date_out_of_range"
        ? { key, code: problem.code, ...problem.params }
        : { key, code: problem.code === "datetime_invalid" ? "date_invalid" : problem.code };
    }
    case "single_choice":
      return typeof value === "string" && q.options.includes(value) ? null : { key, code: "invalid_option" };
    case "multiple_choice":
      return Array.isArray(value) && value.every((v) => q.options.includes(v))
        ? null
        : { key, code: "invalid_option" };
    case "file":
      // The answer is the id of a file uploaded to this application; the server checks it is one.
      return typeof value === "string" ? null : { key, code: "required" };
  }
}
