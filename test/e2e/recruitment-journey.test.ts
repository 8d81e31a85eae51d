/**
 * The recruitment journey, end to end in the browser: an applicant on a phone finds the open call
 * on the portal, registers a new organization (SMS code read from the server's log), fills the
 * application, uploads its documents and submits; staff mark a document for correction and return
 * it; the applicant, told by a notification, replaces the document, corrects an answer and
 * resubmits; staff see what changed, accept it for screening, export the screening file (checked
 * cell by cell) and print the dossier. Every page is checked with axe.
 *
 * The steps are separate tests sharing the journey's state (vitest runs a file's tests in order);
 * each opens fresh browser contexts, so the applicant signs in again with the account it made.
 */
import { crc32, deflateSync } from "node:zlib";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { expect, test } from "vitest";
import { composeCreditCode } from "../../src/domain/credit-code";
import type { ApplicationDetail } from "../../src/schemas/recruitment/applications";
import { checkA11y as checkPage } from "./support/a11y";
import { DESKTOP, PHONE } from "./support/browser";
import { E2E_TEST_TIMEOUT, setupE2E } from "./support/e2e";
import { shot } from "./support/shot";
import { button, pageHeading, settle, signIn, UI_WAIT } from "./support/ui";

const e2e = setupE2E();

const CALL_TITLE = "2026年度社会组织孵化招募（第二批）";
const TRACK_LABEL = "组织孵化"; // eligibility: founded 6 to 36 months ago, registered
const ORG_NAME = "回龙观青禾社区服务中心";
// 5 = registered with civil affairs, 2 = social service agency; the rest is this test's own.
const CREDIT_CODE = composeCreditCode("52", "110114", "MJE2E000");
const MOBILE = "13912340003";
const MASKED_MOBILE = "139****0003";
const PASSWORD = "Qinghe2026go";
const CONTACT = "李青禾";

const Q_MOTIVATION = "申请动机与期望获得的支持";
const Q_BENEFICIARIES = "上一年度服务人次";
const Q_FIVE_GOOD = "主要服务的“五好社区”方向";
/** The org track's required documents: requirement key, label on the page, file we upload. */
const DOCUMENTS = [
  { key: "certificate", label: "登记证书（副本）扫描件", file: "登记证书.png" },
  { key: "finance", label: "上年度财务报表", file: "2025财务报表.pdf" },
  { key: "charter", label: "组织章程", file: "章程.pdf" },
  { key: "leader_cv", label: "负责人简历", file: "负责人简历.pdf" },
] as const;
const FIXED_FINANCE = "2025财务报表（盖章）.pdf";
const CORRECTION = "财务报表未加盖单位公章，请补充盖章版。";
const RETURN_MESSAGE = "请按材料审核意见补充盖章的财务报表，并核对服务人次。";

/** What the steps hand on to the next. */
const journey: { applicationId?: string } = {};

function applicationId(): string {
  if (!journey.applicationId) throw new Error("an earlier step of the journey failed: no application");
  return journey.applicationId;
}

/** axe on the page at rest (no dialog fading out, no hovered button). */
async function checkA11y(page: Page, name: string): Promise<void> {
  await settle(page);
  await checkPage(page, name);
}

// ---- small valid files, made here (the server checks the bytes, not the name) ----

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

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A 2×2 grey PNG. */
function png(): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(2, 0); // width
  header.writeUInt32BE(2, 4); // height
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale, no interlace
  const rows = Buffer.from([0, 128, 128, 0, 128, 128]); // each row: filter byte + 2 pixels
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", header),
    pngChunk("IDAT", deflateSync(rows)),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

function fileFor(name: string) {
  return name.endsWith(".png")
    ? { name, mimeType: "image/png", buffer: png() }
    : { name, mimeType: "application/pdf", buffer: pdf(name) };
}

// ---- steps on the pages ----

function phonePage(): Promise<Page> {
  return e2e.page({ viewport: PHONE, mobile: true });
}

/** Shanghai's calendar date `months` months ago (the 10th, so no month-end edge). */
function monthsAgo(months: number): { year: number; month: number; day: number } {
  const [year, month] = new Intl.DateTimeFormat("en-CA", {
    timeZone: "Asia/Shanghai",
    year: "numeric",
    month: "2-digit",
  })
    .format(new Date())
    .split("-")
    .map(Number) as [number, number];
  const index = year * 12 + (month - 1) - months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1, day: 10 };
}

