/**
 * The mentor programme in the browser: the demo mentor (陈思远) opens its home on a phone, logs a
 * session with the `member` account's organization (date, duration, topics, advice, action items
 * with owners and due dates); the member confirms it took place and rates it; the action items
 * are in the incubation plan, saying where they came from. Staff's to-do card leads to the mentor
 * directory. axe on every screen; the phone's session log is photographed to be looked at.
 */
import { copyFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";
import { shanghaiDate } from "../../src/domain/shanghai-time";
import type { MentorHomeView, SessionList } from "../../src/schemas/services/mentoring";
import { checkA11y } from "./support/a11y";
import { DESKTOP, PHONE } from "./support/browser";
import { E2E_TEST_TIMEOUT, setupE2E } from "./support/e2e";
import { shot } from "./support/shot";
import { button, pageHeading, signIn, UI_WAIT } from "./support/ui";

const e2e = setupE2E();
const LOOK = "/tmp/shots-mentoring";
const ADVICE = "先把志愿者排班表固定下来，再谈扩展服务点。";

test(
  "a mentor logs a session on a phone; the member confirms and rates it; its action items are in the plan",
  async () => {
    mkdirSync(LOOK, { recursive: true });
    const member = await e2e.api("member");
    const { user: me } = await member.get<{ user: { organizationId: string } }>("/api/auth/me");
    const home = await (await e2e.api("mentor")).get<MentorHomeView>("/api/mentoring/home");
    const mentored = home.organizations.find((o) => o.organizationId === me.organizationId);
    if (!mentored) throw new Error("the demo mentor does not mentor the member's organization");

    // The mentor, on a phone: its home lists the organization with a button to log a session.
    const phone = await e2e.page({ viewport: PHONE, mobile: true });
    await signIn(phone, "mentor");
    const card = phone.getByRole("listitem").filter({ hasText: mentored.organizationName });
    await card.first().waitFor();
    await checkA11y(phone, "mentor's home on a phone");
    copyFileSync(await shot(phone, "mentoring-mentor-home-phone"), path.join(LOOK, "mentor-home.png"));
    await button(card.first(), "记录辅导").click();
    await pageHeading(phone, "导师辅导").waitFor();

    const today = shanghaiDate(new Date());
    const due = shanghaiDate(new Date(Date.now() + 10 * 86_400_000));
    const form = phone.locator("form");
    await form.getByLabel("辅导日期").fill(today);
    await form.getByLabel("时长（分钟）").fill("75");
    const topics = form.getByLabel("辅导主题");
    for (const topic of ["志愿者管理", "服务点扩展"]) {
      await topics.fill(topic);
      await topics.press("Enter");
    }
    await form.getByLabel("辅导建议").fill(ADVICE);
    await form.getByRole("button", { name: /添加行动事项/ }).click();
    await form.getByLabel("事项", { exact: true }).nth(0).fill("制定志愿者月度排班表");
    await form.getByLabel("完成期限").nth(0).fill(due);
    await form.getByRole("button", { name: /添加行动事项/ }).click();
    await form.getByLabel("事项", { exact: true }).nth(1).fill("介绍两位社区志愿者骨干");
    await form.getByLabel("负责方").nth(1).click();
    await phone.locator('.ant-select-item-option[title="导师"]').click();
    await form.getByLabel("完成期限").nth(1).fill(due);
    await button(form, "记录辅导").click();
    await phone.getByText("辅导已记录，已通知组织确认").waitFor();

    // The session log shows it at the top, with its items in the plan.
    const logged = phone.getByRole("listitem").filter({ hasText: ADVICE });
    await logged.waitFor();
    await expect.poll(() => logged.getByText("已加入孵化计划 · 进行中").count(), UI_WAIT).toBe(2);
    await logged.scrollIntoViewIfNeeded();
    await checkA11y(phone, "mentor's session log on a phone");
    copyFileSync(await shot(phone, "mentoring-session-log-phone"), path.join(LOOK, "session-log.png"));

    // The member answers from its home: it took place, four stars.
    const desk = await e2e.page({ viewport: DESKTOP });
    await signIn(desk, "member");
    const toAnswer = desk.getByRole("listitem").filter({ hasText: ADVICE });
    await toAnswer.waitFor();
    await checkA11y(desk, "member's sessions to confirm");
    await toAnswer.getByRole("radio").nth(3).click();
    await toAnswer.getByLabel("评价（选填）").fill("建议很实用");
    await button(toAnswer, "确认已进行").click();
    await desk.getByText("感谢您的反馈").waitFor();
    const sessions = await member.get<SessionList>(
      `/api/incubations/${mentored.incubationId}/mentoring-sessions`,
    );
    expect(sessions.items.find((s) => s.advice === ADVICE)).toMatchObject({
      status: "confirmed",
      rating: 4,
      ratingComment: "建议很实用",
      topics: ["志愿者管理", "服务点扩展"],
      minutes: 75,
    });

    // The plan has both items under the mentoring goal, each saying where it came from.
    await desk.goto(`/incubations/${mentored.incubationId}/plan`);
    for (const title of ["制定志愿者月度排班表", "介绍两位社区志愿者骨干"]) {
      const action = desk.getByRole("listitem").filter({ hasText: title });
      await action.waitFor();
      await action.getByText(`来自导师辅导：陈思远，${today}`).waitFor();
    }
    await checkA11y(desk, "plan with the mentoring actions");
    copyFileSync(await shot(desk, "mentoring-plan-actions"), path.join(LOOK, "plan.png"));
  },
  E2E_TEST_TIMEOUT,
);

test(
  "staff's mentoring to-do card leads to the mentor directory",
  async () => {
    const page = await e2e.page({ viewport: DESKTOP });
    await signIn(page, "staff");
    const card = page.locator(".ant-card").filter({ has: page.getByRole("heading", { name: /待安排导师/ }) });
    await card.waitFor();
    await checkA11y(page, "staff home with the mentoring card");
    await card.getByRole("link", { name: "查看导师库" }).click();
    await pageHeading(page, "导师库").waitFor();
    expect(new URL(page.url()).pathname).toBe("/mentors");
  },
  E2E_TEST_TIMEOUT,
);
