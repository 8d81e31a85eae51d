/**
 * The screening file from the queue on a phone: no export until the filter names a call; then by
 * default only applications in screening, and the 包括未进入初筛的申请 switch widens the file to
 * the queue's statuses, which its 说明 sheet says.
 */
import ExcelJS from "exceljs";
import { expect, test } from "vitest";
import { SCREENING_STATUSES } from "../../src/domain/application";
import type { QueuePage } from "../../src/schemas/recruitment/intake";
import { checkA11y } from "./support/a11y";
import { PHONE } from "./support/browser";
import { E2E_TEST_TIMEOUT, setupE2E } from "./support/e2e";
import { shot } from "./support/shot";
import { button, pageHeading, signIn } from "./support/ui";

const e2e = setupE2E();

async function readBack(path: string) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const preface = book.getWorksheet("说明");
  const data = book.getWorksheet("初筛基础文件");
  if (!preface || !data) throw new Error("the screening file lacks a sheet");
  const lines = new Map<string, string>();
  preface.eachRow((r) => lines.set(r.getCell(1).text, r.getCell(2).text));
  return { lines, rows: data.actualRowCount - 1 };
}

test(
  "on a phone, the screening file waits for a call and widens only when switched",
  async () => {
    const staff = await e2e.api("staff");
    const page = await e2e.page({ viewport: PHONE });
    await signIn(page, "staff");
    await page.goto("/applications");
    await pageHeading(page, "申请审核").waitFor();
    await page.getByText("初筛基础文件按招募导出：请先在筛选中选择一个招募").waitFor();
    expect(await button(page, "导出初筛基础文件").isDisabled()).toBe(true);
    await shot(page, "screening-export-phone-no-call");

    const [first] = (await staff.get<QueuePage>("/api/applications?pageSize=1")).items;
    if (!first) throw new Error("the demo data has no application");
    const callId = first.call.id;
    await page.goto(`/applications?callId=${callId}`);
    await page.getByText("默认只导出该招募已进入初筛的申请").waitFor();
    await checkA11y(page, "intake queue with a call, on a phone");
    await shot(page, "screening-export-phone-call");

    // Those that reached screening and went on from it (inspection, review, decision).
    const inScreening = await staff.get<QueuePage>(
      `/api/applications?callId=${callId}&status=${SCREENING_STATUSES.join(",")}`,
    );
    let downloading = page.waitForEvent("download");
    await button(page, "导出初筛基础文件").click();
    const narrow = await readBack(await (await downloading).path());
    expect(narrow.rows).toBe(inScreening.total);
    expect(narrow.lines.get("招募")).toBe(first.call.title);
    expect(narrow.lines.get("筛选条件")).toContain("默认：已进入初筛及之后各阶段的申请");

    await page.getByRole("switch", { name: "包括未进入初筛的申请" }).click();
    await page.getByText("将按当前状态筛选导出").waitFor();
    await shot(page, "screening-export-phone-widened");
    const all = await staff.get<QueuePage>(`/api/applications?callId=${callId}`);
    downloading = page.waitForEvent("download");
    await button(page, "导出初筛基础文件").click();
    const wide = await readBack(await (await downloading).path());
    expect(wide.rows).toBe(all.total);
    expect(wide.rows).toBeGreaterThan(narrow.rows);
    expect(wide.lines.get("筛选条件")).not.toContain("默认");
  },
  E2E_TEST_TIMEOUT,
);