/**
 * Fills a date field: the browser's own <input type="date"> (on a phone the system's picker,
 * which a test cannot drive), so the value is typed as YYYY-MM-DD.
 */
async function pickDate(page: Page, label: string, date: { year: number; month: number; day: number }) {
  const value = `${date.year}-${String(date.month).padStart(2, "0")}-${String(date.day).padStart(2, "0")}`;
  await page.getByLabel(label).fill(value);
  await expect.poll(() => page.getByLabel(label).inputValue(), UI_WAIT).toBe(value);
}

/** The phone code the server "sent" to `mobile` after `since` (read from its log). */
async function smsCode(mobile: string, since: number): Promise<string> {
  let code = "";
  await expect
    .poll(() => {
      const sms = e2e.sms().filter((m) => m.mobile === mobile && m.at >= since);
      code = /(\d{6})/.exec(sms.at(-1)?.text ?? "")?.[1] ?? "";
      return code;
    }, UI_WAIT)
    .toMatch(/^\d{6}$/);
  return code;
}

/** The applicant's form: the status shown next to the title. */
function statusTag(page: Page, status: string) {
  return page
    .locator(".ant-tag")
    .filter({ hasText: new RegExp(`^${status}$`) })
    .first();
}

/** The 提交前检查 card. */
function checklist(page: Page) {
  return page.locator("#section-checklist");
}

async function problemCount(page: Page): Promise<number> {
  const text = (await checklist(page).textContent()) ?? "";
  if (text.includes("已满足提交条件")) return 0;
  const count = /还有 (\d+) 处需要完善/.exec(text)?.[1];
  return count ? Number(count) : -1;
}

async function uploadDocument(page: Page, key: string, fileName: string): Promise<void> {
  const section = page.locator(`#doc-${key}`);
  await section.locator('input[type="file"]').setInputFiles(fileFor(fileName));
  await section.getByRole("link", { name: fileName }).waitFor();
}

async function waitSaved(page: Page): Promise<void> {
  await expect
    .poll(
      () =>
        page
          .getByRole("status")
          .filter({ hasText: /已自动保存|保存中|未保存|失败/ })
          .first()
          .textContent(),
      UI_WAIT,
    )
    .toMatch(/已自动保存/);
}

async function openApplicationAsApplicant(page: Page): Promise<void> {
  await signIn(page, MOBILE, PASSWORD);
  await page.goto(`/my-applications/${applicationId()}`);
  await pageHeading(page, CALL_TITLE).waitFor();
}

async function openApplicationAsStaff(page: Page): Promise<void> {
  await signIn(page, "staff");
  await page.goto(`/applications/${applicationId()}`);
  await pageHeading(page, `申请审核：${ORG_NAME}`).waitFor();
}

/** One document's row on the staff intake page. */
function intakeItem(page: Page, label: string) {
  return page.getByRole("listitem").filter({ has: page.getByRole("radiogroup", { name: `审核：${label}` }) });
}

async function checkDocument(page: Page, label: string, verdict: "合格" | "需修改", reason?: string) {
  const item = intakeItem(page, label);
  await item.locator("label").filter({ hasText: verdict }).click();
  if (reason) await item.getByLabel(`原因：${label}`).fill(reason);
  await button(item, "保存").click();
  await expect.poll(() => item.locator(".ant-tag").first().textContent(), UI_WAIT).toBe(verdict);
}

// ---- the journey ----

