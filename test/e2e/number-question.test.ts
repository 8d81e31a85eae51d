/**
 * A number question's bounds: staff set the range and "whole numbers only" in the call editor
 * (a maximum below the minimum is marked at once); the applicant sees the rule under the field
 * and the server's message when an answer breaks it. Desktop and phone width.
 */
import path from "node:path";
import type { Page } from "playwright-core";
import { expect, test } from "vitest";
import type { Call } from "../../src/schemas/recruitment/calls";
import { defaultCallRules } from "../factories";
import { DESKTOP } from "./support/browser";
import { E2E_TEST_TIMEOUT, setupE2E } from "./support/e2e";
import { SHOT_DIR } from "./support/shot";
import { fieldDescription, pageHeading, signIn, UI_WAIT } from "./support/ui";

const e2e = setupE2E();
const PHONE = { width: 390, height: 844 };
const question = {
  key: "staff_count",
  label: "专职人员人数",
  type: "number",
  required: true,
  options: [],
  help: null,
  tracks: null,
  min: 0,
  max: 50,
  integer: true,
};

const part = (page: Page, selector: string, name: string) =>
  page
    .locator(selector)
    .first()
    .screenshot({ path: path.join(SHOT_DIR, `${name}.png`) });

test(
  "staff set a number question's range; the applicant sees it and the server holds answers to it",
  async () => {
    const staff = await e2e.api("staff");
    const rules = { ...defaultCallRules(), questions: [question] };
    const draft = await staff.post<Call>("/api/calls", { title: "数值题测试招募", description: "", rules });

    for (const [viewport, suffix] of [
      [DESKTOP, "desktop"],
      [PHONE, "phone"],
    ] as const) {
      const page = await e2e.page({ viewport, mobile: suffix === "phone" });
      await signIn(page, "staff");
      await page.goto(`/calls/${draft.id}/edit`);
      await pageHeading(page, /编辑招募/).waitFor();
      const min = page.getByLabel("最小值（选填）");
      const max = page.getByLabel("最大值（选填）");
      expect(await min.inputValue()).toBe("0");
      expect(await max.inputValue()).toBe("50");
      expect(await page.getByRole("switch", { name: "只收整数" }).getAttribute("aria-checked")).toBe("true");
      await min.fill("80");
      await max.click();
      await expect.poll(() => fieldDescription(max), UI_WAIT).toContain("最大值不能小于最小值");
      await page
        .getByText("只收整数", { exact: true })
        .locator("xpath=ancestor::div[contains(@class, 'ant-card-type-inner')][1]")
        .screenshot({ path: path.join(SHOT_DIR, `number-question-editor-${suffix}.png`) });
    }

    const published = await staff.post<Call>(`/api/calls/${draft.id}/publish`, { version: draft.version });
    const member = await e2e.api("member");
    const application = await member.post<{ id: string }>("/api/applications", {
      callId: published.id,
      track: "org",
    });
    for (const [viewport, suffix] of [
      [DESKTOP, "desktop"],
      [PHONE, "phone"],
    ] as const) {
      const page = await e2e.page({ viewport, mobile: suffix === "phone" });
      await signIn(page, "member");
      await page.goto(`/my-applications/${application.id}`);
      const field = page.getByLabel(/专职人员人数/);
      await field.waitFor();
      await page.getByText("范围 0 至 50；须为整数").waitFor();
      await field.fill(suffix === "phone" ? "2.5" : "80");
      await field.blur();
      const message = suffix === "phone" ? "请输入整数" : "不能大于 50";
      await page.locator("#section-questions").getByText(message).waitFor();
      await part(page, "#section-questions", `number-question-answer-${suffix}`);
      await field.fill("12");
      await field.blur();
      await expect.poll(() => page.locator("#section-questions").getByText(message).count(), UI_WAIT).toBe(0);
    }
  },
  E2E_TEST_TIMEOUT,
);
