import { describe, expect, it } from "vitest";
import { safeReturnTo, withReturnTo } from "../../src/web/components/returnTo";

describe("safeReturnTo", () => {
  it("keeps a path inside the app, with its query and fragment", () => {
    expect(safeReturnTo("/my-applications/5f0c")).toBe("/my-applications/5f0c");
    expect(safeReturnTo("/my-applications/5f0c?tab=1#section-checklist")).toBe(
      "/my-applications/5f0c?tab=1#section-checklist",
    );
  });

  it.each([
    null,
    "",
    "my-applications",
    "//evil.example/x",
    "/\\evil.example",
    "https://evil.example/",
    "javascript:alert(1)",
    " /my-applications",
  ])("refuses %j", (value) => {
    expect(safeReturnTo(value)).toBeNull();
  });

  it("survives the round trip through a query string", () => {
    const link = withReturnTo("/organizations/7/edit", "/my-applications/5f0c", { focus: "foundedOn" });
    const params = new URL(link, "https://x.invalid").searchParams;
    expect(safeReturnTo(params.get("returnTo"))).toBe("/my-applications/5f0c");
    expect(params.get("focus")).toBe("foundedOn");
  });
});