test(
  "1. an applicant on a phone opens the call on the portal and registers a new organization",
  async () => {
    const page = await phonePage();
    await page.goto("/");
    await pageHeading(page, "社会组织孵化招募").waitFor();
    expect(new URL(page.url()).pathname).toBe("/portal");
    await page.getByRole("link", { name: CALL_TITLE }).waitFor();
    await checkA11y(page, "portal home (phone)");
    await shot(page, "journey-01-portal-phone");

    await page.getByRole("link", { name: CALL_TITLE }).click();
    await pageHeading(page, CALL_TITLE).waitFor();
    await checkA11y(page, "portal call (phone)");
    await shot(page, "journey-02-call-phone");

    await page.getByRole("button", { name: `申请此方向：${TRACK_LABEL}` }).click();
    await pageHeading(page, "注册申请账号").waitFor();
    const url = new URL(page.url());
    expect(url.pathname).toBe("/register");
    expect(url.searchParams.get("track")).toBe("org");
    const callId = url.searchParams.get("call");
    expect(callId).toBeTruthy();
    await page.getByText(`您正在为“${CALL_TITLE}”的“${TRACK_LABEL}”方向注册`).waitFor();
    await checkA11y(page, "registration (phone)");
    await shot(page, "journey-03-register-phone");

    // The phone code: asked for, then read from the server's log (no SMS gateway here).
    await page.getByLabel("手机号", { exact: true }).fill(MOBILE);
    const asked = Date.now() - 1000;
    await button(page, "获取验证码").click();
    const code = await smsCode(MOBILE, asked);
    await page.getByText(`验证码已发送至 ${MOBILE}`).waitFor();
    await page.getByLabel("短信验证码").fill(code);
    await page.getByLabel("您的姓名").fill(CONTACT);
    await page.getByLabel("登录密码").fill(PASSWORD);
    await page.getByLabel("确认密码").fill(PASSWORD);

    // A new organization, registered as a social service agency, founded two years ago.
    expect(await page.getByRole("radio", { name: "新机构（首次在平台登记）" }).isChecked()).toBe(true);
    await page.getByLabel("机构名称").fill(ORG_NAME);
    await page.getByLabel("统一社会信用代码").fill(CREDIT_CODE);
    await pickDate(page, "成立日期", monthsAgo(24));
    await checkA11y(page, "registration filled in (phone)");
    await shot(page, "journey-04-register-filled-phone");

    await button(page, "注册并登录").click();
    await pageHeading(page, CALL_TITLE).waitFor();
    const path = new URL(page.url()).pathname;
    expect(path).toMatch(/^\/my-applications\/[0-9a-f-]{36}$/);
    journey.applicationId = path.split("/").pop();
    await statusTag(page, "草稿").waitFor();
    await page.locator("#section-profile").getByText(ORG_NAME).waitFor();
    await checkA11y(page, "new application draft (phone)");
    await shot(page, "journey-05-draft-phone");

    // The draft belongs to the new organization, for the chosen call and track.
    const applicant = await e2e.api(MOBILE, PASSWORD);
    const detail = await applicant.get<ApplicationDetail>(`/api/applications/${applicationId()}`);
    expect(detail.status).toBe("draft");
    expect(detail.track).toBe("org");
    expect(detail.call.id).toBe(callId);
    expect(detail.organization.name).toBe(ORG_NAME);
    expect(detail.organization.creditCode).toBe(CREDIT_CODE);
  },
  E2E_TEST_TIMEOUT,
);

test(
  "2. the applicant answers, uploads the documents and submits; the checklist empties first",
  async () => {
    const page = await phonePage();
    await openApplicationAsApplicant(page);
    // Three required answers and four required documents are missing.
    await expect.poll(() => problemCount(page), UI_WAIT).toBe(DOCUMENTS.length + 3);
    await page.getByText(`尚未上传“${DOCUMENTS[0].label}”`).waitFor();
    const submit = button(page, "提交申请");
    expect(await submit.isDisabled()).toBe(true);
    await checkA11y(page, "application form, empty (phone)");
    await shot(page, "journey-06-form-empty-phone");

    await page
      .getByRole("textbox", { name: Q_MOTIVATION })
      .fill("机构成立两年，志愿者管理和项目设计能力不足，希望获得能力建设培训和导师陪伴。");
    await page.getByRole("spinbutton", { name: Q_BENEFICIARIES }).fill("1200");
    await page.getByRole("group", { name: Q_FIVE_GOOD }).getByRole("checkbox", { name: "友好" }).check();
    await waitSaved(page);
    await expect.poll(() => problemCount(page), UI_WAIT).toBe(DOCUMENTS.length);
    await shot(page, "journey-07-answers-saved-phone");

    for (const [i, doc] of DOCUMENTS.entries()) {
      await uploadDocument(page, doc.key, doc.file);
      await expect.poll(() => problemCount(page), UI_WAIT).toBe(DOCUMENTS.length - i - 1);
    }
    await checklist(page).getByText("已满足提交条件，可以提交。").waitFor();
    await checkA11y(page, "application form, complete (phone)");
    await shot(page, "journey-08-form-complete-phone");

    await submit.click();
    const confirm = page.getByRole("dialog", { name: "确认提交申请？" });
    await confirm.waitFor();
    await checkA11y(page, "submit confirmation (phone)");
    await button(confirm, "提交申请").click();
    await statusTag(page, "已提交").waitFor();
    await page.getByText("等待基地审核").first().waitFor();
    await checkA11y(page, "application submitted (phone)");
    await shot(page, "journey-09-submitted-phone");
  },
  E2E_TEST_TIMEOUT,
);

