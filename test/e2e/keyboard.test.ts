/**
 * The core of both journeys with the keyboard alone (Tab, Shift+Tab, Enter, Space, arrows; no
 * mouse): an applicant opens a draft, answers, uploads through the file chooser and submits;
 * staff open it from the queue, mark each item and decide. After every step the test asserts
 * where focus is (document.activeElement): on the new page's heading after a route change, on
 * the upload button after a cancelled chooser and on the uploaded file's row after a chosen file,
 * inside a confirmation however often Tab is pressed and back on its button after Escape, on the
 * next item after a saved verdict, on the decisions after the last. Groups of checkboxes and
 * radios are named. axe checks each page at rest.
 */
import type { Page } from "playwright-core";
import { expect, test } from "vitest";
import { DEMO_PASSWORD } from "../../src/db/seed/changping";
import type { ApplicationDetail } from "../../src/schemas/recruitment/applications";
import type { Call } from "../../src/schemas/recruitment/calls";
import { defaultCallRules } from "../factories";
import { checkA11y as checkPage } from "./support/a11y";
import { E2E_TEST_TIMEOUT, setupE2E } from "./support/e2e";
import { shot } from "./support/shot";
import { pageHeading, settle, UI_WAIT } from "./support/ui";

const e2e = setupE2E();

const CALL_TITLE = "键盘操作测试招募";
const DOCUMENTS = [
  { key: "certificate", label: "登记证书", file: "登记证书.pdf" },
  { key: "plan", label: "项目计划书", file: "项目计划书.pdf" },
] as const;
const MOTIVATION = "申请动机";
const FIVE_GOOD = {
  key: "five_good",
  label: "主要服务的“五好社区”方向",
  options: ["文化", "运动", "健康", "创新", "友好"],
};

/** What has focus, as a user would name it. */
interface Focus {
  tag: string;
  name: string;
  /** The name of the radio or checkbox group the element is in, if any. */
  group?: string;
  /** The dialog the element is in, if any. */
  dialog?: string;
}

function focused(page: Page): Promise<Focus> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { tag: "body", name: "" };
    const input = el as HTMLInputElement;
    const name =
      el.getAttribute("aria-label") ??
      (input.labels?.[0]?.textContent ||
        el.closest("label")?.textContent ||
        el.getAttribute("title") ||
        el.textContent ||
        "");
    const dialog = el.closest("[role=dialog]");
    const group = el.closest("[role=radiogroup], [role=group]");
    const labelledBy = (group?.getAttribute("aria-labelledby") ?? "")
      .split(/\s+/)
      .map((id) => document.getElementById(id)?.textContent ?? "")
      .join(" ")
      .trim();
    return {
      tag: el.tagName.toLowerCase(),
      name: name.replace(/\s+/g, " ").trim(),
      group: group ? (group.getAttribute("aria-label") ?? (labelledBy || undefined)) : undefined,
      dialog: dialog ? (dialog.textContent ?? "").slice(0, 40) : undefined,
    };
  });
}

/** Presses Tab (or Shift+Tab) until the focused element matches; fails after `max` presses. */
async function tabTo(page: Page, wanted: (f: Focus) => boolean, what: string, back = false, max = 80) {
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
    const f = await focused(page);
    if (wanted(f)) return f;
    seen.push(`${f.tag}:${f.name.slice(0, 30)}`);
  }
  throw new Error(`Tab never reached ${what}; went through:\n${seen.join("\n")}`);
}

async function expectFocus(page: Page, wanted: Partial<Focus>): Promise<void> {
  await expect.poll(() => focused(page), UI_WAIT).toMatchObject(wanted);
}

/**
 * Tab, `times` times, inside an open dialog: focus never leaves it (not to the page behind, not
 * to the page body when it passes the dialog's last control). Shift+Tab once more, the same.
 */
async function tabStaysInDialog(page: Page, times = 10): Promise<void> {
  for (let i = 0; i <= times; i++) {
    await page.keyboard.press(i < times ? "Tab" : "Shift+Tab");
    const f = await focused(page);
    expect(f.dialog, `Tab ${i + 1} left the dialog for ${f.tag}:${f.name}`).toBeTruthy();
  }
}

