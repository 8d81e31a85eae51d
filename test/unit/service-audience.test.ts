import { describe, expect, it } from "vitest";
import { audiencesOf, mayBeServed } from "../../src/domain/services/audience";

describe("who is served", () => {
  it("places an organization by its residency and its graduation", () => {
    expect(audiencesOf({ residency: "resident", graduated: false })).toEqual(["resident"]);
    expect(audiencesOf({ residency: "virtual", graduated: true })).toEqual(["virtual", "graduated"]);
    expect(audiencesOf({ residency: "none", graduated: false })).toEqual(["public"]);
  });
  it("serves a person on their own only where the public may come", () => {
    expect(mayBeServed(["resident", "virtual"], null)).toBe(false);
    expect(mayBeServed(["public"], null)).toBe(true);
    expect(mayBeServed(["virtual"], { residency: "virtual", graduated: false })).toBe(true);
    expect(mayBeServed(["graduated"], { residency: "resident", graduated: false })).toBe(false);
  });
});
