import { describe, expect, it } from "vitest";
import { isTransientConflict, isUniqueViolation } from "../../src/db/sql-text";

describe("the database errors the server answers itself", () => {
  it("knows a deadlock and a serialization failure, raw from the driver or wrapped by Drizzle", () => {
    for (const code of ["40P01", "40001"]) {
      expect(isTransientConflict({ code })).toBe(true);
      expect(isTransientConflict({ message: "Failed query", cause: { code } })).toBe(true);
    }
  });

  it("leaves every other failure to be reported as one", () => {
    for (const error of [null, undefined, new Error("x"), { code: "23505" }, { cause: { code: "57014" } }]) {
      expect(isTransientConflict(error)).toBe(false);
    }
    expect(isUniqueViolation({ cause: { code: "23505" } })).toBe(true);
  });
});