async function checkA11y(page: Page, name: string): Promise<void> {
  await settle(page);
  await checkPage(page, name);
}

function pdf(title: string): Buffer {
  return Buffer.from(
    [
      "%PDF-1.4",
      "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj",
      "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj",
      "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj",
      `% ${Buffer.from(title).toString("hex")}`,
      "trailer << /Root 1 0 R >>",
      "%%EOF",
      "",
    ].join("\n"),
  );
}

/** Signs in on the login page by keyboard; focus then lands on the home page's heading. */
async function keyboardSignIn(page: Page, username: string): Promise<void> {
  await page.goto("/login");
  await pageHeading(page, /社会组织孵化/).waitFor();
  await tabTo(page, (f) => f.tag === "input" && f.name.includes("账号或手机号"), "the account field");
  await page.keyboard.type(username);
  await page.keyboard.press("Tab");
  await expectFocus(page, { tag: "input", name: "密码" });
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press("Enter");
  await pageHeading(page, "首页").waitFor();
  await expectFocus(page, { tag: "h1", name: "首页" });
}

const journey: { applicationId?: string; organization?: string } = {};

test(
  "an applicant opens a draft, answers, uploads and submits with the keyboard alone",
  async () => {
    const staff = await e2e.api("staff");
    const base = defaultCallRules();
    const rules: ReturnType<typeof defaultCallRules> = {
      ...base,
      tracks: base.tracks
        .filter((t) => t.track === "org")
        .map((t) => ({
          ...t,
          documents: DOCUMENTS.map((d) => ({
            key: d.key,
            label: d.label,
            description: null,
            required: true,
          })),
        })),
      questions: [
        ...base.questions.filter((q) => q.key === "motivation"),
        {
          ...FIVE_GOOD,
          type: "multiple_choice",
          required: true,
          help: null,
          tracks: null,
        },
      ],
    };
    const draft = await staff.post<Call>("/api/calls", { title: CALL_TITLE, description: "", rules });
    await staff.post<Call>(`/api/calls/${draft.id}/publish`, { version: draft.version });
    const member = await e2e.api("member");
    const created = await member.post<{ id: string }>("/api/applications", {
      callId: draft.id,
      track: "org",
    });
    journey.applicationId = created.id;
    journey.organization = (
      await member.get<ApplicationDetail>(`/api/applications/${created.id}`)
    ).organization.name;

    const page = await e2e.page();
    // Playwright intercepts file choosers once something listens, and switching that on takes a
    // round trip: listening from the start keeps the chooser Enter opens (on keydown, sooner than
    // Space's keyup) from going to the browser unseen.
    page.on("filechooser", () => undefined);
    await keyboardSignIn(page, "member");

    // A page's first load leaves focus to the browser: nothing is focused yet.
    await page.goto("/my-applications");
    await page.getByText(CALL_TITLE).first().waitFor();
    expect(await focused(page)).toMatchObject({ tag: "body" });
    await checkA11y(page, "my applications");

    // Open the draft: focus moves to the new page's heading.
    // The newest draft (this call's) is the first card; its button opens it.
    await tabTo(page, (f) => f.tag === "button" && f.name === "继续填写", "the draft's button");
    await page.keyboard.press("Enter");
    await pageHeading(page, CALL_TITLE).waitFor();
    await expectFocus(page, { tag: "h1", name: CALL_TITLE });

    // Answer the question, then leave the field (the autosave runs).
    await tabTo(page, (f) => f.tag === "textarea" && f.name.includes(MOTIVATION), "the motivation field");
    await page.keyboard.type("希望获得能力建设培训和导师陪伴。");

    // The five-good-community choices are a group named by their question; Space ticks one.
    await tabTo(
      page,
      (f) => f.tag === "input" && f.name === FIVE_GOOD.options[0],
      "the first five-good choice",
    );
    await expectFocus(page, { group: FIVE_GOOD.label });
    await page.keyboard.press("Space");
    const fiveGood = page.getByRole("group", { name: FIVE_GOOD.label });
    expect(await fiveGood.getByRole("checkbox", { name: FIVE_GOOD.options[0] }).isChecked()).toBe(true);

    // Upload each document through the file chooser, opened with Enter for the first and Space
    // for the second. A cancelled chooser leaves focus on the upload button (Chromium fires
    // `cancel` on the input); a chosen file moves it to the uploaded file's row.
    for (const [i, doc] of DOCUMENTS.entries()) {
      const uploadButton = `上传文件：${doc.label}`;
      await tabTo(page, (f) => f.name === uploadButton, `the upload control of ${doc.label}`);
      const key = i === 0 ? "Enter" : "Space";
      if (i === 0) {
        const [cancelled] = await Promise.all([page.waitForEvent("filechooser"), page.keyboard.press(key)]);
        await cancelled.element().dispatchEvent("cancel");
        await expectFocus(page, { tag: "button", name: uploadButton });
      }
      const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.keyboard.press(key)]);
      await chooser.setFiles({ name: doc.file, mimeType: "application/pdf", buffer: pdf(doc.file) });
      await expectFocus(page, { tag: "a", name: doc.file });
    }
    await expect
      .poll(
        () =>
          page
            .getByRole("status")
            .filter({ hasText: /已自动保存/ })
            .count(),
        UI_WAIT,
      )
      .toBeGreaterThan(0);
    await page.getByText("已满足提交条件，可以提交。").waitFor();
    await checkA11y(page, "application form, complete");
    await shot(page, "keyboard-01-applicant-uploaded");

    // Submit: the button, then the confirmation's own button. Tab does not leave the
    // confirmation; Escape closes it and focus is back on the button that opened it.
    await tabTo(page, (f) => f.tag === "button" && f.name === "提交申请" && !f.dialog, "the submit button");
    await page.keyboard.press("Enter");
    const confirm = page.getByRole("dialog", { name: "确认提交申请？" });
    await confirm.waitFor();
    await expectFocus(page, { dialog: expect.stringContaining("确认提交申请") });
    await tabStaysInDialog(page);
    await page.keyboard.press("Escape");
    await confirm.waitFor({ state: "hidden" });
    await expectFocus(page, { tag: "button", name: "提交申请" });
    expect((await focused(page)).dialog).toBeUndefined();
    await page.keyboard.press("Enter");
    await confirm.waitFor();
    await expectFocus(page, { dialog: expect.stringContaining("确认提交申请") });
    await checkA11y(page, "submit confirmation");
    await tabTo(
      page,
      (f) => f.tag === "button" && f.name === "提交申请" && !!f.dialog,
      "the dialog's submit",
    );
    await page.keyboard.press("Enter");
    await page
      .locator(".ant-tag")
      .filter({ hasText: /^已提交$/ })
      .first()
      .waitFor();
    expect((await member.get<ApplicationDetail>(`/api/applications/${created.id}`)).status).toBe("submitted");
  },
  E2E_TEST_TIMEOUT,
);

