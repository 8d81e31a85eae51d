/**
 * What staff do for others on trainings, and the public's view: enrolling a named person and an
 * organization from a training's page (the second onto the waitlist); the talent programme's
 * progress with a certificate issued and printed on one A4 page; the editor's stale save kept on
 * top of the latest; and the portal's training on a phone, with no one's enrolment on it.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { expect, test } from "vitest";
import type { EnrolmentCandidate, EnrolmentEntry, TrainingView } from "../../src/schemas/services/trainings";
import { checkA11y } from "./support/a11y";
import type { ApiClient } from "./support/api";
import { DESKTOP } from "./support/browser";
import { E2E_TEST_TIMEOUT, setupE2E } from "./support/e2e";
import { SHOT_DIR, shot } from "./support/shot";
import { button, pageHeading, signIn, UI_WAIT } from "./support/ui";

const e2e = setupE2E();
const LOOK = "/tmp/shots-trainings";
const PHONE = { width: 390, height: 844 };

const inHours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

async function publishedTraining(
  staff: ApiClient,
  values: Record<string, unknown> = {},
): Promise<TrainingView> {
  const made = await staff.post<TrainingView>("/api/trainings", {
    topic: "公益项目传播与筹款",
    description: "如何讲好项目故事、策划一次线上筹款。",
    trainerName: "周老师（资深筹款顾问）",
    startsAt: inHours(48),
    endsAt: inHours(50.5),
    place: "孵化基地二楼培训室",
    capacity: 1,
    audiences: ["resident", "virtual", "graduated", "public"],
    ...values,
  });
  return staff.post<TrainingView>(`/api/trainings/${made.id}/publish`, { version: made.version });
}

function look(file: string, name: string) {
  mkdirSync(LOOK, { recursive: true });
  copyFileSync(file, path.join(LOOK, `${name}.png`));
}

test(
  "staff enrol a named person, then an organization onto the waitlist, from the training's page",
  async () => {
    const staff = await e2e.api("staff");
    const training = await publishedTraining(staff, { topic: "代为报名测试培训" });
    const candidates = await staff.get<{ items: EnrolmentCandidate[] }>(
      `/api/trainings/${training.id}/enrolment-candidates`,
    );
    const member = candidates.items.find((c) => c.organizationName);
    if (!member?.organizationName) throw new Error("no member account in the demo data");

    const page = await e2e.page({ viewport: DESKTOP });
    await signIn(page, "staff");
    await page.goto(`/trainings/${training.id}`);
    await pageHeading(page, "代为报名测试培训").waitFor();
    await button(page, "代为报名").click();
    const dialog = page.getByRole("dialog", { name: "代为报名" });
    await dialog.waitFor();

    // A person on their own, found by name.
    const person = dialog.getByRole("combobox", { name: "人员" });
    await person.click();
    await person.fill("赵文");
    await page.locator(".ant-select-item-option", { hasText: "赵文静" }).click();
    await checkA11y(page, "staff enrolment dialog");
    look(await shot(page, "training-enrol-dialog"), "enrol-dialog");
    await dialog.getByRole("button", { name: "报名", exact: true }).click();
    await page.getByText("已为 赵文静 报名").waitFor();
    await dialog.waitFor({ state: "detached" });

    // An organization: its member is listed, and the seat being taken, they wait.
    await button(page, "代为报名").click();
    const org = dialog.getByRole("combobox", { name: "机构" });
    await org.click();
    await org.fill(member.organizationName.slice(0, 4));
    await page.locator(".ant-select-item-option", { hasText: member.organizationName }).first().click();
    await person.click();
    await page.locator(".ant-select-item-option", { hasText: member.name }).first().click();
    await dialog.getByRole("button", { name: "报名", exact: true }).click();
    await page.getByText(`名额已满，${member.name} 已进入候补（第 1 位）`).waitFor();
    const table = page.getByRole("table");
    await table.getByText("候补第 1 位").waitFor();
    await table.getByText("赵文静").waitFor();
    await checkA11y(page, "training with the staff's enrolments");
    look(await shot(page, "training-enrolled-by-staff"), "enrolled-by-staff");

    const view = await staff.get<TrainingView>(`/api/trainings/${training.id}`);
    const rows = view.enrolments.map((e: EnrolmentEntry) => [e.personName, e.status, e.organizationName]);
    expect(rows).toEqual([
      ["赵文静", "enrolled", null],
      [member.name, "waiting", member.organizationName],
    ]);
  },
  E2E_TEST_TIMEOUT,
);

test(
  "the talent programme's progress: a certificate issued to whoever completed it, printed on A4",
  async () => {
    const staff = await e2e.api("staff");
    const series = await staff.post<{ id: string }>("/api/training-series", {
      kind: "talent",
      title: "2026年专业人才培养计划·财务主管班",
      description: "面向社会组织财务负责人：两门必修课全部出勤即可结业。",
    });
    const modules = [
      await publishedTraining(staff, {
        topic: "非营利组织会计制度",
        seriesId: series.id,
        required: true,
        capacity: 10,
      }),
      await publishedTraining(staff, {
        topic: "项目预算与资金管理",
        seriesId: series.id,
        required: true,
        capacity: 10,
        startsAt: inHours(72),
        endsAt: inHours(75),
      }),
    ];
    const candidates = await staff.get<{ items: EnrolmentCandidate[] }>(
      `/api/trainings/${modules[0]?.id}/enrolment-candidates?q=${encodeURIComponent("孙浩然")}`,
    );
    const done = candidates.items[0];
    const behind = (
      await staff.get<{ items: EnrolmentCandidate[] }>(
        `/api/trainings/${modules[0]?.id}/enrolment-candidates?q=${encodeURIComponent("周雨桐")}`,
      )
    ).items[0];
    if (!done || !behind) throw new Error("no demo individuals");
    for (const m of modules) {
      const e = await staff.post<EnrolmentEntry>(`/api/trainings/${m.id}/enrolments`, {
        personId: done.personId,
      });
      await staff.put(`/api/trainings/${m.id}/enrolments/${e.id}/attendance`, {
        attended: true,
        version: e.version,
      });
    }
    await staff.post(`/api/trainings/${modules[0]?.id}/enrolments`, { personId: behind.personId });

    const page = await e2e.page({ viewport: DESKTOP });
    await signIn(page, "staff");
    await page.goto("/trainings/series");
    await page.getByRole("link", { name: "2026年专业人才培养计划·财务主管班" }).click();
    await pageHeading(page, "2026年专业人才培养计划·财务主管班").waitFor();
    await page.getByText("结业要求：出勤全部 2 门必修课，共 5.5 学时").waitFor();
    const rows = page.getByRole("table").nth(1);
    await rows.getByText("周雨桐").waitFor();
    await rows.getByText("未完成").waitFor();
    await checkA11y(page, "series progress");
    look(await shot(page, "training-series-progress"), "series-progress");

    await button(page, "颁发结业证书").click();
    await page
      .locator(".ant-popconfirm")
      .getByRole("button", { name: /确\s?定/ })
      .click();
    const link = page.getByRole("link", { name: /^证书 JB-\d{4}-T\d{2}-0001$/ });
    await link.waitFor(UI_WAIT);
    await link.click();
    await page.getByRole("heading", { level: 1, name: "结业证书" }).first().waitFor();
    await page.getByText("孙浩然").first().waitFor();
    await checkA11y(page, "certificate issued by staff");
    look(await shot(page, "training-certificate-staff"), "certificate-staff-screen");

    // The page as it prints: one A4 page, nothing of the app around it.
    await page.emulateMedia({ media: "print" });
    const pdf = path.join(SHOT_DIR, "training-certificate-staff.pdf");
    await page.pdf({ path: pdf, format: "A4", printBackground: true });
    const prefix = path.join(LOOK, "certificate-staff-page");
    for (const f of readdirSync(LOOK)) if (f.startsWith("certificate-staff-page")) rmSync(path.join(LOOK, f));
    execFileSync("pdftoppm", ["-png", "-r", "60", pdf, prefix]);
    expect(readdirSync(LOOK).filter((f) => f.startsWith("certificate-staff-page"))).toHaveLength(1);
  },
  E2E_TEST_TIMEOUT,
);

test(
  "the training editor: a stale save keeps what I typed on top of a colleague's change",
  async () => {
    const staff = await e2e.api("staff");
    const training = await publishedTraining(staff, { topic: "冲突测试培训" });
    const page = await e2e.page({ viewport: DESKTOP });
    await signIn(page, "staff");
    await page.goto(`/trainings/${training.id}/edit`);
    await pageHeading(page, "编辑培训").waitFor();
    await page.getByLabel("主题").fill("冲突测试培训（我的主题）");
    await staff.patch(`/api/trainings/${training.id}`, {
      topic: "冲突测试培训",
      description: "",
      trainerName: "同事改过的讲师",
      startsAt: training.startsAt,
      endsAt: training.endsAt,
      place: training.place,
      capacity: 5,
      audiences: training.audiences,
      version: training.version,
    });
    await save(page).click();
    const keepMine = page.getByRole("button", { name: "保留我的修改（以最新版本为基础）" });
    await keepMine.waitFor();
    await checkA11y(page, "training editor with a conflict");
    look(await shot(page, "training-edit-conflict"), "edit-conflict");
    await keepMine.click();
    await page.getByText("已载入最新版本，您的修改保留在表单中").waitFor();
    await save(page).click();
    await page.waitForURL((url) => url.pathname === `/trainings/${training.id}`);
    const saved = await staff.get<TrainingView>(`/api/trainings/${training.id}`);
    expect(saved.topic).toBe("冲突测试培训（我的主题）");
    expect(saved.version).toBe(training.version + 2);
  },
  E2E_TEST_TIMEOUT,
);

test(
  "the portal's training on a phone: time, place, trainer, seats left, how to enrol, no participants",
  async () => {
    const staff = await e2e.api("staff");
    const training = await publishedTraining(staff, {
      topic: "公众开放日：志愿服务入门",
      audiences: ["public"],
      capacity: 20,
    });
    const candidates = await staff.get<{ items: EnrolmentCandidate[] }>(
      `/api/trainings/${training.id}/enrolment-candidates?q=${encodeURIComponent("赵文静")}`,
    );
    const someone = candidates.items[0];
    if (!someone) throw new Error("no demo individual");
    await staff.post(`/api/trainings/${training.id}/enrolments`, { personId: someone.personId });

    const phone = await e2e.page({ viewport: PHONE, mobile: true });
    // From the portal's front page: its next public trainings, and a link to them all.
    await phone.goto("/portal");
    const upcoming = phone.getByRole("region", { name: "近期公益培训" });
    await upcoming.getByRole("listitem").first().waitFor();
    await upcoming.getByRole("link", { name: "查看全部培训" }).click();
    await phone.waitForURL((url) => url.pathname === "/portal/trainings");
    await phone.getByRole("link", { name: "公众开放日：志愿服务入门" }).click();
    await phone.getByRole("heading", { level: 1, name: "公众开放日：志愿服务入门" }).waitFor();
    await phone.getByText("剩余 19 个 / 共 20 个").waitFor();
    await phone.getByText("周老师（资深筹款顾问）").waitFor();
    await phone.getByRole("heading", { name: "如何报名" }).waitFor();
    expect(await phone.locator("body").textContent()).not.toContain("赵文静");
    await checkA11y(phone, "portal training on a phone");
    look(await shot(phone, "training-portal-phone"), "portal-phone");
    await phone.getByRole("link", { name: "登录后报名" }).click();
    await phone.waitForURL((url) => url.pathname === "/login");
    expect(new URL(phone.url()).searchParams.get("next")).toBe(`/trainings/${training.id}`);
  },
  E2E_TEST_TIMEOUT,
);

const save = (page: Page) => page.locator("form button[type=submit]");