test(
  "3. staff go from their to-do list to the application, mark a document for correction and return it",
  async () => {
    const id = applicationId();
    const page = await e2e.page({ viewport: DESKTOP });
    await signIn(page, "staff");
    // The to-do card lists the applications waiting longest; the demo base has older ones, so
    // staff go on to the whole list of what waits, as they would.
    const todo = page.getByRole("region", { name: "待办事项" });
    const toCheck = todo.locator(".ant-card").filter({ hasText: "待审核的申请" });
    await toCheck.getByRole("link").first().waitFor();
    await checkA11y(page, "staff home with the to-do list");
    await shot(page, "journey-10-staff-home");

    await toCheck.getByRole("link", { name: "查看全部" }).click();
    await pageHeading(page, "申请审核").waitFor();
    const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: ORG_NAME }) });
    await row.getByText("已提交").waitFor();
    await row.getByRole("link", { name: ORG_NAME }).click();
    await pageHeading(page, `申请审核：${ORG_NAME}`).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/applications/${id}`);
    await checkA11y(page, "intake page, submitted");
    await shot(page, "journey-11-verdict-submitted");

    for (const doc of DOCUMENTS) {
      if (doc.key === "finance") await checkDocument(page, doc.label, "需修改", CORRECTION);
      else await checkDocument(page, doc.label, "合格");
    }
    await checkA11y(page, "intake page, documents checked");
    await shot(page, "journey-12-checked");

    await button(page, "退回补充").click();
    const dialog = page.getByRole("dialog", { name: "退回补充" });
    await dialog.getByLabel("原因").fill(RETURN_MESSAGE);
    await checkA11y(page, "return dialog");
    await shot(page, "journey-13-return-dialog");
    await button(dialog, "确定").click();
    await dialog.waitFor({ state: "hidden" });
    await page
      .locator(".ant-tag")
      .filter({ hasText: /^退回补充$/ })
      .first()
      .waitFor();
    await page.getByText(RETURN_MESSAGE).first().waitFor();
    await checkA11y(page, "intake page, returned");
    await shot(page, "journey-14-returned");
  },
  E2E_TEST_TIMEOUT,
);

test(
  "4. the applicant is notified, sees why, replaces the document, corrects an answer and resubmits",
  async () => {
    const id = applicationId();
    const page = await phonePage();
    await signIn(page, MOBILE, PASSWORD);
    const bell = page.getByRole("button", { name: /^消息通知，\d+ 条未读$/ });
    await bell.waitFor();
    await checkA11y(page, "applicant home with unread notices (phone)");
    await shot(page, "journey-15-applicant-home-phone");

    await bell.click();
    await pageHeading(page, "消息通知").waitFor();
    const notice = page.getByText("申请状态：退回补充").first();
    await notice.waitFor();
    await checkA11y(page, "notifications (phone)");
    await shot(page, "journey-16-notifications-phone");

    await notice.click();
    await pageHeading(page, CALL_TITLE).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/my-applications/${id}`);
    await statusTag(page, "退回补充").waitFor();
    const returned = page.getByRole("region", { name: "退回补充意见" });
    await returned.getByText(RETURN_MESSAGE).waitFor();
    await returned.getByText(CORRECTION).waitFor();
    await returned.getByText("需修改").waitFor();
    await checkA11y(page, "returned application (phone)");
    await shot(page, "journey-17-returned-phone");

    // Replace the finance report: remove the old file, upload the stamped one.
    const finance = page.locator("#doc-finance");
    await finance.getByRole("button", { name: `删除：${DOCUMENTS[1].file}` }).click();
    const remove = page.getByRole("dialog", { name: `确定删除“${DOCUMENTS[1].file}”吗？` });
    await button(remove, "确定").click();
    await finance.getByRole("link", { name: DOCUMENTS[1].file }).waitFor({ state: "detached" });
    await uploadDocument(page, "finance", FIXED_FINANCE);

    const beneficiaries = page.getByRole("spinbutton", { name: Q_BENEFICIARIES });
    await beneficiaries.fill("1350");
    await beneficiaries.blur();
    await waitSaved(page);
    await checklist(page).getByText("已满足提交条件，可以提交。").waitFor();
    await checkA11y(page, "corrected application (phone)");
    await shot(page, "journey-18-corrected-phone");

    await button(page, "重新提交").click();
    const confirm = page.getByRole("dialog", { name: "确认提交申请？" });
    await button(confirm, "重新提交").click();
    await statusTag(page, "已重新提交").waitFor();
    await checkA11y(page, "application resubmitted (phone)");
    await shot(page, "journey-19-resubmitted-phone");
  },
  E2E_TEST_TIMEOUT,
);

