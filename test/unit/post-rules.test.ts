/** The rules of posts (资讯): the lifecycle table and who a targeting reaches. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  availablePostEvents,
  isAudienceEditable,
  isTargeted,
  matchesTargeting,
  nextPostStatus,
  POST_EVENTS,
  POST_STATUSES,
  type PostTargeting,
} from "../../src/domain/services/post";

const none: PostTargeting = { tracks: [], cohortIds: [], residencies: [], fields: [] };

describe("the post lifecycle", () => {
  it("publishes a draft, withdraws a published post, takes a withdrawn one back to a draft, nothing else", () => {
    expect(nextPostStatus("draft", "publish")).toBe("published");
    expect(nextPostStatus("published", "withdraw")).toBe("withdrawn");
    expect(nextPostStatus("withdrawn", "redraft")).toBe("draft");
    expect(nextPostStatus("draft", "withdraw")).toBeNull();
    expect(nextPostStatus("published", "publish")).toBeNull();
    expect(isAudienceEditable("draft")).toBe(true);
    expect(isAudienceEditable("published")).toBe(false);
  });

  it("offers exactly the events the table allows, from every status", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...POST_STATUSES),
        fc.constantFrom(...POST_EVENTS),
        (status, event) =>
          availablePostEvents(status).includes(event) === (nextPostStatus(status, event) !== null),
      ),
    );
  });
});

describe("targeting", () => {
  const org = {
    residency: "resident" as const,
    fields: ["elderly", "health"] as const,
    incubation: { track: "org" as const, cohortId: "c1" },
  };

  it("reaches everyone when untargeted; each list is any-of, the lists together all-of", () => {
    expect(isTargeted(none)).toBe(false);
    expect(matchesTargeting(none, org)).toBe(true);
    expect(matchesTargeting({ ...none, cohortIds: ["c1", "c2"] }, org)).toBe(true);
    expect(matchesTargeting({ ...none, cohortIds: ["c2"] }, org)).toBe(false);
    expect(matchesTargeting({ ...none, fields: ["culture", "health"], residencies: ["resident"] }, org)).toBe(
      true,
    );
    expect(matchesTargeting({ ...none, fields: ["health"], residencies: ["virtual"] }, org)).toBe(false);
    expect(matchesTargeting({ ...none, tracks: ["org"] }, { ...org, incubation: null })).toBe(false);
  });
});
