/**
 * Stage 2's inspection record: its lifecycle, what keeps it from being signed off (each missing
 * part named, and nothing else), and the exclusions it found.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  checksFor,
  exclusionsFound,
  INSPECTION_EVENTS,
  INSPECTION_STATUSES,
  type InspectionFinding,
  type InspectionGap,
  type InspectionStatus,
  inspectionGaps,
  nextInspectionStatus,
  REGISTERED_EXCLUSIONS,
  UNREGISTERED_CONDITIONS,
} from "../../src/domain/inspection";
import { REGISTRATION_STATUSES, type RegistrationStatus } from "../../src/domain/organization";
import { MAX_FEN, ZInspectionFinding, ZInspectionPlan } from "../../src/schemas/admission/inspections";

function complete(registration: RegistrationStatus): InspectionFinding {
  return {
    leader: {
      background: "社工专业，从事社区养老服务八年",
      commitment: "全职投入，个人出资启动",
      skills: "项目设计与志愿者管理",
      referencesChecked: true,
      referencesNote: "社区居委会主任评价良好",
    },
    businessModel: "政府购买服务为主，低偿助餐补充",
    finances: {
      incomeSources: ["government_purchase", "service_fees"],
      lastYearIncomeFen: 48_000_000,
      lastYearSpendingFen: 45_500_000,
      stability: "partly_stable",
    },
    governance: "有章程与理事会，财务由专职会计记账",
    risks: "依赖单一购买方",
    checks: Object.fromEntries(
      checksFor(registration).map((check) => [
        check,
        { answer: registration === "unregistered" ? "yes" : "no", evidence: "查询信用中国与年检结果" },
      ]),
    ),
    recommendation: { decision: "proceed", reason: "需求明确，团队稳定" },
  };
}

/** Every path the form can leave empty, each with the record that has only that part removed. */
function withoutOne(registration: RegistrationStatus): [InspectionGap, InspectionFinding][] {
  const base = complete(registration);
  const cases: [InspectionGap, InspectionFinding][] = [
    ["leader.background", { ...base, leader: { ...base.leader, background: "  " } }],
    ["leader.commitment", { ...base, leader: { ...base.leader, commitment: null } }],
    ["leader.skills", { ...base, leader: { ...base.leader, skills: undefined } }],
    ["leader.referencesChecked", { ...base, leader: { ...base.leader, referencesChecked: null } }],
    ["businessModel", { ...base, businessModel: "" }],
    ["finances.incomeSources", { ...base, finances: { ...base.finances, incomeSources: [] } }],
    ["finances.lastYearIncomeFen", { ...base, finances: { ...base.finances, lastYearIncomeFen: -1 } }],
    ["finances.lastYearSpendingFen", { ...base, finances: { ...base.finances, lastYearSpendingFen: 1.5 } }],
    ["finances.stability", { ...base, finances: { ...base.finances, stability: null } }],
    ["governance", { ...base, governance: null }],
    ["risks", { ...base, risks: undefined }],
    ["recommendation.decision", { ...base, recommendation: { ...base.recommendation, decision: null } }],
    ["recommendation.reason", { ...base, recommendation: { ...base.recommendation, reason: " " } }],
  ];
  for (const check of checksFor(registration)) {
    cases.push([`checks.${check}`, { ...base, checks: { ...base.checks, [check]: { answer: "unknown" } } }]);
    cases.push([
      `checks.${check}.evidence`,
      { ...base, checks: { ...base.checks, [check]: { answer: "no", evidence: "", fileIds: [] } } },
    ]);
  }
  return cases;
}

describe("the inspection lifecycle", () => {
  it("goes planned → recording → signed off, and a correction reopens a new version", () => {
    expect(nextInspectionStatus("planned", "record")).toBe("recording");
    expect(nextInspectionStatus("recording", "record")).toBe("recording");
    expect(nextInspectionStatus("recording", "sign_off")).toBe("signed_off");
    expect(nextInspectionStatus("signed_off", "correct")).toBe("recording");
  });

  it("refuses what would change a signed-off or cancelled record", () => {
    expect(nextInspectionStatus("planned", "sign_off")).toBeNull(); // nothing recorded yet
    expect(nextInspectionStatus("signed_off", "record")).toBeNull();
    expect(nextInspectionStatus("signed_off", "cancel")).toBeNull();
    for (const event of INSPECTION_EVENTS) expect(nextInspectionStatus("cancelled", event)).toBeNull();
  });

  it("never leaves its statuses, whatever events arrive", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...INSPECTION_EVENTS), { maxLength: 30 }), (events) => {
        let status: InspectionStatus = "planned";
        for (const event of events) {
          const next = nextInspectionStatus(status, event);
          if (next === null) continue;
          expect(INSPECTION_STATUSES).toContain(next);
          if (status === "cancelled") throw new Error("left cancelled");
          status = next;
        }
      }),
    );
  });
});