test(
  "5. staff see what changed, accept it for screening and export the screening file",
  async () => {
    applicationId();
    const page = await e2e.page({ viewport: DESKTOP });
    await signIn(page, "staff");
    await page.goto("/applications");
    await pageHeading(page, "申请审核").waitFor();
    const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: ORG_NAME }) });
    await row.getByText("已重新提交").waitFor();
    // The screening file is one call's: no call in the filter, no export, and the page says why.
    expect(await button(page, "导出初筛基础文件").isDisabled()).toBe(true);
    await page.getByText("初筛基础文件按招募导出：请先在筛选中选择一个招募").waitFor();
    await checkA11y(page, "intake queue");
    await shot(page, "journey-20-queue");

    await row.getByRole("link", { name: ORG_NAME }).click();
    await pageHeading(page, `申请审核：${ORG_NAME}`).waitFor();
    const changes = page
      .locator(".ant-card")
      .filter({ has: page.getByRole("heading", { name: "两次提交的变化" }) });
    await changes.getByText("对比第 1 次与第 2 次提交").waitFor();
    const answerRow = changes.getByRole("row").filter({ hasText: Q_BENEFICIARIES });
    await answerRow.getByText("1200").waitFor();
    await answerRow.getByText("1350").waitFor();
    const documentRow = changes.getByRole("row").filter({ hasText: DOCUMENTS[1].label });
    await documentRow.getByText(DOCUMENTS[1].file).waitFor();
    await documentRow.getByText(FIXED_FINANCE).waitFor();
    await checkA11y(page, "intake page, resubmitted with changes");
    await shot(page, "journey-21-changes");

    await button(page, "受理进入初筛").click();
    const dialog = page.getByRole("dialog", { name: "受理进入初筛" });
    await dialog.getByText("确定受理该申请进入初筛？").waitFor();
    // The finance report was replaced after it was found wanting and nobody looked again: the
    // dialog says so, and accepting anyway needs the tick.
    await dialog
      .getByRole("listitem")
      .filter({ hasText: DOCUMENTS[1].label })
      .getByText("已更新，待复核")
      .waitFor();
    await checkA11y(page, "accept dialog");
    await dialog.getByLabel("我已知悉以上情况，仍然受理").check();
    await button(dialog, "确定").click();
    await dialog.waitFor({ state: "hidden" });
    await page
      .locator(".ant-tag")
      .filter({ hasText: /^已受理（进入初筛）$/ })
      .first()
      .waitFor();
    await checkA11y(page, "intake page, accepted");
    await shot(page, "journey-22-accepted");

    // The screening file is one call's: from the queue filtered to the call (as the call's page
    // links to it), so each question and document is a column of its own.
    const staffApi = await e2e.api("staff");
    const { call } = await staffApi.get<ApplicationDetail>(`/api/applications/${applicationId()}`);
    await page.goto(`/applications?callId=${call.id}`);
    await row.getByText("已受理（进入初筛）").waitFor();
    await page.getByText("默认只导出该招募已进入初筛的申请").waitFor();
    const downloading = page.waitForEvent("download");
    await button(page, "导出初筛基础文件").click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const file = await download.path();
    await shot(page, "journey-23-exported");

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const preface = workbook.getWorksheet("说明");
    const sheet = workbook.getWorksheet("初筛基础文件");
    if (!preface || !sheet) throw new Error("the screening file lacks its 说明 or data sheet");
    expect(preface.getRow(2).getCell(2).text).toBe(CALL_TITLE);
    const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    const column = (name: string) => {
      const index = header.indexOf(name);
      if (index < 0) throw new Error(`no column "${name}" in ${JSON.stringify(header)}`);
      return index + 1;
    };
    for (const name of [
      "社会组织名称",
      "统一社会信用代码",
      "联系电话",
      "招募",
      "孵化方向",
      "申请状态",
      "提交次数",
      Q_MOTIVATION,
      Q_BENEFICIARIES,
      ...DOCUMENTS.flatMap((d) => [`${d.label}（文件）`, `${d.label}（审核）`]),
    ]) {
      column(name);
    }
    const rows: ExcelJS.Row[] = [];
    sheet.eachRow((r, n) => {
      if (n > 1 && r.getCell(column("社会组织名称")).text === ORG_NAME) rows.push(r);
    });
    expect(rows).toHaveLength(1);
    const [mine] = rows as [ExcelJS.Row];
    const cell = (name: string) => mine.getCell(column(name)).text;
    expect(cell("统一社会信用代码")).toBe(CREDIT_CODE);
    // Links into the platform, on the address the browser used.
    const origin = new URL(page.url()).origin;
    const hyperlink = (name: string) =>
      (mine.getCell(column(name)).value as ExcelJS.CellHyperlinkValue).hyperlink;
    expect(hyperlink("社会组织名称")).toBe(`${origin}/applications/${applicationId()}`);
    expect(hyperlink(`${DOCUMENTS[1].label}（文件）`)).toMatch(
      new RegExp(`^${origin}/api/files/[0-9a-f-]+$`),
    );
    expect(cell("招募")).toBe(CALL_TITLE);
    expect(cell("孵化方向")).toBe(TRACK_LABEL);
    expect(cell("申请状态")).toBe("已受理（进入初筛）");
    expect(cell("提交次数")).toBe("2");
    expect(cell("联系电话")).toBe(MASKED_MOBILE);
    expect(cell(Q_BENEFICIARIES)).toBe("1350");
    expect(cell(`${DOCUMENTS[1].label}（文件）`)).toBe(FIXED_FINANCE);
    // Marked 需修改, then replaced by the applicant and accepted without a new verdict: the file
    // says the verdict is about the old file, not that the new one needs correcting.
    expect(cell(`${DOCUMENTS[1].label}（审核）`)).toBe("已更新，待复核（上次审核：需修改）");
    for (const doc of DOCUMENTS.filter((d) => d.key !== "finance")) {
      expect(cell(`${doc.label}（文件）`)).toBe(doc.file);
      expect(cell(`${doc.label}（审核）`)).toBe("合格");
    }
    // The whole file never holds the full number.
    sheet.eachRow((r) => {
      for (const value of r.values as unknown[]) expect(String(value ?? "")).not.toContain(MOBILE);
    });
  },
  E2E_TEST_TIMEOUT,
);