test(
  "staff open the application from the queue, mark each item and decide with the keyboard alone",
  async () => {
    const id = journey.applicationId;
    const organization = journey.organization;
    if (!id || !organization) throw new Error("the applicant's step failed: no application");
    const page = await e2e.page();
    await keyboardSignIn(page, "staff");

    await page.goto("/applications");
    const row = page.getByRole("link", { name: organization }).first();
    await row.waitFor();
    // The row's checkbox speaks the page's language and names the organization.
    await page
      .getByRole("checkbox", { name: `选择${organization}的申请` })
      .first()
      .waitFor();
    await page.getByRole("checkbox", { name: "选择本页全部申请" }).waitFor();
    await checkA11y(page, "intake queue");

    await tabTo(page, (f) => f.tag === "a" && f.name.includes(organization), "the application's link");
    await page.keyboard.press("Enter");
    const heading = `申请审核：${organization}`;
    await pageHeading(page, heading).waitFor();
    await expectFocus(page, { tag: "h1", name: heading });
    await checkA11y(page, "intake application");

    // First item: into its verdict, the arrows choose (合格 is first), Tab to 保存, Enter.
    const [first, second] = DOCUMENTS;
    await tabTo(page, (f) => f.group === `审核：${first.label}`, "the first item's verdict");
    await page.keyboard.press("Space");
    await expectFocus(page, { group: `审核：${first.label}`, name: "合格" });
    await tabTo(page, (f) => f.tag === "button" && f.name === "保存", "the first item's save");
    await page.keyboard.press("Enter");
    // Saved: focus is on the next item's verdict.
    await expectFocus(page, { group: `审核：${second.label}` });
    await shot(page, "keyboard-02-staff-next-item");

    // Second (last) item: ArrowRight moves to 缺失 and back with ArrowLeft to 合格.
    await page.keyboard.press("Space");
    await page.keyboard.press("ArrowRight");
    await expectFocus(page, { group: `审核：${second.label}`, name: "缺失" });
    await page.keyboard.press("ArrowLeft");
    await expectFocus(page, { group: `审核：${second.label}`, name: "合格" });
    await tabTo(page, (f) => f.tag === "button" && f.name === "保存", "the last item's save");
    await page.keyboard.press("Enter");
    // After the last item: focus is on the decisions.
    await expectFocus(page, { tag: "button", name: "受理进入初筛" });
    await checkA11y(page, "intake application, items checked");

    // The confirmation keeps Tab inside; Escape gives focus back to the decision.
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    await expectFocus(page, { dialog: expect.any(String) });
    await tabStaysInDialog(page);
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    await expectFocus(page, { tag: "button", name: "受理进入初筛" });
    expect((await focused(page)).dialog).toBeUndefined();
    await page.keyboard.press("Enter");
    await dialog.waitFor();
    await tabTo(page, (f) => f.tag === "button" && f.name === "确定" && !!f.dialog, "the confirm");
    await page.keyboard.press("Enter");
    const staff = await e2e.api("staff");
    await expect
      .poll(async () => (await staff.get<ApplicationDetail>(`/api/applications/${id}`)).status, UI_WAIT)
      .toBe("accepted");
  },
  E2E_TEST_TIMEOUT,
);

