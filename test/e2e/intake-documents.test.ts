/**
 * Reading documents during the completeness check, in the browser: staff open a PDF in the page
 * and mark its item beside it; the applicant replaces the returned file; staff then see only the
 * current file with the replaced one in its history; and after a decision staff step on to the
 * next application of the queue (or are told the queue is done). Every page is checked with axe.
 */
import { crc32, deflateSync } from "node:zlib";
import type { Page } from "playwright-core";
import { expect, test } from "vitest";
import type { Call } from "../../src/schemas/recruitment/calls";
import { checkA11y as checkPage } from "./support/a11y";
import { DESKTOP } from "./support/browser";
import { E2E_TEST_TIMEOUT, setupE2E } from "./support/e2e";
import { shot } from "./support/shot";
import { button, pageHeading, settle, signIn } from "./support/ui";

const e2e = setupE2E();
const PHONE_390 = { width: 390, height: 844 } as const;

const CALL_TITLE = "2026年度材料预览测试招募";
const PLAN = "项目计划书.pdf";
const FIXED_PLAN = "项目计划书（补充预算）.pdf";
const CERTIFICATE = "登记证书.png";
const CORRECTION = "缺少项目预算表";

const state: { callId?: string; applicationId?: string; orgName?: string } = {};

async function checkA11y(page: Page, name: string): Promise<void> {
  await settle(page);
  await checkPage(page, name);
}

/** A one-page PDF a browser renders (the server checks the bytes). */
function pdf(text: string): Buffer {
  const stream = `BT /F1 24 Tf 40 120 Td (${text}) Tj ET`;
  return Buffer.from(
    [
      "%PDF-1.4",
      "1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj",
      "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj",
      "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 420 300]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>endobj",
      `4 0 obj<</Length ${stream.length}>>stream`,
      stream,
      "endstream endobj",
      "5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj",
      "trailer<</Root 1 0 R>>",
      "%%EOF",
    ].join("\n"),
  );
}

