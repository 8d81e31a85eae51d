import { describe, expect, it } from "vitest";
import { NOTIFICATION_TEXTS } from "../../src/schemas/platform/notifications";
import { renderNoticeSms } from "../../src/server/areas/platform/notifications/sms-text";

const params = {
  applicationId: "00000000-0000-4000-8000-000000000001",
  decision: "admitted",
  reason: "综合排名第一",
  releasedSummary: "专家组认可其社区服务基础",
  confirmBy: "2026-12-14T15:59:59.999Z",
  callTitle: "2026年度社会组织孵化招募",
  organizationName: "回龙观社区服务中心",
  offered: 0,
};

describe("the decision letter", () => {
  it("says the outcome, the reason, the released summary and the day to confirm by (Beijing), in both languages", () => {
    const zh = NOTIFICATION_TEXTS["zh-CN"].admission_decision(params);
    expect(zh.title).toBe("入壳结果通知书：拟入壳");
    expect(zh.body).toContain("综合排名第一");
    expect(zh.body).toContain("专家组认可其社区服务基础");
    expect(zh.body).toContain("2026-12-14");
    const en = NOTIFICATION_TEXTS.en.admission_decision(params);
    expect(en.title).toBe("Admission letter: admitted");
    expect(en.body).toContain("by 2026-12-14 (Beijing time)");
  });

  it("reads differently for the waitlist, a rejection and a place offered from the waitlist", () => {
    const zh = NOTIFICATION_TEXTS["zh-CN"].admission_decision;
    expect(zh({ ...params, decision: "waitlisted" }).title).toBe("入壳结果通知书：候补");
    expect(zh({ ...params, decision: "rejected", releasedSummary: null }).body).not.toContain("评审意见摘要");
    expect(zh({ ...params, offered: 1 }).body).toContain("放弃入壳");
  });

  it("is texted short, with the link and no reason (it may be long and the link opens it)", () => {
    const sms = renderNoticeSms(
      "zh-CN",
      "admission_decision",
      params,
      "https://example.org/my-applications/1",
    );
    expect(sms).toContain("已确定入壳，请于12月14日前登录确认");
    expect(sms).not.toContain("综合排名第一");
    expect(sms?.endsWith("https://example.org/my-applications/1")).toBe(true);
    expect(renderNoticeSms("en", "admission_decision", { ...params, decision: "rejected" }, null)).toContain(
      "was not selected this time",
    );
    expect(
      renderNoticeSms("zh-CN", "admission_decision", { ...params, decision: "unknown" }, null),
    ).toBeNull();
  });
});