test(
  "6. the printable dossier shows the organization and its documents without the app around it",
  async () => {
    const page = await e2e.page({ viewport: DESKTOP });
    await openApplicationAsStaff(page);
    await button(page, "打印材料汇总").click();
    await pageHeading(page, `申请材料汇总：${ORG_NAME}`).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/applications/${applicationId()}/dossier`);
    await checkA11y(page, "dossier");
    await shot(page, "journey-24-dossier");

    await page.emulateMedia({ media: "print" });
    await page.locator(".ant-layout-header").first().waitFor({ state: "hidden" });
    expect(await page.locator(".ant-layout-sider").first().isVisible()).toBe(false);
    expect(await button(page, "打印").isVisible()).toBe(false);
    await pageHeading(page, `申请材料汇总：${ORG_NAME}`).waitFor();
    const sheet = page.locator("article");
    await sheet.getByText(CREDIT_CODE).waitFor();
    for (const name of [FIXED_FINANCE, ...DOCUMENTS.filter((d) => d.key !== "finance").map((d) => d.file)])
      expect(await sheet.getByText(name).first().isVisible()).toBe(true);
    await sheet.getByText("已受理（进入初筛）").first().waitFor();
    await checkA11y(page, "dossier (print)");
    await shot(page, "journey-25-dossier-print");
  },
  E2E_TEST_TIMEOUT,
);