test(
  "Enter in the organization editor's founding date does not save the form",
  async () => {
    const staff = await e2e.api("staff");
    const {
      items: [organization],
    } = await staff.get<{ items: { id: string }[] }>("/api/organizations?pageSize=1");
    if (!organization) throw new Error("the demo data has no organization");
    const before = await staff.get<{ version: number }>(`/api/organizations/${organization.id}`);
    const page = await e2e.page();
    await keyboardSignIn(page, "staff");
    await page.goto(`/organizations/${organization.id}/edit`);
    await pageHeading(page, "编辑社会组织").waitFor();
    await page.getByRole("radiogroup", { name: "入驻状态" }).waitFor();
    await tabTo(page, (f) => f.tag === "input" && f.name === "成立日期", "the founding date");
    await page.keyboard.press("Enter");
    // Had the form been submitted, the editor would have saved and gone back to the detail page.
    await page.waitForTimeout(1500);
    expect(new URL(page.url()).pathname).toBe(`/organizations/${organization.id}/edit`);
    expect(await focused(page)).toMatchObject({ tag: "input", name: "成立日期" });
    const after = await staff.get<{ version: number }>(`/api/organizations/${organization.id}`);
    expect(after.version).toBe(before.version);
  },
  E2E_TEST_TIMEOUT,
);

test(
  "the call editor's groups of checkboxes are named, and Tab reaches them with their name",
  async () => {
    const staff = await e2e.api("staff");
    const draft = await staff.post<Call>("/api/calls", {
      title: "键盘操作测试：编辑招募",
      description: "",
      rules: defaultCallRules(),
    });
    const page = await e2e.page();
    await keyboardSignIn(page, "staff");
    await page.goto(`/calls/${draft.id}/edit`);
    await page.getByRole("group", { name: "提供的孵化方向" }).waitFor();
    // A question's tracks, one group per question.
    await page.getByRole("group", { name: "适用方向" }).first().waitFor();
    await tabTo(page, (f) => f.tag === "input" && f.group === "提供的孵化方向", "the offered tracks");
    await checkA11y(page, "call editor");
  },
  E2E_TEST_TIMEOUT,
);
