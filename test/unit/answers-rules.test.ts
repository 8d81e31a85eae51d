import { describe, expect, it } from "vitest";
import { answerProblems } from "../../src/domain/answers";
import type { Question } from "../../src/domain/call";
import { acceptedUploadType } from "../../src/domain/upload";

const q = (key: string, type: Question["type"], extra: Partial<Question> = {}): Question => ({
  key,
  label: key,
  type,
  required: false,
  options: [],
  help: null,
  tracks: null,
  ...extra,
});

const questions = [
  q("motivation", "long_text", { required: true }),
  q("count", "number"),
  q("day", "date"),
  q("one", "single_choice", { options: ["甲", "乙"] }),
  q("many", "multiple_choice", { options: ["甲", "乙"] }),
  q("photo", "file", { required: true }),
];

describe("answers", () => {
  it("drafts may be incomplete; a submit needs the required ones", () => {
    expect(answerProblems(questions, {}, false)).toEqual([]);
    expect(answerProblems(questions, {}, true)).toEqual([
      { key: "motivation", code: "required" },
      { key: "photo", code: "required" },
    ]);
  });

  it("checks each type's values", () => {
    const answers = {
      count: "3",
      day: "2026-02-30x",
      one: "丙",
      many: ["甲", "丁"],
      motivation: "x".repeat(5001),
    };
    expect(answerProblems(questions, answers, false)).toEqual([
      { key: "motivation", code: "too_long", maximum: 5000 },
      { key: "count", code: "number_invalid" },
      { key: "day", code: "date_invalid" },
      { key: "one", code: "invalid_option" },
      { key: "many", code: "invalid_option" },
    ]);
    expect(
      answerProblems(questions, { count: 3, day: "2026-02-01", one: "甲", many: ["乙"] }, false),
    ).toEqual([]);
  });
});

describe("upload types", () => {
  it("legacy Office files are accepted only by a matching name", () => {
    expect(acceptedUploadType("application/x-cfb", "旧表格.XLS")).toBe("application/vnd.ms-excel");
    expect(acceptedUploadType("application/x-cfb", "说明.doc")).toBe("application/msword");
    expect(acceptedUploadType("application/x-cfb", "setup.msi")).toBeNull();
    expect(acceptedUploadType("application/x-msdownload", "report.pdf")).toBeNull();
    expect(acceptedUploadType(undefined, "plan.docx")).toBeNull();
    expect(acceptedUploadType("application/pdf", "x.exe")).toBe("application/pdf");
  });
});
