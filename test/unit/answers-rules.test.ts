import { describe, expect, it } from "vitest";
import { answerProblems } from "../../src/domain/answers";
import { answerMaxLength, type Question } from "../../src/domain/call";
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

describe("a question's own length limit", () => {
  it("holds within the type's limit, and calls without one keep the type's", () => {
    const short = [q("intro", "long_text", { maxLength: 300 }), q("name", "text", { maxLength: 20 })];
    expect(answerProblems(short, { intro: "字".repeat(300), name: "名".repeat(20) }, false)).toEqual([]);
    expect(answerProblems(short, { intro: "字".repeat(301), name: "名".repeat(21) }, false)).toEqual([
      { key: "intro", code: "too_long", maximum: 300 },
      { key: "name", code: "too_long", maximum: 20 },
    ]);
    // A limit above the type's (refused when the call is saved) never lifts the type's.
    expect(answerProblems([q("t", "text", { maxLength: 1000 })], { t: "x".repeat(201) }, false)).toEqual([
      { key: "t", code: "too_long", maximum: 200 },
    ]);
    expect(answerMaxLength(q("old", "long_text"))).toBe(5000);
    expect(answerMaxLength(q("n", "number", { maxLength: 3 }))).toBeNull();
  });
});

describe("number questions", () => {
  const bounded = [
    q("age", "number", { min: 0, max: 120, integer: true }),
    q("ratio", "number", { min: -1.5 }),
  ];

  it("hold answers to the call's range and integer rule", () => {
    expect(answerProblems(bounded, { age: 0, ratio: -1.5 }, false)).toEqual([]);
    expect(answerProblems(bounded, { age: 120, ratio: 1e6 }, false)).toEqual([]);
    expect(answerProblems(bounded, { age: -1, ratio: -2 }, false)).toEqual([
      { key: "age", code: "too_small", minimum: 0 },
      { key: "ratio", code: "too_small", minimum: -1.5 },
    ]);
    expect(answerProblems(bounded, { age: 121 }, false)).toEqual([
      { key: "age", code: "too_big", maximum: 120 },
    ]);
    expect(answerProblems(bounded, { age: 12.5 }, false)).toEqual([{ key: "age", code: "integer_required" }]);
  });

  it("refuse strings, and numbers beyond the safe range even when the call sets no bounds", () => {
    const old = [q("n", "number")]; // a call saved before bounds existed
    expect(answerProblems(old, { n: 3.25 }, false)).toEqual([]);
    expect(answerProblems(old, { n: -9007199254740991 }, false)).toEqual([]);
    expect(answerProblems(old, { n: 1e308 }, false)).toEqual([
      { key: "n", code: "too_big", maximum: Number.MAX_SAFE_INTEGER },
    ]);
    expect(answerProblems(old, { n: -1e20 }, false)).toEqual([
      { key: "n", code: "too_small", minimum: -Number.MAX_SAFE_INTEGER },
    ]);
    for (const n of ["NaN", "12", "Infinity", "1e308"]) {
      expect(answerProblems(old, { n }, false), n).toEqual([{ key: "n", code: "number_invalid" }]);
    }
    expect(answerProblems(old, { n: Number.NaN }, false)).toEqual([{ key: "n", code: "number_invalid" }]);
  });
});

describe("date questions", () => {
  it("take real days of 1900..2100 and say what is wrong with the others", () => {
    const day = [q("day", "date")];
    expect(answerProblems(day, { day: "2024-02-29" }, false)).toEqual([]);
    expect(answerProblems(day, { day: "2023-02-29" }, false)).toEqual([
      { key: "day", code: "date_nonexistent" },
    ]);
    expect(answerProblems(day, { day: "2026-02-30" }, false)).toEqual([
      { key: "day", code: "date_nonexistent" },
    ]);
    expect(answerProblems(day, { day: "0000-01-01" }, false)).toEqual([
      { key: "day", code: "date_out_of_range", minimum: 1900, maximum: 2100 },
    ]);
    expect(answerProblems(day, { day: "+275760-01-01" }, false)).toEqual([
      { key: "day", code: "date_invalid" },
    ]);
  });
});

describe("upload types", () => {
  it("a compound file is Word or Excel by the streams inside, whatever its name", () => {
    const cfb = "application/x-cfb";
    expect(acceptedUploadType(cfb, ["WordDocument", "1Table", "\u0005SummaryInformation"])).toBe(
      "application/msword",
    );
    expect(acceptedUploadType(cfb, ["Workbook"])).toBe("application/vnd.ms-excel");
    expect(acceptedUploadType(cfb, ["Book"])).toBe("application/vnd.ms-excel");
    expect(acceptedUploadType(cfb, ["WORKBOOK"])).toBe("application/vnd.ms-excel");
    // An installer or a mail message: a compound file without a document's streams.
    expect(acceptedUploadType(cfb, ["\u4840\u3f3f\u4577"])).toBeNull();
    expect(acceptedUploadType(cfb, [])).toBeNull();
    expect(acceptedUploadType(cfb, null)).toBeNull();
  });

  it("anything else by its sniffed type alone", () => {
    expect(acceptedUploadType("application/x-msdownload")).toBeNull();
    expect(acceptedUploadType(undefined)).toBeNull();
    expect(acceptedUploadType("application/pdf")).toBe("application/pdf");
  });
});