/** A small grey PNG. */
function png(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(120, 0);
  header.writeUInt32BE(80, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  const rows = Buffer.concat(Array.from({ length: 80 }, () => Buffer.from([0, ...new Array(120).fill(190)])));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** One item of the completeness check on the staff page (while it may be checked). */
function intakeItem(page: Page, label: string) {
  return page.getByRole("listitem").filter({ has: page.getByRole("radiogroup", { name: `审核：${label}` }) });
}

function ids() {
  if (!state.callId || !state.applicationId || !state.orgName) throw new Error("the set-up step failed");
  return state as Required<typeof state>;
}

test(
  "0. set-up: a call with two documents, and the demo member's application to it, submitted",
  async () => {
    const staff = await e2e.api("staff");
    const day = 86_400_000;
    const document = (key: string, label: string) => ({ key, label, description: null, required: true });
    const call = await staff.post<Call>("/api/calls", {
      title: CALL_TITLE,
      description: "浏览器测试用的招募。",
      rules: {
        tracks: [
          {
            track: "org",
            quota: 5,
            maxApplications: null,
            eligibility: {
              minMonthsFounded: null,
              maxMonthsFounded: null,
              allowUnregistered: true,
              note: null,
            },
            documents: [document("plan", "项目计划书"), document("certificate", "登记证书")],
          },
        ],
        questions: [],
        opensAt: new Date(Date.now() - day).toISOString(),
        closesAt: new Date(Date.now() + 30 * day).toISOString(),
      },
    });
    await staff.post(`/api/calls/${call.id}/publish`, { version: call.version });
    const member = await e2e.api("member");
    const draft = await member.post<{ id: string }>("/api/applications", { callId: call.id, track: "org" });
    const path = `/api/applications/${draft.id}/documents`;
    await member.upload(path, { requirementKey: "plan" }, { name: PLAN, content: pdf("Project plan v1") });
    await member.upload(path, { requirementKey: "certificate" }, { name: CERTIFICATE, content: png() });
    const detail = await member.get<{ version: number; organization: { name: string } }>(
      `/api/applications/${draft.id}`,
    );
    await member.post(
      `/api/applications/${draft.id}/submit`,
      { version: detail.version },
      {
        "idempotency-key": `e2e-files-${Date.now()}`,
      },
    );
    Object.assign(state, { callId: call.id, applicationId: draft.id, orgName: detail.organization.name });
  },
  E2E_TEST_TIMEOUT,
);

test(
  "1. staff open the PDF in the page, mark its item beside it, return the application: the queue is done",
  async () => {
    const { callId, applicationId, orgName } = ids();
    const page = await e2e.page({ viewport: DESKTOP });
    await signIn(page, "staff");
    await page.goto(`/applications?callId=${callId}`);
    await pageHeading(page, "申请审核").waitFor();
    await page.getByRole("link", { name: orgName }).first().click();
    await pageHeading(page, `申请审核：${orgName}`).waitFor();
    expect(new URL(page.url()).searchParams.get("from")).toBe(`callId=${callId}`);

    await page.getByRole("button", { name: `查看 ${PLAN}` }).click();
    const drawer = page.getByRole("dialog", { name: `项目计划书：${PLAN}` });
    const frame = drawer.locator(`iframe[title="${PLAN}"]`);
    await frame.waitFor();
    await expect.poll(() => page.frames().some((f) => f.url().includes("inline=1"))).toBe(true);
    // What the frame was sent (asked again with the page's session: Chromium's PDF viewer
    // hands the page a response of its own).
    const src = (await frame.getAttribute("src")) ?? "";
    expect(src).toMatch(/^\/api\/files\/[0-9a-f-]+\?inline=1$/);
    const sent = await page.request.get(src);
    expect(sent.headers()["content-disposition"]).toMatch(/^inline;/);
    expect(sent.headers()["content-security-policy"]).toContain("sandbox");
    expect(sent.headers()["x-content-type-options"]).toBe("nosniff");
    await checkA11y(page, "intake page with the PDF open");
    await shot(page, "files-01-pdf-beside-verdict");

    // The verdict under the document: 需修改 with a reason, saved while the PDF is on screen.
    const verdict = drawer.getByRole("region", { name: "审核此项：项目计划书" });
    await verdict.locator("label").filter({ hasText: "需修改" }).click();
    await verdict.getByLabel("原因：项目计划书").fill(CORRECTION);
    await button(verdict, "保存").click();
    await page.getByText("已保存").first().waitFor();
    await drawer.getByRole("button", { name: "下一份材料" }).click();
    await page
      .getByRole("dialog", { name: `登记证书：${CERTIFICATE}` })
      .getByRole("img", { name: `${CERTIFICATE}（图片）` })
      .waitFor();
    await shot(page, "files-02-image-beside-verdict");
    await page
      .getByRole("dialog", { name: `登记证书：${CERTIFICATE}` })
      .getByRole("button", { name: "关闭" })
      .click();
    await expect
      .poll(() => intakeItem(page, "项目计划书").locator(".ant-tag").first().textContent())
      .toBe("需修改");

    await button(page, "退回补充").click();
    const dialog = page.getByRole("dialog", { name: "退回补充" });
    await button(dialog, "确定").click();
    await dialog.waitFor({ state: "hidden" });
    // The only application of this queue: the page says so and leads back to the queue.
    const banner = page.getByRole("status").filter({ hasText: "这是队列中的最后一份申请" });
    await banner.waitFor();
    await checkA11y(page, "decided, last in the queue");
    await shot(page, "files-03-last-in-queue");
    await button(banner, "返回队列").click();
    await page.waitForURL((url) => url.pathname === "/applications" && url.search === `?callId=${callId}`);
    expect(applicationId).toBeTruthy();
  },
  E2E_TEST_TIMEOUT,
);

test(
  "2. on a phone the document fills the screen with its verdict still at hand",
  async () => {
    const { applicationId } = ids();
    const page = await e2e.page({ viewport: PHONE_390, mobile: true });
    await signIn(page, "staff");
    await page.goto(`/applications/${applicationId}`);
    await page.getByRole("button", { name: `查看 ${CERTIFICATE}` }).click();
    const drawer = page.getByRole("dialog", { name: `登记证书：${CERTIFICATE}` });
    await drawer.getByRole("img", { name: `${CERTIFICATE}（图片）` }).waitFor();
    const box = await drawer.boundingBox();
    expect(box?.width).toBeGreaterThanOrEqual(PHONE_390.width - 1);
    await checkA11y(page, "document full screen (phone)");
    await shot(page, "files-04-phone-preview");
  },
  E2E_TEST_TIMEOUT,
);

test(
  "3. the applicant replaces the returned file; the old one is listed as replaced",
  async () => {
    const { applicationId } = ids();
    const page = await e2e.page({ viewport: PHONE_390, mobile: true });
    await signIn(page, "member");
    await page.goto(`/my-applications/${applicationId}`);
    await pageHeading(page, CALL_TITLE).waitFor();
    const plan = page.locator("#doc-plan");
    const replaceName = { name: `用修改后的文件替换“${PLAN}”` };
    await plan.getByRole("button", replaceName).waitFor();
    // The 替换 button opens a file chooser of its own (the item's 上传 has another).
    const [chooser] = await Promise.all([
      page.waitForEvent("filechooser"),
      plan.getByRole("button", replaceName).click(),
    ]);
    await chooser.setFiles({
      name: FIXED_PLAN,
      mimeType: "application/pdf",
      buffer: pdf("Project plan v2"),
    });
    await plan.getByRole("link", { name: FIXED_PLAN }).waitFor();
    const history = plan.getByRole("list", { name: "替换记录：项目计划书" });
    await history.getByText("已替换").waitFor();
    await history.getByRole("link", { name: PLAN }).waitFor();
    await checkA11y(page, "returned application, file replaced (phone)");
    await shot(page, "files-05-replaced-phone");

    await button(page, "重新提交").click();
    const confirm = page.getByRole("dialog", { name: "确认提交申请？" });
    await button(confirm, "重新提交").click();
    await page
      .locator(".ant-tag")
      .filter({ hasText: /^已重新提交$/ })
      .first()
      .waitFor();
  },
  E2E_TEST_TIMEOUT,
);

test(
  "4. staff see only the current file, the replaced one in the item's history, the verdict to redo",
  async () => {
    const { applicationId } = ids();
    const page = await e2e.page({ viewport: DESKTOP });
    await signIn(page, "staff");
    await page.goto(`/applications/${applicationId}`);
    const documents = page
      .locator(".ant-card")
      .filter({ has: page.getByRole("heading", { name: "申请材料" }) });
    const planItem = intakeItem(page, "项目计划书");
    await planItem.getByRole("link", { name: FIXED_PLAN }).first().waitFor();
    await planItem.getByText("已更新，待复核").waitFor();
    const history = planItem.getByRole("list", { name: "替换记录" });
    await history.getByText("已替换").waitFor();
    await history.getByRole("link", { name: PLAN }).waitFor();
    // Current files are the ones with 查看: the replaced PDF has none.
    await expect(documents.getByRole("button", { name: `查看 ${PLAN}` }).count()).resolves.toBe(0);
    await documents.getByRole("button", { name: `查看 ${FIXED_PLAN}` }).waitFor();
    await checkA11y(page, "intake page with a replaced file");
    await shot(page, "files-06-current-and-history");
  },
  E2E_TEST_TIMEOUT,
);

test(
  "5. after a decision staff step to the next application of the queue",
  async () => {
    const page = await e2e.page({ viewport: DESKTOP });
    await signIn(page, "staff");
    await page.goto("/applications?status=submitted,resubmitted&sort=name&order=asc");
    await pageHeading(page, "申请审核").waitFor();
    const rows = page.locator(".ant-table-tbody > tr.ant-table-row");
    await rows.nth(1).waitFor();
    const first = (await rows.nth(0).getByRole("link").first().textContent())?.trim() ?? "";
    const second = (await rows.nth(1).getByRole("link").first().textContent())?.trim() ?? "";
    expect(first && second && first !== second).toBeTruthy();
    await rows.nth(0).getByRole("link", { name: first }).click();
    await pageHeading(page, `申请审核：${first}`).waitFor();
    await page.getByRole("button", { name: `下一份申请：${second}` }).waitFor();

    await button(page, "受理进入初筛").click();
    const dialog = page.getByRole("dialog", { name: "受理进入初筛" });
    // Its items were never checked: accepting over them needs the explicit confirmation.
    await dialog.getByLabel("我已知悉以上情况，仍然受理").check();
    await button(dialog, "确定").click();
    await dialog.waitFor({ state: "hidden" });
    const banner = page.getByRole("status").filter({ hasText: `继续审核下一份：${second}` });
    await banner.waitFor();
    await checkA11y(page, "decided, the next one offered");
    await shot(page, "files-07-next-offered");
    await button(banner, "下一份").click();
    await pageHeading(page, `申请审核：${second}`).waitFor();
    // Still in the same queue: back leads to it with its filter and order.
    const url = new URL(page.url());
    expect(url.searchParams.get("from")).toBe("status=submitted,resubmitted&sort=name&order=asc");
    await checkA11y(page, "the next application");
  },
  E2E_TEST_TIMEOUT,
);