describe("signing off an inspection", () => {
  it.each(REGISTRATION_STATUSES)("a complete record of a %s organization has no gap", (registration) => {
    expect(inspectionGaps(complete(registration), registration)).toEqual([]);
  });

  it("names every part of an empty record, in the form's order", () => {
    expect(inspectionGaps({}, "social_group")).toEqual([
      "leader.background",
      "leader.commitment",
      "leader.skills",
      "leader.referencesChecked",
      "businessModel",
      "finances.incomeSources",
      "finances.lastYearIncomeFen",
      "finances.lastYearSpendingFen",
      "finances.stability",
      "governance",
      "risks",
      ...REGISTERED_EXCLUSIONS.map((c) => `checks.${c}`),
      "recommendation.decision",
      "recommendation.reason",
    ]);
  });

  it.each(REGISTRATION_STATUSES)("%s: one missing part is exactly one gap, that part", (registration) => {
    for (const [gap, finding] of withoutOne(registration)) {
      expect(inspectionGaps(finding, registration), gap).toEqual([gap]);
    }
  });

  it("takes a file as a check's evidence, and references not checked as an answer", () => {
    const base = complete("social_group");
    const byFile = {
      ...base,
      checks: {
        ...base.checks,
        no_own_bank_account: { answer: "no" as const, evidence: null, fileIds: ["f1"] },
      },
    };
    expect(inspectionGaps(byFile, "social_group")).toEqual([]);
    expect(
      inspectionGaps({ ...base, leader: { ...base.leader, referencesChecked: false } }, "social_group"),
    ).toEqual([]);
  });

  it("asks a team for the team's conditions, not a registered organization's exclusions", () => {
    expect(checksFor("unregistered")).toEqual(UNREGISTERED_CONDITIONS);
    expect(checksFor("foundation")).toEqual(REGISTERED_EXCLUSIONS);
    const gaps = inspectionGaps({}, "unregistered");
    expect(gaps).toContain("checks.name_approved");
    expect(gaps).not.toContain("checks.no_own_bank_account");
  });
});

describe("the exclusions an inspection found", () => {
  it("names a registered organization's exclusions answered yes, and a team's conditions answered no", () => {
    const registered = complete("social_group");
    expect(exclusionsFound(registered, "social_group")).toEqual([]);
    registered.checks = {
      ...registered.checks,
      administrative_penalty_2y: { answer: "yes", evidence: "区市场监管局 2025 年处罚决定书" },
      abnormal_or_dishonest_listing: { answer: "unknown" },
    };
    expect(exclusionsFound(registered, "social_group")).toEqual(["administrative_penalty_2y"]);

    const team = complete("unregistered");
    team.checks = { ...team.checks, stable_core_team: { answer: "no", evidence: "核心成员仅一人" } };
    expect(exclusionsFound(team, "unregistered")).toEqual(["stable_core_team"]);
  });
});

describe("the inspection record's contract", () => {
  /** The path and message code of the first problem, or null when the input is taken. */
  function refusal(input: unknown): [string, string] | null {
    const parsed = ZInspectionFinding.safeParse(input);
    if (parsed.success) return null;
    const issue = parsed.error.issues[0];
    return [issue?.path.join(".") ?? "", issue?.message ?? ""];
  }

  it.each(REGISTRATION_STATUSES)(
    "takes a complete %s record as the sign-off rules read it",
    (registration) => {
      const parsed = ZInspectionFinding.parse(complete(registration));
      expect(inspectionGaps(parsed, registration)).toEqual([]);
    },
  );

  it("takes an empty draft, and reads a cleared field as not given", () => {
    expect(ZInspectionFinding.parse({})).toEqual({});
    expect(ZInspectionFinding.parse({ governance: "  ", leader: { skills: "" } })).toEqual({
      governance: null,
      leader: { skills: null },
    });
  });

  it("refuses what the database must never hold, naming the field", () => {
    expect(refusal({ risks: "资金\u0000断裂" })?.[0]).toBe("risks");
    expect(refusal({ finances: { lastYearIncomeFen: -100 } })?.[0]).toBe("finances.lastYearIncomeFen");
    expect(refusal({ finances: { lastYearIncomeFen: 12.5 } })?.[0]).toBe("finances.lastYearIncomeFen");
    expect(refusal({ finances: { lastYearSpendingFen: MAX_FEN + 1 } })).toEqual([
      "finances.lastYearSpendingFen",
      "too_big",
    ]);
    expect(refusal({ finances: { incomeSources: ["donations", "donations"] } })).toEqual([
      "finances.incomeSources",
      "duplicate",
    ]);
    // An unknown check is refused on the checks as a whole (Zod names the record, not the key).
    expect(refusal({ checks: { tax_evasion: { answer: "no" } } })?.[0]).toBe("checks");
    expect(refusal({ checks: { no_own_bank_account: { answer: "maybe" } } })?.[0]).toBe(
      "checks.no_own_bank_account.answer",
    );
    expect(refusal({ governance: "x".repeat(4001) })).toEqual(["governance", "too_long"]);
  });

  it("plans an inspection with at least one inspector, each once", () => {
    const plan = {
      scheduledAt: "2026-12-10T02:00:00.000Z",
      mode: "on_site",
      inspectorIds: [crypto.randomUUID()],
    };
    expect(ZInspectionPlan.safeParse(plan).success).toBe(true);
    expect(ZInspectionPlan.safeParse({ ...plan, inspectorIds: [] }).success).toBe(false);
    const id = crypto.randomUUID();
    expect(ZInspectionPlan.safeParse({ ...plan, inspectorIds: [id, id] }).success).toBe(false);
    expect(ZInspectionPlan.safeParse({ ...plan, mode: "by_letter" }).success).toBe(false);
    expect(ZInspectionPlan.safeParse({ ...plan, scheduledAt: "2026-13-40T99:00:00Z" }).success).toBe(false);
  });
});
